/// The attribution cases `QuoteTests.attribution` checks: a text, and each of its quotes as kind|words|speaker.
extension QuoteTests {
    static let attributionCases: [(String, [String])] = [
        (
            "\"We will not stop,\" Jane Doe said.",
            ["direct|We will not stop,|Jane Doe"]
        ),
        (
            "“We will not stop,” said Jane Doe, the union leader.",
            ["direct|We will not stop,|Jane Doe"]
        ),
        (
            "Jane Doe, the union leader, said: \"We will not stop.\"",
            ["direct|We will not stop.|Jane Doe"]
        ),
        (
            "Union leader Jane Doe spoke first.\n\n\"We will not stop,\" she said. \"Not now.\"",
            ["direct|We will not stop, … Not now.|Jane Doe"]
        ),
        (
            "\"We will not stop,\" Jane Doe said, \"until the offer is fair.\"",
            ["direct|We will not stop, … until the offer is fair.|Jane Doe"]
        ),
        (
            "\"Absolutely not,\" Jane Doe, a writer for The Atlantic magazine, said on Twitter.",
            ["direct|Absolutely not,|Jane Doe"]
        ),
        (
            "Readers wrote in.\n\n“He is ignorant of our culture.” ― Pamela Padilla",
            ["direct|He is ignorant of our culture.|Pamela Padilla"]
        ),
        (
            // One signed quote per line, signed by names no list knows.
            "Readers wrote in.\n\n“He is ignorant of our culture.” ― Beck Pimentel\n“Fear. I am afraid.” ― Nell Carden Grey",
            ["direct|He is ignorant of our culture.|Beck Pimentel", "direct|Fear. I am afraid.|Nell Carden Grey"]
        ),
        (
            // A sentence always ends after "?”", so the attribution is a sentence of its own.
            "Senator Jane Doe spoke in Tulsa.\n\n“How many times must we see this?” she said.",
            ["direct|How many times must we see this?|Jane Doe"]
        ),
        (
            "The Valley Times reports:\n\n“The bridge will close for a year.”",
            ["direct|The bridge will close for a year.|Valley Times"]
        ),
        (
            // A quote standing alone after a sentence of reported speech goes on in that speaker's voice.
            "The strike may go on until spring, union leader Jane Doe said. \"Nobody here wants it to.\"",
            ["indirect|The strike may go on until spring|Jane Doe", "direct|Nobody here wants it to.|Jane Doe"]
        ),
        (
            // Reported words before their attribution run from the sentence's start, over a "while" inside.
            "Adam Schiff spoke.\n\nThe administration may be reluctant to act while John Kerry negotiates with"
                + " Russia over Syria, Schiff said.",
            [
                "indirect|The administration may be reluctant to act while John Kerry negotiates with Russia over"
                    + " Syria|Adam Schiff"
            ]
        ),
        (
            // Inside reported words, a verb that does not attribute ("whisked") opens no second attribution.
            "Hillary Clinton was ill.\n\nClinton’s van was supposed to be escorted by an NYPD protective detail,"
                + " but the Secret Service whisked her away from Ground Zero before cops could accompany her,"
                + " another source said.",
            [
                "indirect|Clinton’s van was supposed to be escorted by an NYPD protective detail, but the Secret"
                    + " Service whisked her away from Ground Zero before cops could accompany her|another source"
            ]
        ),
        (
            // After the verb, the words opening what it says are its object, not its speaker.
            "The Europeans, who had been cut out of the talks, derided the deal as toothless, but Mr. Obama learned"
                + " from the experience.",
            ["indirect|the deal as toothless|Europeans"]
        ),
        (
            "Congress meets on Monday.\n\nProponents, including the United States Conference of Mayors, have urged"
                + " Congress to leave the program intact.",
            ["indirect|to leave the program intact|Proponents"]
        ),
        (
            "Union leader Jane Doe said that the strike would go on.",
            ["indirect|that the strike would go on|Jane Doe"]
        ),
        (
            "Senator Mary Price endorsed Jane Doe for governor on Monday.",
            ["indirect|Jane Doe for governor on Monday|Mary Price"]
        ),
        (
            "The ministry declined to comment on the report.",
            ["indirect|to comment on the report|The ministry"]
        ),
        (
            "Mayor Joan Ellis told her advisers to find money for the bridge.",
            ["indirect|her advisers to find money for the bridge|Joan Ellis"]
        ),
        (
            "The strike will last into next week, attorneys for the dock workers said.",
            ["indirect|The strike will last into next week|attorneys for the dock workers"]
        ),
        (
            "Rents rose by a third in five years, a study of city records shows.",
            ["indirect|Rents rose by a third in five years|a study of city records"]
        ),
        (
            "To prevent floods, Mayor Joan Ellis said, the town must raise its dikes.",
            ["indirect|To prevent floods … the town must raise its dikes|Joan Ellis"]
        ),
        (
            "\"The data are clear,\" said Dr. Jane Smith, a professor at the University of Toronto.",
            ["direct|The data are clear,|Jane Smith"]
        ),
        (
            "\"This bridge will change the town,\" said the mayor, Joan Ellis, after the vote.",
            ["direct|This bridge will change the town,|Joan Ellis"]
        ),
        (
            "\"It's a disaster,\" said one resident, who asked not to be named.",
            ["direct|It's a disaster,|one resident"]
        ),
        (
            "The mayor, who spoke to reporters outside city hall, said crews would work through the night.",
            ["indirect|crews would work through the night|The mayor"]
        ),
        (
            "Prime Minister Justin Trudeau left early. \"We are staying,\" she said.",
            ["direct|We are staying,|she"]
        ),
        (
            "\"I don't know,\" Jane Smith said when asked about the timeline.",
            ["direct|I don't know,|Jane Smith"]
        ),
        (
            "State Department spokesman Mark Toner spoke first. \"It is fine,\" Mr Toner said.",
            ["direct|It is fine,|Mark Toner"]
        ),
        (
            // The attribution is the clause; the words in marks are its `quotedWords`.
            "Union leader Jane Doe called the offer \"an insult\" on Monday.",
            ["partial|the offer \"an insult\"|Jane Doe"]
        ),
        (
            "Union leader Jane Doe said the strike would go on.",
            ["indirect|the strike would go on|Jane Doe"]
        ),
        (
            "The strike will go on, union leader Jane Doe said.",
            ["indirect|The strike will go on|Jane Doe"]
        ),
        (
            "According to Amnesty International, the strikes hit three hospitals.",
            ["indirect|the strikes hit three hospitals|Amnesty International"]
        ),
        (
            // A title and a party-and-state parenthetical stand between the quote and the verb.
            "\"They may not want to answer,\" Rep. John Mica (R-Fla.) said.",
            ["direct|They may not want to answer,|John Mica"]
        ),
        (
            "\"They would just go get them,\" Rep. Jim Jordan (R-Ohio), an oversight panel member, said.",
            ["direct|They would just go get them,|Jim Jordan"]
        ),
        (
            // An adverb between the subject and its verb: the speaker is the subject, not the one told.
            "\"We will win,\" Jane Doe defiantly told the crowd.",
            ["direct|We will win,|Jane Doe"]
        ),
        (
            // After a colon the quote is a whole utterance, whatever came before its speaker.
            "Trump will probably use the encounter to make news, Jim Kall said: \"I feel like he has a surprise.\"",
            ["direct|I feel like he has a surprise.|Jim Kall"]
        ),
        (
            // The place after a participle is where they were, not who speaks.
            "Residents living near the plant said the smell was unbearable.",
            ["indirect|the smell was unbearable|Residents"]
        ),
        (
            "Protesters marching through the streets chanted \"What curfew?\" and kept going.",
            ["direct|What curfew?|Protesters"]
        ),
        (
            // A body's title before the name: the speaker is the person, not "panel".
            "\"We will get the documents,\" said panel Chairman Rep. Jason Chaffetz (R-Utah).",
            ["direct|We will get the documents,|Jason Chaffetz"]
        ),
        (
            // "Del." is a title, so the sentence goes on to the name.
            "\"This is a waste of time,\" said Del. Stacey Plaskett.",
            ["direct|This is a waste of time,|Stacey Plaskett"]
        ),
        (
            "\"Why is this not proof that it is too big to fail?\" Senator David Vitter demanded.",
            ["direct|Why is this not proof that it is too big to fail?|David Vitter"]
        ),
        (
            // A double mark spaced off the single mark closing a quote inside it closes too.
            "\"I have always been insulted with the term 'African American outreach,' \" Donald Trump told the group.",
            ["direct|I have always been insulted with the term 'African American outreach,'|Donald Trump"]
        ),
        (
            // A show's title after a possessive is nobody's words; what follows it is the report.
            "Sanders told MSNBC's \"Morning Joe\" that nobody would question his record.",
            ["indirect|that nobody would question his record|Sanders"]
        ),
        (
            "\"We cannot paint with a broad brush,\" Pence said on CNN's \"State of the Union.\"",
            ["direct|We cannot paint with a broad brush,|Pence"]
        ),
        (
            // Marks around an id in leftover markup hold no words.
            "She posted it. <tweet tweet-id=\"783492272595750912\"><tweet/>. Then she left.",
            []
        ),
    ]
}
