# The quote dev set's source: articles written for Corroborate by its authors (no outside text), with their
# quotes annotated by hand. `python3 articles.py` rewrites articles.jsonl and checks every span occurs.
import pathlib
import sys

ARTICLES = [
 dict(id="strike-1", published="2024-03-12", text="""Dock workers in Rotterdam walked out on Monday over pay, halting most container traffic at Europe's largest port.

"We have been patient for two years and we are done waiting," union leader Marieke de Vries told reporters outside the terminal.

De Vries said the port authority had offered a raise of 2 percent, which she called "an insult to every family here."

The Port of Rotterdam Authority said in a statement that it remained open to talks and that contingency plans were in place.

"Nobody wins from a long strike," said Allard Castelein, the authority's chief executive. "We want ships moving again by Friday."

Shipping analysts estimated that at least 40 vessels were waiting offshore.""",
  quotes=[
   ("direct","We have been patient for two years and we are done waiting,","Marieke de Vries"),
   ("indirect","the port authority had offered a raise of 2 percent, which she called \"an insult to every family here.\"","Marieke de Vries"),
   ("partial","an insult to every family here.","Marieke de Vries"),
   ("indirect","it remained open to talks and that contingency plans were in place","Port of Rotterdam Authority"),
   ("direct","Nobody wins from a long strike,","Allard Castelein"),
   ("direct","We want ships moving again by Friday.","Allard Castelein"),
   ("indirect","at least 40 vessels were waiting offshore","Shipping analysts"),
  ]),
 dict(id="flood-1", published="2023-09-05", text="""Heavy rain flooded parts of the city of Valencia on Tuesday, forcing hundreds of residents from their homes.

Mayor Carlos Ruiz said emergency crews had rescued 57 people from cars and basements overnight.

"The water came up so fast that people had no time to react," he said. "I have never seen anything like it in this city."

The regional weather service warned that more storms were expected on Wednesday.

According to the Red Cross, more than 300 people spent the night in temporary shelters.

Resident Ana Lopez, 68, said she lost everything on the ground floor. "The furniture, the photos, all of it is gone," she said.""",
  quotes=[
   ("indirect","emergency crews had rescued 57 people from cars and basements overnight","Carlos Ruiz"),
   ("direct","The water came up so fast that people had no time to react,","Carlos Ruiz"),
   ("direct","I have never seen anything like it in this city.","Carlos Ruiz"),
   ("indirect","more storms were expected on Wednesday","regional weather service"),
   ("indirect","more than 300 people spent the night in temporary shelters","Red Cross"),
   ("indirect","she lost everything on the ground floor","Ana Lopez"),
   ("direct","The furniture, the photos, all of it is gone,","Ana Lopez"),
  ]),
 dict(id="election-1", published="2022-05-22", text="""Opposition candidate Thomas Berg claimed victory in Sunday's parliamentary election, though official results were not expected until Monday.

"Tonight the country chose a new direction," Berg told supporters in the capital. "We will govern for everyone, including those who did not vote for us."

Prime Minister Helena Strand did not concede. In a televised address, she said it was too early to draw conclusions and urged calm.

Election commission chairman Peter Holm said turnout had reached 71 percent, the highest in two decades.

Strand's spokesman, Erik Lund, described Berg's speech as "premature and irresponsible.\"""",
  quotes=[
   ("indirect","Berg's speech as \"premature and irresponsible.","Erik Lund"),
   ("direct","Tonight the country chose a new direction,","Thomas Berg"),
   ("direct","We will govern for everyone, including those who did not vote for us.","Thomas Berg"),
   ("indirect","it was too early to draw conclusions and urged calm","Helena Strand"),
   ("indirect","turnout had reached 71 percent, the highest in two decades","Peter Holm"),
   ("partial","premature and irresponsible.","Erik Lund"),
  ]),
 dict(id="health-1", published="2021-11-30", text="""The World Health Organization said on Tuesday that a new variant had been detected in at least 12 countries.

WHO Director-General Tedros Adhanom Ghebreyesus urged governments not to impose blanket travel bans. "Blanket bans will not prevent its spread, and they place a heavy burden on lives and livelihoods," Tedros told a news conference in Geneva.

Health Minister Julia Novak said her country would nonetheless suspend flights from the affected region for two weeks.

"We are buying time," Novak said. "Time to learn what we are dealing with."

Scientists cautioned that it could take weeks to understand how the variant behaves.""",
  quotes=[
   ("indirect","governments not to impose blanket travel bans","Tedros Adhanom Ghebreyesus"),
   ("indirect","a new variant had been detected in at least 12 countries","World Health Organization"),
   ("direct","Blanket bans will not prevent its spread, and they place a heavy burden on lives and livelihoods,","Tedros Adhanom Ghebreyesus"),
   ("indirect","her country would nonetheless suspend flights from the affected region for two weeks","Julia Novak"),
   ("direct","We are buying time,","Julia Novak"),
   ("direct","Time to learn what we are dealing with.","Julia Novak"),
   ("indirect","it could take weeks to understand how the variant behaves","Scientists"),
  ]),
 dict(id="court-1", published="2020-02-14", text="""A federal judge on Thursday blocked the city's new zoning rules, ruling that officials had failed to consult residents.

Judge Margaret Ellis wrote that the council had acted "with unusual haste and little regard for the law."

City attorney David Kim said the city would appeal. "We respectfully disagree with the court's reading of the statute," Kim said in a statement.

The residents' lawyer, Sofia Grant, called the ruling a victory for ordinary people.

"This is what happens when neighbors organize," Grant said.""",
  quotes=[
   ("indirect","the council had acted \"with unusual haste and little regard for the law.\"","Margaret Ellis"),
   ("partial","with unusual haste and little regard for the law.","Margaret Ellis"),
   ("indirect","the city would appeal","David Kim"),
   ("direct","We respectfully disagree with the court's reading of the statute,","David Kim"),
   ("direct","This is what happens when neighbors organize,","Sofia Grant"),
  ]),
 dict(id="tech-1", published="2024-06-03", text="""Chipmaker Norvik Semiconductors said on Monday it would build a $4 billion factory in Ohio, creating about 2,000 jobs.

Chief executive Laura Chen told investors that demand for its chips had outpaced supply for three straight quarters.

"We simply cannot make them fast enough," Chen said.

Governor Mike Reynolds welcomed the decision. "This is the largest private investment in the state's history," he said in a statement.

Some analysts were skeptical. "The timeline looks ambitious," said Raj Patel, an analyst at Meridian Research, who noted that similar projects had run years late.""",
  quotes=[
   ("indirect","it would build a $4 billion factory in Ohio, creating about 2,000 jobs","Norvik Semiconductors"),
   ("indirect","demand for its chips had outpaced supply for three straight quarters","Laura Chen"),
   ("direct","We simply cannot make them fast enough,","Laura Chen"),
   ("direct","This is the largest private investment in the state's history,","Mike Reynolds"),
   ("direct","The timeline looks ambitious,","Raj Patel"),
   ("indirect","similar projects had run years late","Raj Patel"),
  ]),
 dict(id="conflict-1", published="2023-10-17", text="""Shelling killed at least 14 civilians in the eastern town of Kramsk overnight, local officials said on Tuesday.

Regional governor Pavel Ivanenko said rescuers were still searching the rubble of two apartment blocks.

"They hit homes, not military targets," Ivanenko said. "There were children sleeping in those buildings."

The defence ministry denied that its forces had targeted residential areas and said the strikes hit an ammunition depot.

A United Nations spokesperson, Stephane Marchetti, said the organization was "deeply alarmed" by the reports.""",
  quotes=[
   ("indirect","Shelling killed at least 14 civilians in the eastern town of Kramsk overnight","local officials"),
   ("indirect","rescuers were still searching the rubble of two apartment blocks","Pavel Ivanenko"),
   ("direct","They hit homes, not military targets,","Pavel Ivanenko"),
   ("direct","There were children sleeping in those buildings.","Pavel Ivanenko"),
   ("indirect","its forces had targeted residential areas","defence ministry"),
   ("indirect","the strikes hit an ammunition depot","defence ministry"),
   ("indirect","the organization was \"deeply alarmed\" by the reports","Stephane Marchetti"),
   ("partial","deeply alarmed","Stephane Marchetti"),
  ]),
 dict(id="sport-1", published="2022-12-19", text="""Argentina's coach Lionel Scaloni said his players had "given everything" after they won the final on penalties.

"I'm proud of this group. They never stopped believing, even when we were behind," Scaloni said.

"We suffered, but that is football," added goalkeeper Emiliano Martinez, who saved two penalties.

France coach Didier Deschamps said his team had fought back with great character. "We were close. It hurts," he told French television.""",
  quotes=[
   ("indirect","his players had \"given everything\" after they won the final on penalties","Lionel Scaloni"),
   ("partial","given everything","Lionel Scaloni"),
   ("direct","I'm proud of this group. They never stopped believing, even when we were behind,","Lionel Scaloni"),
   ("direct","We suffered, but that is football,","Emiliano Martinez"),
   ("indirect","his team had fought back with great character","Didier Deschamps"),
   ("direct","We were close. It hurts,","Didier Deschamps"),
  ]),
 dict(id="climate-1", published="2023-07-20", text="""Global temperatures in June were the highest on record for the month, the Copernicus Climate Change Service said on Thursday.

The agency's deputy director, Samantha Burgess, said the record was "extremely worrying" and warned that July could be hotter still.

A report published last week by the research group Carbon Watch says emissions from aviation rose by 9 percent last year.

The report says airlines are "nowhere near" their own targets.

Industry body Airlines for Europe rejected the findings. Its spokesman, Marc Laurent, said the report ignored investments in cleaner fuels.""",
  quotes=[
   ("indirect","the findings","Airlines for Europe"),
   ("indirect","Global temperatures in June were the highest on record for the month","Copernicus Climate Change Service"),
   ("indirect","the record was \"extremely worrying\"","Samantha Burgess"),
   ("indirect","July could be hotter still","Samantha Burgess"),
   ("partial","extremely worrying","Samantha Burgess"),
   ("indirect","emissions from aviation rose by 9 percent last year","Carbon Watch"),
   ("indirect","airlines are \"nowhere near\" their own targets","Carbon Watch"),
   ("partial","nowhere near","Carbon Watch"),
   ("indirect","the report ignored investments in cleaner fuels","Marc Laurent"),
  ]),
 dict(id="policy-1", published="2024-01-09", text="""The finance ministry will cut fuel subsidies by half from April, Finance Minister Omar Haddad announced on Tuesday.

Haddad told parliament that the subsidies cost the state more than $3 billion a year. "We cannot keep borrowing to pay for cheap petrol," he said.

Opposition leader Leila Mansour said the cut would hit the poorest families hardest.

"The government is balancing its books on the backs of workers," Mansour said. "We will fight this in parliament and in the streets."

Economists at the Central Bank estimated that inflation could rise by two percentage points.""",
  quotes=[
   ("indirect","The finance ministry will cut fuel subsidies by half from April","Omar Haddad"),
   ("indirect","subsidies cost the state more than $3 billion a year","Omar Haddad"),
   ("direct","We cannot keep borrowing to pay for cheap petrol,","Omar Haddad"),
   ("indirect","the cut would hit the poorest families hardest","Leila Mansour"),
   ("direct","The government is balancing its books on the backs of workers,","Leila Mansour"),
   ("direct","We will fight this in parliament and in the streets.","Leila Mansour"),
   ("indirect","inflation could rise by two percentage points","Economists at the Central Bank"),
  ]),
 dict(id="science-1", published="2021-04-08", text="""Physicists at the Fermi National Accelerator Laboratory reported on Wednesday that muons wobble more than the standard model predicts.

"This is strong evidence that the muon is sensitive to something that is not in our best theory," said Renee Fatemi, a physicist at the University of Kentucky.

Fermilab deputy director Joe Lykken cautioned that more data were needed before claiming a discovery.

‘We have to be careful,’ Lykken told reporters. ‘Extraordinary claims need extraordinary evidence.’""",
  quotes=[
   ("indirect","muons wobble more than the standard model predicts","Physicists at the Fermi National Accelerator Laboratory"),
   ("direct","This is strong evidence that the muon is sensitive to something that is not in our best theory,","Renee Fatemi"),
   ("indirect","more data were needed before claiming a discovery","Joe Lykken"),
   ("direct","We have to be careful,","Joe Lykken"),
   ("direct","Extraordinary claims need extraordinary evidence.","Joe Lykken"),
  ]),
 dict(id="transport-1", published="2022-08-15", text="""Rail services between the two cities were suspended on Sunday after a freight train derailed near Linden.

Network operator RailCo said no one had been injured and that the line could reopen by Wednesday.

Commuter group chair Fiona Walsh said passengers were tired of disruption.

"It's the third closure this year. People are losing their patience, and frankly, so am I," Walsh said.

"Every derailment is investigated thoroughly," a RailCo spokeswoman said. "Safety is our first priority.\"""",
  quotes=[
   ("indirect","no one had been injured and that the line could reopen by Wednesday","RailCo"),
   ("indirect","passengers were tired of disruption","Fiona Walsh"),
   ("direct","It's the third closure this year. People are losing their patience, and frankly, so am I,","Fiona Walsh"),
   ("direct","Every derailment is investigated thoroughly,","RailCo"),
   ("direct","Safety is our first priority.","RailCo"),
  ]),
 dict(id="diplomacy-1", published="2023-03-02", text="""Foreign ministers of the Group of 20 failed to agree on a joint statement on Thursday.

Host foreign minister Anil Mehra said differences over the war had made consensus impossible.

"We tried very hard, but the gaps were too wide," Mehra said at a closing news conference.

U.S. Secretary of State Mary Collins accused Moscow of "blocking every effort at compromise."

Russian Foreign Minister Dmitri Orlov rejected the charge. "The West wants to impose its views on everyone," he said, adding that Russia was ready for dialogue.""",
  quotes=[
   ("indirect","Moscow of \"blocking every effort at compromise.","Mary Collins"),
   ("indirect","the charge","Dmitri Orlov"),
   ("indirect","differences over the war had made consensus impossible","Anil Mehra"),
   ("direct","We tried very hard, but the gaps were too wide,","Anil Mehra"),
   ("partial","blocking every effort at compromise.","Mary Collins"),
   ("direct","The West wants to impose its views on everyone,","Dmitri Orlov"),
   ("indirect","Russia was ready for dialogue","Dmitri Orlov"),
  ]),
 dict(id="business-1", published="2024-02-27", text="""Shares in retailer Hollis & Co fell 18 percent on Tuesday after it warned that profits would be lower than expected.

The company said sales over the holiday season had been hurt by warm weather and weak consumer confidence.

Chief financial officer Greta Olsen told analysts on a call: "The consumer is under pressure, and we do not see that changing soon."

Analyst Ben Carter of Northgate Securities said the warning was "worse than feared" and cut his target price.""",
  quotes=[
   ("indirect","profits would be lower than expected","Hollis & Co"),
   ("indirect","sales over the holiday season had been hurt by warm weather and weak consumer confidence","Hollis & Co"),
   ("direct","The consumer is under pressure, and we do not see that changing soon.","Greta Olsen"),
   ("indirect","the warning was \"worse than feared\" and cut his target price","Ben Carter"),
   ("partial","worse than feared","Ben Carter"),
  ]),
 dict(id="education-1", published="2023-01-16", text="""Teachers in the province will strike for three days next week, their union said on Monday.

Union president Karen Doyle said class sizes had grown every year for a decade. "Our members are exhausted," Doyle said. "They are doing the work of two people."

Education Minister Paul Fraser called the strike "unnecessary" and said the government had made a fair offer.

Parents' association spokesman Tom Reid said families were caught in the middle.""",
  quotes=[
   ("indirect","Teachers in the province will strike for three days next week","union"),
   ("indirect","class sizes had grown every year for a decade","Karen Doyle"),
   ("direct","Our members are exhausted,","Karen Doyle"),
   ("direct","They are doing the work of two people.","Karen Doyle"),
   ("partial","unnecessary","Paul Fraser"),
   ("indirect","the government had made a fair offer","Paul Fraser"),
   ("indirect","families were caught in the middle","Tom Reid"),
  ]),
 dict(id="space-1", published="2022-11-16", text="""NASA's new moon rocket lifted off from Florida early on Wednesday after months of delays.

"What a sight," launch director Charlie Blackwell-Thompson told her team moments after liftoff. "You have earned your place in history."

NASA Administrator Bill Nelson said the flight marked the start of a new era of exploration.

The agency said the Orion capsule would fly around the moon and return to Earth in about 25 days.""",
  quotes=[
   ("direct","What a sight,","Charlie Blackwell-Thompson"),
   ("direct","You have earned your place in history.","Charlie Blackwell-Thompson"),
   ("indirect","the flight marked the start of a new era of exploration","Bill Nelson"),
   ("indirect","the Orion capsule would fly around the moon and return to Earth in about 25 days","NASA"),
  ]),
 dict(id="crime-1", published="2024-05-11", text="""Police arrested three men on Friday in connection with a series of jewellery store robberies, according to a police statement.

Detective Inspector Sarah Hughes said the arrests followed a six-month investigation.

"These were carefully planned crimes," Hughes said. "We believe the group is responsible for at least seven robberies across the region."

A lawyer for one of the men, James Whitfield, said his client denied any involvement.""",
  quotes=[
   ("indirect","Police arrested three men on Friday in connection with a series of jewellery store robberies","police statement"),
   ("indirect","the arrests followed a six-month investigation","Sarah Hughes"),
   ("direct","These were carefully planned crimes,","Sarah Hughes"),
   ("direct","We believe the group is responsible for at least seven robberies across the region.","Sarah Hughes"),
   ("indirect","his client denied any involvement","James Whitfield"),
  ]),
 dict(id="migration-1", published="2023-06-15", text="""At least 78 people died when a fishing boat carrying migrants capsized off the coast on Wednesday, the coast guard said.

Coast guard spokesman Nikos Alexiou said 104 people had been rescued, but that hundreds more may have been on board.

"We fear the death toll will rise considerably," Alexiou told state television.

The UN refugee agency said survivors described the vessel as dangerously overcrowded.""",
  quotes=[
   ("indirect","At least 78 people died when a fishing boat carrying migrants capsized off the coast on Wednesday","coast guard"),
   ("indirect","104 people had been rescued, but that hundreds more may have been on board","Nikos Alexiou"),
   ("direct","We fear the death toll will rise considerably,","Nikos Alexiou"),
   ("indirect","survivors described the vessel as dangerously overcrowded","UN refugee agency"),
  ]),
]

if __name__ == "__main__":
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
    from quote_sets import write

    write(pathlib.Path(__file__).resolve().parent, ARTICLES)
