"""Words that attribute speech, per language: verbs, pronouns, roles and titles.

Kept together so every rule in `speakers` and `names` reads the same lists; lower-case.
All languages are merged into one set per kind: a French verb in an English article is harmless,
and articles mix languages (a German quote in an English story).
"""

from __future__ import annotations

import re

from summarizers.quotes.language import endings, pairs, word_set

# Verbs (and verbal phrases, space-separated) that introduce or follow a direct quotation.
SPEECH_VERBS = word_set("speech_verbs")
# Words before the source, per language: "according to X", "laut X", "selon X", "según X".
ACCORDING = {
    "en": ("according to", "in the words of"),
    "de": ("laut", "so", "nach angaben von"),
    "fr": ("selon", "d'après", "d’après"),
    "es": ("según", "de acuerdo con"),
}

PRONOUNS = word_set("pronouns")
# Pronouns attached to French inverted verbs: "a-t-il déclaré", "estime-t-elle".
INVERTED_PRONOUN = endings("inverted_pronoun")

# Nationalities: "the Italian said" is a description of someone, never a name.
NATIONALITIES = word_set("nationalities")
# Role nouns that can stand for a named person ("the general", "der Sprecher", "le ministre").
ROLES = word_set("roles") | NATIONALITIES
# An age standing for a person: "the 28-year-old says" is the one named with ", 28,".
AGE_ROLE = re.compile(r"(\d{1,3})-year-old")
# Nouns that, with "the", stand for an organisation named before ("the group said").
ORGANISATION_ROLES = word_set("organisation_roles")
# Indefinite articles: "a spokesman", "un conseiller", "einem Sprecher" name nobody.
INDEFINITE = word_set("indefinite")
# Role words that stand for a title a person holds ("the PM" is the Prime Minister).
ROLE_ALIASES = pairs("role_aliases")
# Prepositions before a name that make it an object, not the speaker ("members of Congress").
PREPOSITIONS = word_set("prepositions")
# Nouns that, with "the", name nobody in particular ("said the man", "the source said").
UNNAMED = word_set("unnamed")
# Determiners that make a role noun refer back ("the minister", "der Minister", "la juge").
ROLE_DETERMINERS = word_set("role_determiners")

# Titles kept with a name when shown (ranks and forms of address a person is called by).
RANKS = word_set("ranks")
# British police ranks ("Det Sgt", "Ch Insp", "DCI") and posts such as "Matron" are kept with
# the name like a military rank: BBC reports give them before almost every officer's name, and
# write military ranks without a stop ("Gen Valery Gerasimov"). Peerages are ranks too.
# Forms of address that only go with a person's name.
HONORIFICS = word_set("honorifics")
# Titles that, like a form of address, only go with a person ("Prince Andrew", "Sister Gerald",
# and offices: "President Trump" is a person even as "Trump" alone).
PERSONAL_TITLES = word_set("personal_titles")
# Title words dropped in front of a name: "US Defense Secretary Jim Mattis" -> "Jim Mattis".
TITLES = RANKS | word_set("titles")
# German compound titles end with these ("Außenministerin", "Regierungssprecher").
TITLE_SUFFIXES = endings("title_suffixes")
# Capitalised words that start sentences or name no one.
NOT_NAMES = word_set("not_names") | NATIONALITIES
# Words in a capitalised phrase that mark an organisation, not a person.
ORGANISATION_WORDS = word_set("organisation_words")
# Places that start a caption glued to a name ("Australia Natalia Moon", "White Hart Lane
# Sherwood"); only used to split such runs, since many are also names (Jordan, Paris).
PLACES = word_set("places")
# First words of place names, never of a person's ("New Delhi", "South Africa", "San José").
PLACE_PREFIXES = word_set("place_prefixes")
# Events, whose names end a capitalised phrase like a surname ("Anzac Day", "Family Circle Cup").
EVENTS = word_set("events")
# Words after a name that show it is not the subject of what follows ("Ed Balls of").
NOT_VERBS = word_set("not_verbs")


def is_role(word: str) -> bool:
    """A role noun ("minister", "Sprecher"), German compounds included ("Arbeitsrechtlerin",
    "Bundestrainer", "Integrationsministerin"); `word` is lower-case."""
    return word in ROLES or (len(word) > 8 and word.endswith(TITLE_SUFFIXES))
