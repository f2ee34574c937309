"""Speaker resolution rules: pronoun gender, caption run-ons, shared surnames, role nouns."""

from __future__ import annotations

from summarizers.quotes.gender import FEMALE, MALE, described_gender, first_name_gender
from summarizers.quotes.names import NameIndex, is_title
from tests.conftest import speakers

# Two sentences that name nobody, to put distance between mentions.
FILLER = (
    "The coast guard searched the sea for weeks and found nothing at all, and the family "
    "feared the worst as the winter storms went on."
)


def test_first_names_and_descriptions_show_gender() -> None:
    assert first_name_gender("Bill") == MALE
    assert first_name_gender("Ségolène") == FEMALE
    assert first_name_gender("Jean") is None  # a man's name in French, a woman's in English
    assert first_name_gender("Alex") is None
    assert described_gender("the 34-year-old mother".split()) == FEMALE
    assert described_gender("his wife and son".split()) is None


def test_she_is_never_a_man_known_by_first_name() -> None:
    found = speakers(
        "Mary Smith wrote to the panel last week. Bill Kirkup, who led the inquiry, read the "
        "letter out. She stated: 'In writing these words I seek no leniency at all.'"
    )
    assert found == ["Mary Smith"]


def test_she_is_never_a_man_described_as_a_father() -> None:
    found = speakers(
        "Alex Green wrote to the panel last week. Sam Brown, the 34-year-old father, read the "
        "letter out. She stated: 'In writing these words I seek no leniency at all.'"
    )
    assert found == ["Alex Green"]


def test_french_elle_is_never_a_man_known_by_first_name() -> None:
    found = speakers(
        "Marie Dupont a écrit au tribunal. Pierre Martin, qui préside la commission, a lu la "
        "lettre. « Je ne demande aucune clémence à personne », a-t-elle ajouté.",
        language="fr",
    )
    assert found == ["Marie Dupont"]


def test_caption_glued_after_a_place_is_split() -> None:
    found = speakers(
        "Natalia Moon, 23, moved to Manila two years ago.",
        "Now a star in the Philippines Australia Natalia Moon said: 'I love it here and I will "
        "stay for years.'",
    )
    assert found == ["Natalia Moon"]


def test_caption_glued_before_a_known_surname_is_split() -> None:
    found = speakers(
        "Tim Sherwood took charge in February.",
        "Pictured at White Hart Lane Sherwood said: 'This is the biggest game of the season.'",
    )
    assert found == ["Tim Sherwood"]


def test_a_name_run_into_itself_is_two_names() -> None:
    found = speakers(
        "John Sims married Lindsey in March. Lindsey quit her job to look after John 'My love "
        "for you is eternal,' John told his bride."
    )
    assert found == ["John Sims"]


def test_a_quote_is_not_a_nickname() -> None:
    index = NameIndex("They met John 'My love is yours' Sims and Lee 'Uncle Poodle' Thompson.")
    assert {m.core for m in index.mentions} == {("John",), ("Sims",), ("Lee", "Thompson")}


def test_a_first_name_in_brackets_completes_the_surname_after_it() -> None:
    found = speakers(
        "James scored 30 points.\n\n"
        "\"Coach (Frank) Vogel came in here and said, 'Congrats,'\" James said.\n\n"
        '"He is just playing terrific basketball," Vogel said.'
    )
    assert found == ["James", "Frank Vogel"]
    # Only a first name: "(Reuters) Smith" is no name.
    assert [m.core for m in NameIndex("As told (Reuters) Smith said.").mentions][-1] == ("Smith",)


def test_a_pet_first_name_is_the_formal_one_given_elsewhere() -> None:
    found = speakers(
        "Daniela Büchner zeigt sich auf Instagram.",
        "„Ich habe ja schon gesagt, dass es mir gut geht“, schreibt Danni Büchner.",
        "„Am Ende wird alles gut“, sagte Büchner.",
        language="de",
    )
    assert found == ["Daniela Büchner", "Daniela Büchner"]
    index = NameIndex("Danny Redmond scored late, and Daniel Redmond shot wide.")
    assert {index.fullest(m) for m in index.mentions} == {"Daniel Redmond"}
    index = NameIndex("Ali Khan came with Alison Khan.")
    assert [index.fullest(m) for m in index.mentions] == ["Ali Khan", "Alison Khan"]


def test_shared_surname_takes_the_full_name_just_before() -> None:
    found = speakers(
        "The last time Frank Jordan spoke with his son, the boat was fine.",
        FILLER,
        FILLER,
        'Louis Jordan, 37, took his sailboat out in January. "I was utterly thankful to the '
        'people who rescued me," Jordan told CNN.',
    )
    assert found == ["Louis Jordan"]


def test_shared_surname_stays_short_when_both_were_just_named() -> None:
    found = speakers(
        "Blues legend B.B. King was in hospital. His daughter, Claudette King, spoke to the "
        'Times. "I am feeling much better and am leaving today," King said.'
    )
    assert found == ["King"]


def test_nationality_points_to_the_person_so_described() -> None:
    found = speakers(
        "Carlo Ancelotti, the Italian coach, spoke on Friday to the press in Madrid. Mario "
        'Rossi is out. "Benzema is not available for Saturday but he will be back soon," '
        "the Italian said."
    )
    assert found == ["Carlo Ancelotti"]


def test_nationality_with_nobody_so_described_is_unknown() -> None:
    found = speakers(
        "Carlo Ancelotti, the Italian coach, spoke on Friday to the press in Madrid. Mario "
        'Rossi is out. "Benzema is not available for Saturday but he will be back soon," '
        "the Spaniard said."
    )
    assert found == [None]


def test_a_title_outweighs_the_pronouns_around_a_name() -> None:
    # Mr Lane's sentence is about a woman: its "she" and "her" do not make him one.
    found = speakers(
        "Mr David Lane said: 'She told her friend that her dress was torn and her bag was gone.' "
        "Nurse A spoke later. She said: 'He smacked me on the bottom quite hard.'"
    )
    assert found == ["David Lane", None]


def test_a_month_after_a_first_name_is_a_surname() -> None:
    found = speakers(
        'Theresa May spoke in London on Monday. "We will not give up on this deal," May said.'
    )
    assert found == ["Theresa May"]


def test_a_month_after_a_form_of_address_is_a_surname() -> None:
    found = speakers(
        "Theresa May addressed the police conference on Wednesday. During her speech, Mrs May "
        'said suing a member of the public was "not the sort of attitude" officers should show.'
    )
    assert found == ["Theresa May"]
    # A month after a word that is neither stays a month.
    assert speakers('Since May, the council said, "the roads have been closed to traffic".') == [
        None
    ]


def test_a_preposition_before_a_glued_caption_does_not_govern_the_name() -> None:
    found = speakers(
        "The manager turned to gambling after his son was hurt in Afghanistan Elaine May, the "
        "current manager, said in a statement that the thefts had 'an ongoing impact within "
        "the community'."
    )
    assert found == ["Elaine May"]


def test_fired_back_is_a_speech_verb() -> None:
    found = speakers('Stancil appeared in court. "Yes, I know that very well," Stancil fired back.')
    assert found == ["Stancil"]


def test_a_shared_surname_after_a_pronoun_is_the_person_of_its_gender() -> None:
    found = speakers(
        "Governor Chris Christie and his wife Mary Pat Christie were in New Hampshire. Mrs "
        "Christie left her job at the bank last month.",
        "Christie spoke to reporters on Monday. He insisted his family is 'not wealthy by "
        "current standards at all'.",
    )
    assert found == ["Chris Christie"]


def test_a_longer_name_does_not_swallow_another_person_with_the_surname() -> None:
    # "Mary Pat Christie" is longer than "Chris Christie", but not the same person.
    found = speakers(
        "Governor Chris Christie and his wife Mary Pat Christie were in New Hampshire.",
        "Christie said that leaving a career would be 'a big sacrifice for a spouse to make'.",
    )
    assert found == ["Christie"]


def test_she_reaches_further_back_only_to_a_known_woman() -> None:
    middle = [FILLER] * 12  # no one named for more than the usual reach of a pronoun
    ending = "She stated: 'In writing these words I seek no leniency from anyone.'"
    known = speakers("Marie Ratcliffe, 61, wrote to the panel.", *middle, ending)
    unknown = speakers("Alex Ratcliffe, 61, wrote to the panel.", *middle, ending)
    assert known == ["Marie Ratcliffe"]
    assert unknown == [None]


def test_an_abbreviated_country_is_a_title_not_part_of_a_name() -> None:
    assert is_title("U.S.")
    index = NameIndex("A spokesman for U.S. Facebook said so.")
    assert [m.core for m in index.mentions] == [("Facebook",)]


def test_a_speech_speaks_for_its_owner() -> None:
    found = speakers(
        "Daniel Buccheri sang at the wedding of his brother Adrian on Saturday. Daniel's speech "
        "told of his brother falling in love, saying 'One day in the craziness you came along "
        "and he could not get you out of his head.'"
    )
    assert found == ["Daniel Buccheri"]


def test_the_name_after_a_gerund_is_not_its_subject() -> None:
    found = speakers(
        "Dr Ram Manohar, an A&E consultant, denies the charges. The consultant claims 'nobody "
        "had grounds to complain about him,' adding 'he did not find her attractive' Nurse B "
        "again thought he had acted professionally."
    )
    assert found[0] == "Ram Manohar"


def test_a_pronoun_that_fits_nobody_falls_back_to_the_reporting_speaker() -> None:
    found = speakers(
        "Mr Ram Manohar, a doctor, denies the charges. He said she had asked him on December 12 "
        "'to find her a single and smart man because she was desperate'."
    )
    assert found == ["Ram Manohar"]


def test_a_report_speaks_for_its_author() -> None:
    found = speakers(
        "Peter Clarke, the former head of counterterrorism, led the inquiry into the schools.",
        "In his report, Peter Clarke (pictured) found there had been a 'coordinated, deliberate "
        "and sustained action' in the schools.",
        "His report, published in July, also found a 'strategy of harassment to oust the head "
        "teacher' at one school.",
    )
    assert found == ["Peter Clarke", "Peter Clarke"]


def test_found_without_a_document_is_not_a_speech_verb() -> None:
    found = speakers(
        "Officers searched the flat on Monday. Detective Jane Moss found a note reading 'we "
        "will be back for the rest of it' on the table."
    )
    assert found == [None]


def test_a_place_that_is_also_a_first_name_does_not_split_that_name() -> None:
    index = NameIndex("Lane Kiffin spoke on Monday. Then Lane Kiffin said no.")
    assert [m.core for m in index.mentions] == [("Lane", "Kiffin"), ("Lane", "Kiffin")]


def test_a_role_after_went_on_to_points_to_the_person_so_described() -> None:
    found = speakers(
        "Fighter ace: Douglas Bader's story is to be told in a film. Major Tom Stallard teamed "
        "up with Bader on the planning. The fighter ace went on to describe it as 'the most "
        "brilliant escape conception of this war'."
    )
    assert found == ["Douglas Bader"]


def test_an_office_before_a_lone_surname_shows_a_person() -> None:
    found = speakers(
        "In Virginia, voters chose the state legislature. President Trump tied himself to the "
        "outcome. Trump sent a message ahead of the Virginia elections. “Virginia, go out and "
        "vote Republican today,” he said."
    )
    assert found == ["Trump"]


def test_the_person_told_is_no_subject_of_the_next_quote() -> None:
    found = speakers(
        "Marc Benioff welcomed Tim Cook to the stage in San Francisco.",
        '"I run my business on my phone and I do not even own a computer," he told Cook. '
        '"You guys have done such a good job."',
    )
    assert found == ["Marc Benioff", "Marc Benioff"]
    # "as noted by X": a passive's agent is still the one speaking.
    noted = speakers(
        "Dietitian Amanda Miller said multivitamins fill the gaps in a poor diet. You should "
        "watch how much you take, as noted by dietitian Trista Best. "
        '"You might get too much of the fat-soluble vitamins," she told The List.'
    )
    assert noted == ["Trista Best"]


def test_a_name_right_after_a_quote_is_the_subject_a_pronoun_goes_on_with() -> None:
    found = speakers(
        "Oprah Winfrey interviewed the couple in California.",
        "“This morning I saw a note from our team in the UK,” Meghan Markle told Winfrey.",
        "“I just picked up the phone and I called the Queen, just to check in,” she said.",
    )
    assert found == ["Meghan Markle", "Meghan Markle"]


def test_a_double_barrelled_name_written_with_a_space_is_the_same_person() -> None:
    found = speakers(
        "The study was led by Peter Godfrey-Smith of the University of Sydney. "
        '"Watching these long videos was much more exhausting than I expected," Prof Godfrey '
        "Smith said."
    )
    assert found == ["Peter Godfrey-Smith"]


def test_a_pronoun_goes_back_to_the_reporting_speaker_not_the_one_reported() -> None:
    found = speakers(
        "Mr Pring's mother, Irene Pring, said Ms Ziuzina claimed to be a teacher when the pair "
        "first met, but she was in fact a dancer. She said: “We are sure Anna had some "
        "involvement in his death.”"
    )
    assert found == ["Irene Pring"]
    # A new clause after a comma and "but" is no reported one: Mr Abbott speaks himself.
    own = speakers(
        "Australia has not responded to the editorial, but on Friday Mr Abbott said the image "
        "of Syrian boy Alan Kurdi was sad. “If you want to stop the deaths, you have got to "
        "stop the boats,” he told ABC Radio."
    )
    assert own == ["Abbott"]


def test_the_source_named_by_according_to_is_the_subject_a_pronoun_goes_on_with() -> None:
    found = speakers(
        "Anju Mobin, a dietitian, recommends a multivitamin. Most of them hold zinc, as "
        "noted by Verywell Fit, so one pill will do. That is not all, according to Mobin. "
        "“They also help in reducing common allergies,” she continued."
    )
    assert found == ["Anju Mobin"]


def test_a_name_always_after_the_is_no_person() -> None:
    index = NameIndex(
        "A head teacher at one of the Trojan Horse schools spoke. News of the Trojan Horse "
        "letter broke. Tahir Alam and the Trojan Horse inquiry"
    )
    people = {m.core: index.is_person(m) for m in index.mentions if len(m.core) == 2}
    assert people == {("Trojan", "Horse"): False, ("Tahir", "Alam"): True}


def test_a_system_or_a_programme_is_no_person() -> None:
    found = speakers(
        '"We should keep it," said Rep. Brian Babin (R-TX), during a hearing last week.',
        "He raised that point in criticism of NASA’s Human Landing System (HLS) procurement, "
        "which sought proposals for commercially developed lunar landers.",
        '"Switching horses midstream is not a wise move at this point," he continued.',
    )
    assert found == ["Brian Babin", "Brian Babin"]


def test_a_primary_school_or_an_academy_is_no_person() -> None:
    found = speakers(
        "Nansen Primary and Oldknow Academy were rated inadequate. A head teacher at one of "
        "the schools said parents tried to undermine her.",
        '"From 2012 I felt alone and did not know where to turn," she said.',
    )
    assert found == [None]


def test_a_pronoun_opening_the_sentence_before_an_untagged_quote_is_its_speaker() -> None:
    found = speakers(
        "Birgit Kelle empfiehlt, zur eigenen Überzeugung zu stehen. Sie selbst weise amtliche "
        "Papiere zurück, die gegendert seien. «Ich spreche weiterhin ganz normales Deutsch.»",
        language="de",
    )
    assert found == ["Birgit Kelle"]
    found = speakers(
        "Nathalie Jansen runs a model agency in London. She hired 5,000 people worldwide. "
        '"I recently had a businessman who interviewed sixty women from my firm."'
    )
    assert found == ["Nathalie Jansen"]
    # German "Sie" before a plural verb is "they" (or the polite "you"): no speaker.
    found = speakers(
        "Birgit Kelle kam spät. Sie weisen amtliche Papiere zurück, die gegendert seien. "
        "«Wir sprechen weiterhin ganz normales Deutsch.»",
        language="de",
    )
    assert found == [None]


def test_a_lone_surname_that_speaks_is_a_person_a_pronoun_goes_back_to() -> None:
    found = speakers(
        "Judge Ansel Krut said the painting was quite extraordinary. The work depicts a leper "
        'squint, which Simpson said were "holes made in the sides of medieval churches so '
        'people could look through". He said the prize money would be spent on "stretches, '
        'canvas and - particularly - good quality paints".'
    )
    assert found == ["Simpson", "Simpson"]


def test_a_possessive_before_an_organisation_word_is_part_of_the_body_name() -> None:
    index = NameIndex("China's People's Daily said so. The SNP's Nicola Sturgeon agreed.")
    assert [" ".join(m.core) for m in index.mentions] == [
        "China",
        "People's Daily",
        "SNP",
        "Nicola Sturgeon",
    ]


def test_a_panel_is_a_body_its_acronym_stands_for() -> None:
    index = NameIndex("The Intergovernmental Panel on Climate Change (IPCC) said. The IPCC agreed.")
    assert {index.fullest(m) for m in index.mentions} == {
        "Intergovernmental Panel on Climate Change"
    }


def test_customs_and_border_protection_is_a_body() -> None:
    index = NameIndex("Rep. David McKinley met U.S. Customs and Border Protection officials.")
    people = [" ".join(m.core) for m in index.mentions if index.is_person(m)]
    assert people == ["David McKinley"]


def test_a_capitalised_word_the_text_also_writes_in_lower_case_never_speaks() -> None:
    found = speakers(
        'Scientists describe the region as "a seamless mosaic of forests and associated '
        'ecosystems". Most scientists agree.'
    )
    assert found == [None]
