"""Speaker rules found on the BBC xsum split: British ranks and posts are titles, glued
words and particles do not hide a full name, a name and a colon introduce a quote, and an
organisation is never a pronoun's antecedent."""

from __future__ import annotations

from bench.quotes import normalise
from summarizers.quotes.names import NameIndex, is_title
from tests.conftest import speakers


def test_british_police_ranks_are_kept_as_ranks_not_names() -> None:
    found = speakers(
        'Det Sgt Barry Carr said: "This was a nasty and extremely dangerous attack on a home."'
    )
    assert found == ["Det Sgt Barry Carr"]
    assert normalise(found[0]) == "barry carr"
    mention = NameIndex("Ch Insp Anna Lee and DCI Tom Reid arrived.").mentions
    assert [m.core for m in mention] == [("Anna", "Lee"), ("Tom", "Reid")]


def test_matron_is_a_title() -> None:
    found = speakers('Matron Sue Taylor said: "It is very old and in the summer it is very hot."')
    assert normalise(found[0]) == "sue taylor"


def test_a_hyphenated_title_is_a_title() -> None:
    assert is_title("Minister-Councillor")
    assert is_title("Secretary-General")
    assert not is_title("Jean-Pierre")
    found = speakers(
        "Minister-Councillor Alexander Kramarenko from the Russian Embassy said: "
        '"It is done for them because they have been expecting it for a long time."'
    )
    assert normalise(found[0]) == "alexander kramarenko"


def test_a_name_glued_after_a_lower_case_word_is_still_a_name() -> None:
    index = NameIndex("By Danny Shaw, home affairs correspondentTheresa May's plan was new.")
    assert ("Theresa", "May") in [m.core for m in index.mentions]
    found = speakers(
        "Copy this linkJak Trueman, 15, was diagnosed last year. ",
        'At the time, Jak wrote: "This is the saddest day of our lives yet but I will fight."',
    )
    assert found == ["Jak Trueman"]


def test_short_words_before_a_capital_are_not_glue() -> None:
    cores = [m.core for m in NameIndex("She bought an iPhone on eBay from McDonald.").mentions]
    assert ("Phone",) not in cores and ("Bay",) not in cores
    assert ("McDonald",) in cores


def test_an_arabic_article_particle_may_be_dropped_on_second_mention() -> None:
    found = speakers(
        "Deputy Foreign Minister Faisal al-Mekdad spoke to the BBC. Mr Mekdad said a "
        'shipment came under attack. "We shipped two shipments to the coast," he said.'
    )
    assert found == ["Faisal al-Mekdad"]


def test_a_spanish_name_goes_by_its_first_surname() -> None:
    found = speakers(
        "Vice-President Alvaro Garcia Linera signed the law. The measure was signed by "
        'Mr Garcia. "It would have been easier to pass a law that was weaker," added Mr Garcia.'
    )
    assert found == ["Alvaro Garcia Linera"]


def test_a_middle_first_name_is_not_a_first_surname() -> None:
    index = NameIndex("John Paul Jones arrived. Then Paul waved.")
    paul = next(m for m in index.mentions if m.core == ("Paul",))
    assert index.fullest(paul) == "Paul"


def test_a_first_surname_gives_way_to_a_plain_short_form() -> None:
    # A caption run on into the name ("Malenda Meacham Dressed") is not a second person.
    index = NameIndex("Malenda Meacham plays. Malenda Meacham Dressed to impress. Meacham smiled.")
    meacham = next(m for m in index.mentions if m.core == ("Meacham",))
    assert index.fullest(meacham) == "Malenda Meacham"


def test_a_name_and_a_colon_before_a_quote_is_its_speaker() -> None:
    found = speakers(
        "Ratchford grabbed a third try but it was too late.Widnes coach Denis Betts:"
        '"It\'s been coming the last couple of weeks for us."',
        'England batsman Ian Bell: "There are no gimmes and we expect more tomorrow."',
    )
    assert found == ["Denis Betts", "Ian Bell"]


def test_a_name_after_a_verb_and_a_colon_is_no_label() -> None:
    found = speakers(
        "The crowd cheered. The club thanked Denis Betts: "
        '"We wish him well in all his future endeavours."'
    )
    assert found != ["Denis Betts"]


def test_trusts_radio_stations_and_embassies_are_organisations() -> None:
    index = NameIndex("Park View Educational Trust, Sydney Radio and the Russian Embassy met.")
    assert not any(m.is_person for m in index.mentions)
    found = speakers(
        'On Friday Mr Abbott said the boats must stop. "We have stopped that," he told '
        'Sydney Radio 2GB. "If you want to stop the drownings you have got to stop the '
        'boats," he said.'
    )
    assert "Sydney Radio" not in found


def test_a_reef_is_a_place_not_a_person() -> None:
    index = NameIndex("The Palmer Sea Reef golf course is owned by Clive Palmer.")
    people = {" ".join(m.core): m.is_person for m in index.mentions}
    assert people["Palmer Sea Reef"] is False


def test_an_organisation_after_a_preposition_is_not_the_group_that_speaks() -> None:
    found = speakers(
        "The Oxford Food Bank, which is independent of the Trussell Trust network, urged "
        "caution. The organisation said: 'We think that increasing use of food banks is "
        "down to many causes.'"
    )
    assert found == ["Oxford Food Bank"]


def test_dr_starts_a_person_s_name_not_an_institute_s() -> None:
    index = NameIndex(
        "Scientists at the J Craig Venter Institute made it. Then Dr Venter left. "
        "Dr Venter said so."
    )
    venter = [m for m in index.mentions if m.core == ("Venter",)]
    assert venter and all(m.titles == ("Dr",) and index.is_person(m) for m in venter)
    assert index.fullest(venter[0]) == "Venter"
    found = speakers(
        "Born in 1946, Dr Venter did not excel at school. He was an orderly at Da Nang, "
        'where he tended soldiers. "Life was so cheap in Vietnam," he said.'
    )
    assert normalise(found[0]) == "venter"


def test_a_bare_name_may_still_be_short_for_a_club() -> None:
    index = NameIndex("Dundee FC lost. Dundee said it was sorry.")
    dundee = next(m for m in index.mentions if m.core == ("Dundee",))
    assert index.fullest(dundee) == "Dundee FC"


def test_a_new_subject_after_the_last_speaker_takes_the_pronoun() -> None:
    found = speakers(
        "Skins was created by Bryan Elsley. It sounds risky, but Bryan said the show was a "
        "small project.Jack O'Connell credits the whole team for the actors' success. "
        '"I think they knew they needed people on the ground level," he said.'
    )
    assert found == ["Jack O'Connell"]


def test_the_teenager_is_the_one_named_with_a_teenage_age() -> None:
    found = speakers(
        "Jak Trueman, 15, was ill. He was greeted by former captain Barry Ferguson, 45, at "
        'the event. The teenager wrote on his page: "I would just like to make a massive '
        'apology for only turning up and then going."'
    )
    assert found == ["Jak Trueman"]


def test_a_stop_after_a_closing_quote_ends_a_glued_sentence() -> None:
    # British style closes the quote before the stop, and the text lost its space: the
    # pronoun opens a new sentence, so it points back to the sprinter named just before.
    found = speakers(
        'Former British sprinter Darren Campbell warned of "darker days to come".He said: '
        '"This report was about Russia, and they need to be punished if this holds up."'
    )
    assert found == ["Darren Campbell", "Darren Campbell"]


def test_he_after_an_anonymous_spokesman_is_still_the_spokesman() -> None:
    # "A ... spokesman" is somebody unnamed, even after a sentence glued on without a space
    # ("autumn.A"); "He added" goes on with him, not with the professor quoted before.
    found = speakers(
        'Prof Kenneth Gibb said: "There is no magic bullet for reform of this tax."The '
        "commission will report in the autumn.A Scottish government spokesman said ministers "
        'consider the current council tax system "as a whole to be unfair".He added: "That '
        'is why we have established the cross-party commission on local tax reform."'
    )
    assert found == ["Prof Kenneth Gibb", None, None]


def test_a_message_is_not_an_unnamed_speaker() -> None:
    # "a message that said" names nobody, but is no person either: "He" is still Cotterill.
    found = speakers(
        "Jason Cotterill sent the victim a link with a message that said: 'I am going to have "
        "it as my profile picture'. He also taunted the victim, telling her: 'I am going to "
        "send some more pictures too.'"
    )
    assert found[-1] == "Jason Cotterill"


def test_a_lone_surname_is_a_person_when_he_or_she_goes_on_with_it() -> None:
    # The article never gives Warner a first name; "Warner said he feels" shows a person, so
    # "he said" after the quote is Warner.
    found = speakers(
        "A report has accused Russia of running a doping programme.And Warner said he feels "
        'other sports have reason to be concerned."This iceberg spreads in two different '
        'directions," he said.'
    )
    assert found == ["Warner"]


def test_a_lone_surname_after_a_role_is_the_speaker_not_the_club_before_it() -> None:
    found = speakers(
        '"Obviously reaching the finals is everyone\'s aim," said 24-year-old Bayern Munich '
        'forward Evans. "It\'s been my aim since I got into the squad."'
    )
    assert found == ["Evans", "Evans"]


def test_a_capitalised_word_opening_a_sentence_is_no_lone_name() -> None:
    # "Announcing" and "Campus" never stand inside a sentence, and "campus" is also written
    # in lower case: neither is a person however a pronoun follows.
    index = NameIndex(
        "Announcing his plan, he spoke. Campus police said he left. He walked across the "
        "campus. And Warner said he feels fine."
    )
    people = {m.core[0]: index.is_person(m) for m in index.mentions if len(m.core) == 1}
    assert people == {"Announcing": False, "Campus": False, "Warner": True}


def test_a_name_glued_after_a_closing_mark_is_not_a_quoted_word() -> None:
    # 'us."Evans, who ...' lost its space: Evans opens the next sentence, outside the quote,
    # and "she added" goes back to her, not to the club named after her.
    found = speakers(
        "Bayern Munich forward Evans said: \"We had a party with the men's team on the "
        'Saturday night."Evans, who won titles with Glasgow City before moving to Turbine '
        'Potsdam, believes the national team benefits."Germany has been at the top of '
        "women's football for a long time now,\" she added."
    )
    assert found == ["Evans", "Evans"]


def test_members_of_parliaments_are_titles() -> None:
    found = speakers('MSP Duncan McNeil said: "It will be this parliament\'s responsibility."')
    assert normalise(found[0]) == "duncan mcneil"


def test_ranks_without_a_stop_and_peerages_are_ranks() -> None:
    found = speakers(
        'Gen Valery Gerasimov said: "A humanitarian corridor has been created for civilians."',
        'Baroness Sarah Ludford said: "The Liberal Democrats will continue to oppose it."',
    )
    assert [normalise(s) for s in found] == ["valery gerasimov", "sarah ludford"]


def test_a_speaker_described_by_an_affiliation_before_the_verb() -> None:
    found = speakers(
        'He died after "a brief aggressive battle with cancer", Jon Platt of Warner/Chappell '
        "music publishing said."
    )
    assert found == ["Jon Platt"]


def test_dj_is_a_title() -> None:
    found = speakers(
        'Producer and DJ Mark Ronson wrote: "So devastated to hear that Rod Temperton has '
        'passed away."'
    )
    assert found == ["Mark Ronson"]


def test_tweeting_reports_speech() -> None:
    found = speakers(
        'Chic guitarist Nile Rodgers was among those paying tribute, tweeting: "Your genius '
        'gave us a funkier world!"'
    )
    assert found == ["Nile Rodgers"]


def test_a_tag_telling_only_the_outlet_names_the_speaker() -> None:
    # "Nicholson told BBC Radio Devon." tags the quote before it: its object is only the
    # listener. Without that the quote went to the player named earlier.
    found = speakers(
        "Ruairi Keating was recommended to Gulls boss Kevin Nicholson by Micky Adams.The move "
        'is subject to international clearance."Myles has not played a huge amount of games, '
        'but he is the leader-type I\'ve been after." Nicholson told BBC Radio Devon."Ruairi '
        'is young, a little bit raw, but incredibly hungry."'
    )
    assert found == ["Kevin Nicholson", "Kevin Nicholson"]


def test_a_stop_after_a_year_ends_a_glued_sentence() -> None:
    found = speakers(
        'Chair of UK Sport Rod Carr said the government has "confirmed its commitment" for '
        'Tokyo 2020.He added: "These are critical funding decisions for every sport."'
    )
    assert found[-1] == "Rod Carr"


def test_a_person_of_the_company_is_the_speaker() -> None:
    found = speakers(
        "The site was sold to developers in 2016.Aldred Drummond of the company said: \"We'd "
        'be mad to knock the chimney down - it is our signature piece of infrastructure."'
    )
    assert found == ["Aldred Drummond"]


def test_a_pronoun_glued_onto_the_word_before_still_cues() -> None:
    # A link line lost its break: "and other newsShe said:" is "news" and "She said:".
    found = speakers(
        "The coroner, Dr Elizabeth Earland, recorded a verdict of unlawful killing.More on the "
        'case, and other newsShe said: "His guard was lowered by inebriation and he did not see '
        'the car."'
    )
    assert found == ["Elizabeth Earland"]


def test_a_lone_surname_opening_three_sentences_is_a_name() -> None:
    # Never inside a sentence (every break was lost), but three sentences open with it and
    # "he" goes on with it: Selby is a person, and "he said" is Selby, not his opponent.
    found = speakers(
        "Selby beat Xiao Guodong 13-6 in the second round.Selby won the first three frames of "
        "his final session to progress.Selby begins his last-eight match on Tuesday."
        '"I feel like my game has not been fantastic," he said.'
    )
    assert found == ["Selby"]


def test_a_document_speaks_for_its_named_owner() -> None:
    found = speakers(
        'Mr Ashley had a letter from Hartlepool MP Iain Wright."The treatment of low-paid '
        "workers is under review,\" Mr Wright's letter states.",
        "A statement on OpenAI's website said the venture aims \"to advance digital "
        'intelligence in the way most likely to benefit humanity".The statement said AI '
        '"should be an extension of individual human wills".',
    )
    assert found == ["Iain Wright", "OpenAI", "OpenAI"]


def test_a_statement_speaks_for_the_body_that_issued_it() -> None:
    found = speakers(
        "On Monday, Big Machine Records issued a statement about the awards show.",
        "The statement, which was obtained by Variety, said the companies had \u201ccome to "
        "terms on a licensing agreement for all of their artists.\u201d",
        '"Artists do not need label approval for live performances on television," the '
        "statement continued.",
        "A statement from Temasek said: \"Olam's operations are properly matters for its "
        'own board and management."',
    )
    assert found == ["Big Machine Records"] * 2 + ["Temasek"]


def test_a_label_glued_to_its_quote_without_a_colon() -> None:
    found = speakers(
        'GB finished fifth in the heats.Olympic gold medallist Chris Boardman"Latham had a '
        'fantastic final charge. He timed his effort well there."'
    )
    assert found == ["Chris Boardman"]


def test_the_leicester_man_is_the_man_just_named() -> None:
    found = speakers(
        "Mark Selby beat Xiao Guodong 13-6 in the second round.The Leicester man, who beat "
        "Fergal O'Brien 10-2 in the first round, told BBC Sport: \"I don't feel as though I "
        'have peaked, but that is a good thing."'
    )
    assert found == ["Mark Selby"]


def test_the_man_alone_is_still_somebody_unnamed() -> None:
    found = speakers(
        'Mark Selby won again. "It was the best match I have seen in years," said the man '
        "next to me."
    )
    assert found == [None]


def test_prosecutor_is_a_title() -> None:
    found = speakers(
        'Prosecutor Sarah Marsh told the court: "They accept it was a momentary lapse and '
        'nothing will bring him back."'
    )
    assert found == ["Sarah Marsh"]


def test_a_programme_is_no_antecedent() -> None:
    found = speakers(
        "The boy's mother told the BBC's Good Morning Ulster programme that her son does not "
        'understand why he cannot go to school."He really misses being around people, he '
        'does not like being stuck at home," she said.'
    )
    assert found == [None]


def test_a_bill_is_no_person() -> None:
    index = NameIndex("He welcomed the transfer of powers under the Scotland Bill.")
    assert [(m.core, index.is_person(m)) for m in index.mentions] == [(("Scotland", "Bill"), False)]
    index = NameIndex("Bill Clinton spoke.")
    assert [(m.core, index.is_person(m)) for m in index.mentions] == [(("Bill", "Clinton"), True)]


def test_the_letter_speaks_for_who_wrote_in_it() -> None:
    found = speakers(
        "In a letter to Park View chairman Tahir Alam, education minister Lord Nash said there "
        'were deep concerns about the school. The letter said: "I have decided under clause '
        '5.6 of the funding agreement to give written notice."'
    )
    assert found == ["Lord Nash"]
