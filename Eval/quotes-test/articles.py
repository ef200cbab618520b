# A second quote set, written after the dev set and never tuned on: scored once per change to report how
# the dev-set numbers carry over. Written for Corroborate by its authors (no outside text).
# `python3 articles.py` rewrites articles.jsonl and checks every span occurs.
import pathlib
import sys

ARTICLES = [
 dict(id="t-housing", published="2025-04-02", text="""Rents in the capital rose 11 percent last year, the fastest pace since records began, according to figures released on Wednesday by the national statistics office.

Housing minister Clare Donnelly, who has been in the post for less than a month, said the numbers were "a wake-up call."

"We will build, and we will build quickly," Donnelly told the Irish Times in an interview. "But I won't pretend it happens overnight."

Tenants' groups were unimpressed. Niamh Byrne of the Dublin Renters' Union said ministers had been promising new homes for a decade.

A senior official in the department, speaking on condition of anonymity, said planning delays were the main obstacle.""",
  quotes=[
   ("indirect","Rents in the capital rose 11 percent last year, the fastest pace since records began","national statistics office"),
   ("indirect","the numbers were \"a wake-up call.\"","Clare Donnelly"),
   ("partial","a wake-up call.","Clare Donnelly"),
   ("direct","We will build, and we will build quickly,","Clare Donnelly"),
   ("direct","But I won't pretend it happens overnight.","Clare Donnelly"),
   ("indirect","ministers had been promising new homes for a decade","Niamh Byrne"),
   ("indirect","planning delays were the main obstacle","senior official"),
  ]),
 dict(id="t-wildfire", published="2025-08-11", text="""Firefighters battled a wildfire that has burned more than 12,000 hectares in the hills above Marseille.

"The wind changed direction three times in one afternoon," fire chief Olivier Roux said. "My crews have not slept in two days."

Roux said about 1,500 residents had been evacuated as a precaution.

Asked whether the fire was under control, Interior Minister Sophie Marchand replied: "Not yet. But we are making progress."

Police said a man had been detained on suspicion of starting the fire.""",
  quotes=[
   ("direct","The wind changed direction three times in one afternoon,","Olivier Roux"),
   ("direct","My crews have not slept in two days.","Olivier Roux"),
   ("indirect","about 1,500 residents had been evacuated as a precaution","Olivier Roux"),
   ("direct","Not yet. But we are making progress.","Sophie Marchand"),
   ("indirect","a man had been detained on suspicion of starting the fire","Police"),
  ]),
 dict(id="t-trade", published="2025-02-18", text="""The European Commission said on Monday it would open an investigation into subsidised steel imports.

Trade Commissioner Anders Lindqvist told reporters in Brussels that European producers were being "pushed out of their own market."

"We are not protectionist. We are asking for fair competition," he said.

The China Chamber of Commerce to the EU called the move "regrettable" and warned that it could harm trade relations.

Steelmakers welcomed the decision. "It is long overdue," said Karl Weber, chief executive of the industry association Eurofer.""",
  quotes=[
   ("indirect","it would open an investigation into subsidised steel imports","European Commission"),
   ("indirect","European producers were being \"pushed out of their own market.\"","Anders Lindqvist"),
   ("partial","pushed out of their own market.","Anders Lindqvist"),
   ("direct","We are not protectionist. We are asking for fair competition,","Anders Lindqvist"),
   ("partial","regrettable","China Chamber of Commerce to the EU"),
   ("indirect","it could harm trade relations","China Chamber of Commerce to the EU"),
   ("direct","It is long overdue,","Karl Weber"),
  ]),
 dict(id="t-vaccine", published="2024-10-07", text="""A new malaria vaccine cut severe cases among young children by 75 percent in a trial across four countries, researchers reported in The Lancet.

Lead author Dr. Amina Okafor said the results exceeded expectations.

"When we started, we hoped for 50 percent. Seeing these numbers, I had to check them twice," Okafor said.

She cautioned, however, that the vaccine needed four doses, which could make it hard to deliver in remote areas.

The World Health Organization said it would review the data before the end of the year.""",
  quotes=[
   ("indirect","A new malaria vaccine cut severe cases among young children by 75 percent in a trial across four countries","researchers"),
   ("indirect","the results exceeded expectations","Amina Okafor"),
   ("direct","When we started, we hoped for 50 percent. Seeing these numbers, I had to check them twice,","Amina Okafor"),
   ("indirect","the vaccine needed four doses, which could make it hard to deliver in remote areas","Amina Okafor"),
   ("indirect","it would review the data before the end of the year","World Health Organization"),
  ]),
 dict(id="t-football", published="2025-05-25", text="""Manager Eddie Howe praised his side's resilience after they came from two goals down to draw 2-2 at Anfield.

"At half-time I told them: keep going, the chance will come. And it did," Howe said.

Liverpool captain Virgil van Dijk admitted his team had switched off. "We can't concede goals like that at this level," he told Sky Sports.

The result leaves both clubs level on 67 points with one game to play.""",
  quotes=[
   ("indirect","his side's resilience after they came from two goals down to draw 2-2 at Anfield","Eddie Howe"),
   ("direct","At half-time I told them: keep going, the chance will come. And it did,","Eddie Howe"),
   ("indirect","his team had switched off","Virgil van Dijk"),
   ("direct","We can't concede goals like that at this level,","Virgil van Dijk"),
  ]),
 dict(id="t-cyber", published="2025-01-21", text="""Hackers stole the personal data of about 3 million customers of the telecom operator Telnova, the company disclosed on Tuesday.

In a statement, Telnova said that no passwords or payment details had been taken and that it had informed the data protection authority.

Cybersecurity researcher Mikko Laine said the breach appeared to be the work of a known criminal group.

"They are professional, patient and very well funded," Laine said. "This will not be their last attack."

The data protection authority said it was investigating.""",
  quotes=[
   ("indirect","Hackers stole the personal data of about 3 million customers of the telecom operator Telnova","Telnova"),
   ("indirect","no passwords or payment details had been taken and that it had informed the data protection authority","Telnova"),
   ("indirect","the breach appeared to be the work of a known criminal group","Mikko Laine"),
   ("direct","They are professional, patient and very well funded,","Mikko Laine"),
   ("direct","This will not be their last attack.","Mikko Laine"),
   ("indirect","it was investigating","data protection authority"),
  ]),
]

if __name__ == "__main__":
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
    from quote_sets import write

    write(pathlib.Path(__file__).resolve().parent, ARTICLES)
