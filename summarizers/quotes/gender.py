"""A person's likely gender from their first name or a gendered description.

Only used to refuse a pronoun that cannot stand for someone ("she" is not Bill Kirkup), so the
lists hold common first names (English, German, French, Spanish) that are rarely given to
the other gender; names used for both (Alex, Sam, Jordan, Andrea, Dominique) are left out.
"""

from __future__ import annotations

MALE = "m"
FEMALE = "f"

_MALE_NAMES = frozenset(
    """
    aaron adam adrian alan albert alexander alfred andrew andy angus anthony antony archie
    arnold arthur barry ben benjamin bernard bill billy bob bobby brad bradley brandon brian
    bruce bryan callum calvin carl carlos charles chris christopher chuck clive colin
    connor craig curtis dale dan daniel danny darren dave david dean dennis derek des desmond
    dominic don donald doug douglas duncan dwayne dylan ed eddie edward elliot eric ernest
    ethan eugene frank frankie fred freddie gareth gary gavin geoff geoffrey george gerald
    gordon graham greg gregory harold harry harvey henry howard hugh ian jack jacob jake james
    jamie jason jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan joseph
    josh joshua justin keith ken kenneth kevin kieran kyle lance larry leo leon lewis liam
    louis luke malcolm marcus mark martin matt matthew max michael mick mike mitchell nathan
    neil nicholas nick nigel noah norman oliver oscar owen patrick paul pete peter phil philip
    ralph raymond richard rick rickie ricky rob robert rodney roger ron ronald ross roy
    russell ryan samuel scott sean sebastian shane simon stanley stephen steve steven
    stewart stuart ted terry theo thomas tim timothy toby todd tom tommy tony travis trevor
    tyler vincent wayne will william zach zachary barack vladimir
    andreas bernd christian dieter dirk erich florian franz friedrich fritz georg gerhard
    günter günther hans heinz helmut horst jens jörg jürgen karl klaus lars lukas manfred
    markus matthias norbert olaf rainer ralf reinhard rolf rudolf sebastian sigmar stefan
    thorsten torsten uwe volker walter werner wolfgang
    alain antoine benoît bernard bruno christophe didier émile emmanuel éric étienne fabien
    françois frédéric gérard guillaume henri hervé jacques jean jérôme julien laurent lionel
    loïc luc marcel mathieu maurice michel nicolas olivier pascal philippe pierre rémi
    sébastien serge thierry xavier yves
    alberto alejandro alfonso álvaro andrés antonio carlos diego eduardo emilio enrique
    ernesto felipe fernando francisco gonzalo guillermo ignacio javier jesús jorge josé juan
    julio luis manuel mariano miguel pablo pedro rafael ramón ricardo roberto rodrigo
    salvador santiago sergio vicente
    ahmed ali hassan hussein ibrahim khalid mohamed mohammed muhammad mustafa omar osama
    youssef yusuf giuseppe giovanni luca marco massimo matteo paolo silvio carlo
    amit anil arjun narendra rahul raj rajesh ram ravi sanjay sunil suresh vijay
    """.split()
)
_FEMALE_NAMES = frozenset(
    """
    abigail eugenie justine alice alison elaine gail joyce marion ruby sheryl amanda amber
    amelia amy
    angela angelina ann anna anne annie barbara
    becky beth bethany betty beverley brenda bridget caroline carol catherine charlotte
    chelsea cheryl chloe christina christine claire clare courtney cynthia daisy dawn debbie
    deborah denise diana diane donna doris dorothy eileen eleanor elizabeth ella ellie
    emily emma erin eva eve fiona florence gemma georgia gillian gloria grace hannah harriet
    heather helen hillary holly ivy jacqueline jane janet janice jasmine jean jemma
    jennifer jenny jessica jill joan joanne josephine joy judith judy julia julie karen kate
    katherine kathleen kathryn katie kayla kelly kimberly kirsty laura lauren leah linda
    lindsey lisa lily lorraine louise lucy lydia lynn maggie mandy margaret maria
    marie marilyn martha mary megan melanie melissa michelle mildred molly monica nancy
    naomi natalie natalia nicola nicole norma olivia pamela patricia paula pauline penny
    rachel rebecca rita rose rosemary ruth sally samantha sandra sara sarah sharon sheila
    shirley sophie stacey stephanie sue susan suzanne tanya teresa theresa tina tracey
    tracy valerie vanessa victoria wendy yvonne zoe june julianne malenda lisa mary-kate
    angelika anke birgit brigitte claudia doris elke erika gabriele gertrud gisela heike
    helga ilse ingrid jutta karin katrin kerstin manuela monika petra renate sabine silke
    simone susanne ulrike ursula ute
    amélie anaïs brigitte cécile chantal christiane élise élodie émilie françoise hélène
    isabelle jacqueline juliette laetitia léa manon marine martine mathilde monique nathalie
    ségolène solène sylvie véronique virginie
    adriana alejandra ana beatriz carmen catalina cristina dolores elena esperanza gabriela
    inés isabel juana lucía luisa manuela mercedes mónica paloma pilar raquel rocío rosa
    sofía soraya susana valentina verónica ximena yolanda
    aisha fatima leila maryam yasmin giulia francesca chiara federica
    anita indira lakshmi pooja priya sonia sunita
    """.split()
)
# Descriptions that show a gender: "the 34-year-old mother", "his wife", "the actress".
_MALE_WORDS = frozenset(
    """
    father dad husband son brother grandfather uncle nephew boyfriend man boy actor
    spokesman businessman chairman congressman sportsman policeman fireman king prince
    father-of-one father-of-two father-of-three father-of-four widower
    """.split()
)
_FEMALE_WORDS = frozenset(
    """
    mother mum mom wife daughter sister grandmother aunt niece girlfriend woman girl actress
    spokeswoman businesswoman chairwoman congresswoman sportswoman policewoman queen princess
    mother-of-one mother-of-two mother-of-three mother-of-four widow waitress
    """.split()
)


def first_name_gender(name: str) -> str | None:
    """MALE or FEMALE for a common first name, else None."""
    low = name.lower()
    if low in _MALE_NAMES and low not in _FEMALE_NAMES:
        return MALE
    if low in _FEMALE_NAMES and low not in _MALE_NAMES:
        return FEMALE
    return None


_POSSESSIVES = frozenset("his her their my our your its".split())
# How many words a possessive may stand before the noun it owns ("his young daughter").
_POSSESSIVE_REACH = 3


def described_gender(words: list[str]) -> str | None:
    """MALE or FEMALE when the describing words ("the 34-year-old mother") show one; a noun
    owned by a possessive ("taking his young daughter") is someone else and shows nothing."""
    cleaned = [w.lower().strip(".,;:") for w in words]
    lows = {
        w
        for i, w in enumerate(cleaned)
        if not _POSSESSIVES & set(cleaned[max(0, i - _POSSESSIVE_REACH) : i])
    }
    male, female = bool(lows & _MALE_WORDS), bool(lows & _FEMALE_WORDS)
    if male == female:
        return None
    return MALE if male else FEMALE
