"""Words that attribute speech, per language: verbs, pronouns, roles and titles.

Kept together so every rule in `speakers` and `names` reads the same lists; lower-case.
All languages are merged into one set per kind: a French verb in an English article is harmless,
and articles mix languages (a German quote in an English story).
"""

from __future__ import annotations

import re

# Verbs (and verbal phrases, space-separated) that introduce or follow a direct quotation.
SPEECH_VERBS = frozenset(
    """
    said says say saying told tells telling added adds adding explained explains explaining
    stated states stating wrote writes writing asked asks replied replies continued continues
    insisted insists warned warns noted notes declared declares claimed claims argued argues
    announced announces admitted admits acknowledged acknowledges commented comments remarked
    recalled recalls remembered remembers suggested suggests tweeted tweets tweeting posted
    posting stressed
    stresses concluded
    reported urged urges confirmed confirms responded responds observed agreed complained
    revealed reveals conceded maintained predicted promised cautioned emphasised emphasized
    describe described describes describing called joked laughed shouted yelled whispered cried
    pleaded testified asserted asserts sang sings read reads
    retorted quipped snapped boasted vowed fumed blasted slammed gushed sobbed screamed
    barked interjected mused exclaimed countered fired
    lamented laments bemoaned bemoans accused accuses recounted recounts answered answers
    denied denies
    reiterated reiterates contended contends concedes confessed confesses vows pledged
    assured assures calls texted emailed captioned
    sagte sagt sagten erklärte erklärt betonte betont meinte meint fügte ergänzte ergänzt
    schrieb schreibt warnte warnt kritisierte sprach berichtete räumte forderte fordert
    versicherte bekräftigte stellte erläuterte unterstrich kommentierte reagierte mahnte
    bestätigte bestätigt mitteilte
    erzählte erzählt berichtet antwortete antwortet entgegnete entgegnet verriet verrät
    schilderte schildert resümierte resümiert bilanzierte bilanziert lobte lobt fragte fragt
    rief ruft urteilte urteilt findet fand gestand gesteht hofft hoffte schwärmte schwärmt
    klagte klagt jubelte jubelt twitterte postete singt sang führte führt merkte merkt stellt
    wandte kritisiert beschrieb beschreibt
    déclaré déclare dit dit-il affirmé affirme ajouté ajoute expliqué explique estimé estime
    souligné souligne précisé précise indiqué indique assuré assure lancé lance
    confié confie insisté insiste martelé martèle poursuit poursuivi répondu répond écrit
    réagi réagit dénoncé dénonce regretté regrette déploré déplore jugé juge commenté
    rappelé rappelle reconnu reconnaît prévenu prévient averti raconté raconte tweeté
    dijo dice dijeron afirmó afirma declaró declara señaló señala explicó explica aseguró
    asegura añadió añade agregó agrega indicó indica manifestó sostuvo advirtió reaccionó
    criticó recordó subrayó insistió apuntó comentó sentenció
    respondió exigió reafirmó confirmó reconoció expresó destacó escribió denunció precisó
    enfatizó valoró concluyó planteó contó relató admitió lamentó pidió preguntó contestó
    replicó tuiteó publicó diciendo afirmando señalando explicando asegurando añadiendo
    dice dicen explica asegura afirma sostiene agrega añade señala reconoce cuenta relata
    schildert schilderte erzählt erzählte erklärte sagte berichtet kritisiert erläutert
    beschreibt verrät antwortet antwortete entgegnet entgegnete bilanziert resümiert
    urteilt appelliert twitterte hieß heißt freut ergänzte fasst warnte betonte
    explique raconte analyse observe note relève résume conclut témoigne détaille poursuit
    ajoute-t-il explique-t-il glisse soupire défend ironise lâche tranche avance admet
    nuance renchérit s'inquiète s’inquiète s'indigne s’indigne s'exclame s’exclame
    adelantó aseveró recalcó puntualizó deslizó remarcó acotó
    begründet begründete beteuert beteuerte verspricht versprach fragt fragte hofft hoffte
    mahnt kommentiert reagiert versichert bekräftigt forderte berichtete
    fügt räumt
    unterstreicht resümierte bilanzierte befand befindet lobte lobt rief ruft konterte kontert
    beklagte beklagt bemängelte bemängelt urteilte verkündete verkündet kündigte kündigt
    prognostizierte appellierte ermahnte formulierte formuliert seufzt seufzte schwärmt
    schwärmte jubelte jubelt erklärten zitierte postete beschrieb
    confie rétorque rétorqué répète répété rapporte rapporté signale signalé annonce annoncé
    demande demandé fustige tempête assène asséné tonne souffle abonde enchaîne reprend
    comenta apunta subraya insiste advierte detalla detalló expresa destaca precisa concluye
    narra narró confesó confiesa puntualiza recalca enfatiza remarca aclara aclaró anunció
    anuncia consideró considera opinó opina resaltó resalta cuestionó remató complementó
    dicta reza
    """.split()
)
# Words before the source, per language: "according to X", "laut X", "selon X", "según X".
ACCORDING = {
    "en": ("according to", "in the words of"),
    "de": ("laut", "so", "nach angaben von"),
    "fr": ("selon", "d'après", "d’après"),
    "es": ("según", "de acuerdo con"),
}

PRONOUNS = frozenset("he she they er sie il elle ils elles él ella".split())
# Pronouns attached to French inverted verbs: "a-t-il déclaré", "estime-t-elle".
INVERTED_PRONOUN = ("-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles")

# Nationalities: "the Italian said" is a description of someone, never a name.
NATIONALITIES = frozenset(
    """
    italian spanish portuguese brazilian argentine argentinian mexican colombian chilean
    american canadian australian russian ukrainian chinese japanese korean indian pakistani
    afghan iranian iraqi syrian israeli palestinian egyptian saudi turkish greek swedish
    norwegian danish finnish belgian swiss austrian croatian serbian nigerian ghanaian
    kenyan scottish british frenchman englishman spaniard welshman irishman dutchman
    norweger norwegerin japaner japanerin slowene slowenen slowenin österreicher
    österreicherin deutsche deutscher deutschen franzose franzosen französin schweizer
    schweizerin italiener italienerin spanier spanierin russe russen russin amerikaner
    amerikanerin us-amerikaner us-amerikanerin brite briten britin schwede schwedin
    finne finnen finnin däne dänen dänin niederländer niederländerin belgier belgierin
    tscheche tschechen tschechin ukrainer ukrainerin kanadier kanadierin
    australier australierin chinese chinesen chinesin
    """.split()
)
# Role nouns that can stand for a named person ("the general", "der Sprecher", "le ministre").
ROLES = (
    frozenset(
        """
    general minister spokesman spokeswoman spokesperson president secretary senator governor
    mayor director chairman chairwoman chief commander officer official prosecutor judge
    coach manager captain professor doctor lawyer attorney ambassador chancellor premier
    leader founder executive ceo author actor actress singer star player striker goalkeeper
    colonel major sergeant lieutenant admiral detective inspector sheriff superintendent
    administrator curator analyst economist researcher scientist expert witness victim mother
    father wife husband son daughter brother sister boss owner teacher spokesmen defender
    midfielder forward winger striker keeper reporter nurse doctor consultant ace pilot chair
    teenager teen
    sprecher sprecherin minister ministerin kanzler kanzlerin präsident präsidentin chef
    chefin general bürgermeister bürgermeisterin trainer anwalt anwältin richter richterin
    ministre porte-parole président présidente général maire directeur directrice
    entraîneur avocat avocate juge chef procureur député députée sénateur
    pm ministro ministra portavoz presidente presidenta general alcalde alcaldesa director
    directora entrenador abogado abogada juez jueza
    mandatario mandataria rector rectora jefe jefa secretario secretaria canciller diputado
    diputada senador senadora fiscal titular timonel recteur rectrice secrétaire chercheur
    chercheuse professeur professeure sociologue politologue économiste historien historienne
    """.split()
    )
    | NATIONALITIES
)
# An age standing for a person: "the 28-year-old says" is the one named with ", 28,".
AGE_ROLE = re.compile(r"(\d{1,3})-year-old")
# Nouns that, with "the", stand for an organisation named before ("the group said").
ORGANISATION_ROLES = frozenset("group organisation organization company club firm charity".split())
# Indefinite articles: "a spokesman", "un conseiller", "einem Sprecher" name nobody.
INDEFINITE = frozenset("a an one another un une ein eine einem einer eines uno una".split())
# Role words that stand for a title a person holds ("the PM" is the Prime Minister).
ROLE_ALIASES = {
    "pm": "minister",
    "premier": "minister",
    "boss": "manager",
    "mandatario": "presidente",
    "mandataria": "presidenta",
}
# Prepositions before a name that make it an object, not the speaker ("members of Congress").
PREPOSITIONS = frozenset(
    "of for to with from in on at by about against than von für mit bei auf de à en por con"
    " sobre dans sur par avec".split()
)
# Nouns that, with "the", name nobody in particular ("said the man", "the source said").
UNNAMED = frozenset(
    """
    man woman boy girl person source insider witness resident neighbour neighbor passenger
    friend relative mother-of-two homeowner driver caller viewer fan
    """.split()
)
# Determiners that make a role noun refer back ("the minister", "der Minister", "la juge").
ROLE_DETERMINERS = frozenset("the der die le la l' l’ el".split())

# Titles kept with a name when shown (ranks and forms of address a person is called by).
RANKS = frozenset(
    """
    general gen. major maj. lieutenant lt. colonel col. brigadier brig. captain capt. sergeant
    sgt. admiral adm. commander cmdr. corporal cpl. dr. dr prof. prof professor sir dame lord
    lady rev. reverend trooper
    det det. sgt insp insp. supt supt. ch dci dsupt pc wpc matron
    gen lt col maj capt brig adm cmdr cpl rev
    baroness baron viscount earl duke duchess countess marquess prince princess queen pope
    """.split()
)
# British police ranks ("Det Sgt", "Ch Insp", "DCI") and posts such as "Matron" are kept with
# the name like a military rank: BBC reports give them before almost every officer's name, and
# write military ranks without a stop ("Gen Valery Gerasimov"). Peerages are ranks too.
# Forms of address that only go with a person's name.
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady prof herr frau mme mlle".split())
# Titles that, like a form of address, only go with a person ("Prince Andrew", "Sister Gerald",
# and offices: "President Trump" is a person even as "Trump" alone).
PERSONAL_TITLES = frozenset(
    """
    prince princess king queen pope sister father brother rabbi imam sheikh
    president senator governor chancellor minister secretary mayor judge coach ambassador
    premier commissioner prosecutor congressman congresswoman councillor
    presidente presidenta président présidente präsident präsidentin ministro ministra
    ministre ministerin senador senadora sénateur sénatrice alcalde alcaldesa maire
    bürgermeister bürgermeisterin kanzler kanzlerin canciller gobernador gobernadora
    diputado diputada député députée rey reina roi reine könig königin papa papst
    """.split()
)
# Title words dropped in front of a name: "US Defense Secretary Jim Mattis" -> "Jim Mattis".
TITLES = RANKS | frozenset(
    """
    mr mr. mrs mrs. ms ms. miss mx. president vice secretary minister prime foreign defense
    defence interior home finance state chancellor senator sen. governor gov. mayor judge
    justice chief officer spokesman spokeswoman director chairman chairwoman ceo coach
    ambassador king queen prince princess pope bishop archbishop cardinal rabbi imam sheikh
    emir premier attorney sheriff detective inspector constable superintendent commissioner
    deputy assistant undersecretary administrator representative rep. congressman
    congresswoman mp qc herr frau m. mme mme. mlle señor señora don doña sr. sra. monsieur
    madame pm author actress actor singer star striker manager boss leader founder executive
    father sister brother mother chair magistrate recorder councillor cllr msp mep mla dj
    speaker prosecutor coordinator supervisor veterinarian researcher editor reporter correspondent
    columnist commentator producer curator principal headteacher lecturer dean provost
    treasurer trustee lawyer solicitor barrister physician surgeon pastor vicar chaplain
    consultant adviser advisor campaigner blogger influencer
    ministre ministro ministra mandatario mandataria rector rectora secretario secretaria
    canciller diputado diputada senador senadora presidente presidenta président présidente
    député députée sénateur maire alcalde alcaldesa porte-parole portavoz
    kardinal papst bischof erzbischof pfarrer pfarrerin pater bundesrat bundesrätin
    norweger norwegerin japaner japanerin slowene slowenen österreicher österreicherin
    franzose französin schweizer schweizerin italiener italienerin spanier spanierin
    amerikaner amerikanerin us-amerikaner us-amerikanerin brite britin schwede schwedin
    bundesrichter bundesrichterin landrat landrätin stadtrat stadträtin
    u.s. us uk u.k. british american french german russian syrian iraqi chinese israeli
    army navy air force federal national party labour tory democratic republican
    """.split()
)
# German compound titles end with these ("Außenministerin", "Regierungssprecher").
TITLE_SUFFIXES = (
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sprecher",
    "sprecherin",
    "kanzler",
    "kanzlerin",
    "chef",
    "chefin",
    "meister",
    "meisterin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "vorsitzende",
    "vorsitzender",
    "rechtler",
    "rechtlerin",
    "forscher",
    "forscherin",
    "wissenschaftler",
    "wissenschaftlerin",
    "geschäftsführer",
    "geschäftsführerin",
    "beauftragte",
    "beauftragter",
    "experte",
    "expertin",
    "politiker",
    "politikerin",
    "abgeordnete",
    "abgeordneter",
    "trainer",
    "trainerin",
    "chemiker",
    "chemikerin",
    "ökonom",
    "ökonomin",
    "redakteur",
    "redakteurin",
    "koordinator",
    "koordinatorin",
    "organisator",
    "organisatorin",
    "kollege",
    "kollegin",
    # Occupations: Historiker, Physikerin, Psychologe, Soziologin, Kinderarzt, Anwältin.
    "iker",
    "ikerin",
    "loge",
    "login",
    "arzt",
    "ärztin",
    "anwalt",
    "anwältin",
    "autor",
    "autorin",
)
# Capitalised words that start sentences or name no one.
NOT_NAMES = (
    frozenset(
        """
    the a an and but or so yet if when while after before as at by for from in into of on
    to with without this that these those there here he she it they we i you his her its
    their our my your what who why how where which also however meanwhile still last next
    some many most one two three no monday tuesday wednesday thursday friday saturday sunday
    although though unless until because other another every each
    january february march april may june july august september october november december
    mr mrs ms dr sir according under over since during then now today yesterday tomorrow
    der die das ein eine und aber oder wenn als auch er sie es wir ich ihr
    le la les un une et mais ou quand il elle ils elles nous je vous
    el los las y pero cuando él ella ellos nosotros yo laut selon según
    doch neben beide auch denn dann nun jetzt noch schon bereits nach vor bei mit für gegen
    über unter zwischen seit während wegen trotz ohne durch aus von im am beim vom zum
    zur ins weil dass ob wie wo wer was den dem des einer eines einem einen kein keine
    dies diese dieser dieses man hier dort heute gestern morgen immer nie oft ja nein etwa
    nur selbst sogar deshalb daher damit dabei denn zudem außerdem jedoch trotzdem
    donc car ce cette ces on pour par avec sans dans sur sous chez après avant depuis
    pendant ainsi alors aussi mais enfin puis
    unos unas para por con sin en sobre entre desde hasta durante ante tras este esta
    estos estas ese esa también además luego así pues
    """.split()
    )
    | NATIONALITIES
)
# Words in a capitalised phrase that mark an organisation, not a person.
ORGANISATION_WORDS = frozenset(
    """
    ministry office department agency news times post journal herald telegraph guardian
    reuters associated press bbc cnn abc nbc cbs fox sky party council church university
    college school institute association union company corporation inc ltd group bank
    committee commission court police army navy force government administration house
    senate congress parliament club team foundation museum hospital service network
    organisation organization federation league world daily mail fund monetary nations
    united kingdom republic states emirates channel magazine airlines airways motors film
    studios festival county city state project services protective command
    springs beach street river park island islands valley lake mountains road avenue
    square bridge airport station bay yard u.s. u.k. u.n. e.u.
    memorial cathedral theatre theater gallery library prison primary academy
    trust radio embassy consulate heritage
    inspectorate directorate authority society board centre center bureau tribunal assembly
    panel protection customs
    institution laboratory observatory alliance coalition charity
    ministerio ministère ministerium gobierno gouvernement regierung partido parti partei
    asociación comisión fiscalía consejo conseil universidad université universität
    instituto institut banco banque empresa entreprise unternehmen agencia agence
    departamento département comité asamblea assemblée cámara congreso senado sénat
    policía polizei armée ejército
    estado estados unidos unido república état états unis république staaten vereinigte
    bundesrepublik republik
    """.split()
)
# Places that start a caption glued to a name ("Australia Natalia Moon", "White Hart Lane
# Sherwood"); only used to split such runs, since many are also names (Jordan, Paris).
PLACES = frozenset(
    """
    afghanistan africa america argentina asia australia austria belgium brazil britain
    canada chile china colombia croatia egypt england europe france germany greece holland
    hungary india iran iraq ireland israel italy japan kenya korea libya mexico nepal
    netherlands nigeria norway pakistan palestine poland portugal russia scotland spain
    sweden switzerland syria thailand turkey ukraine wales yemen
    london manchester liverpool birmingham glasgow edinburgh dublin berlin madrid rome
    moscow tokyo beijing delhi sydney melbourne brisbane perth toronto chicago boston
    texas california florida hollywood
    lane stadium arena park road street avenue hall palace place tower reef resort
    """.split()
)
# First words of place names, never of a person's ("New Delhi", "South Africa", "San José").
PLACE_PREFIXES = frozenset("new north south east west san santa los las fort port st st.".split())
# Events, whose names end a capitalised phrase like a surname ("Anzac Day", "Family Circle Cup").
EVENTS = frozenset(
    """
    day eve cup prix games olympics championship championships trophy awards festival
    marathon week weekend
    """.split()
)
# Words after a name that show it is not the subject of what follows ("Ed Balls of").
NOT_VERBS = frozenset("and or but while of for to with from in on at by as who which that".split())


def is_role(word: str) -> bool:
    """A role noun ("minister", "Sprecher"), German compounds included ("Arbeitsrechtlerin",
    "Bundestrainer", "Integrationsministerin"); `word` is lower-case."""
    return word in ROLES or (len(word) > 8 and word.endswith(TITLE_SUFFIXES))
