"""Short news reports in English, German, French and Spanish for the story-clustering tests,
written for these tests: per language, one event told by a wire service, the same event
from an unrelated second event with the same team or person, and a third unrelated story."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """One language's reports."""

    language: str
    event: tuple[str, ...]  # the wire report of an event
    event_headline: str
    same_team: tuple[str, ...]  # another event with the same team or person
    same_team_headline: str
    other: tuple[str, ...]
    other_headline: str
    prefix: str  # another outlet's dateline
    suffix: str  # and its footer


CASES = (
    Case(
        "en",
        (
            "Harbour City beat Northfield Rovers 3-1 on Saturday to move top of the league "
            "for the first time in twelve years.",
            "Striker Sam Okafor scored twice in the first half, and captain Lee Marsh added a "
            "third from the penalty spot after 70 minutes.",
            "Northfield pulled one back through a late header from defender Ian Cole, but "
            "never threatened to take a point from the Riverside Stadium.",
            "\u201cThe players were brilliant from the first minute,\u201d said manager Ann "
            "Keller, who took over in the summer.",
            "A crowd of 21,400 watched the match, the largest attendance at the ground since "
            "it reopened after the flood of 2019.",
            "Harbour City travel to Westport next Saturday, while Northfield host Eastbury on "
            "Tuesday evening.",
        ),
        "Harbour City beat Northfield 3-1 to go top of the league",
        (
            "Harbour City lost 2-0 at Westport on Saturday, ending a run of six league games "
            "without defeat.",
            "Westport scored in each half through winger Tom Banks and substitute Rui Alves, "
            "who had come on only four minutes earlier.",
            "Manager Ann Keller said her side had been tired after a long week and that the "
            "pitch had been heavy after days of rain.",
            "Harbour City stay in the top three but could lose that place if Eastbury win "
            "their game in hand on Wednesday.",
            "Striker Sam Okafor was substituted at half-time with a knock to his ankle and "
            "will be assessed on Monday.",
        ),
        "Harbour City beaten 2-0 at Westport",
        (
            "The national weather service issued a storm warning for the whole coast on "
            "Monday, with gusts of up to 120 kilometres an hour expected overnight.",
            "Ferries between the mainland and the islands were cancelled and schools in three "
            "districts will stay closed on Tuesday.",
            "Emergency crews have been placed on standby, and residents were asked to tie "
            "down garden furniture and to avoid travelling after dark.",
            "The storm is the third to hit the region this autumn, after two others caused "
            "flooding in October.",
        ),
        "Storm warning for the coast as ferries are cancelled",
        "LONDON (Wire) - ",
        "Reporting by the sports desk. Share this article on social media.",
    ),
    Case(
        "de",
        (
            "Der FC Hafenstadt hat am Samstag den SV Nordfeld mit 3:1 besiegt und ist zum "
            "ersten Mal seit zwölf Jahren Tabellenführer.",
            "Stürmer Samuel Okafor traf vor der Pause zweimal, Kapitän Lukas Marsch erhöhte "
            "nach 70 Minuten per Elfmeter.",
            "Nordfeld verkürzte spät durch einen Kopfball von Verteidiger Jan Kohl, kam aber "
            "dem Ausgleich nie nahe.",
            "\u201eDie Mannschaft war von der ersten Minute an hellwach\u201c, sagte Trainerin "
            "Anna Keller, die den Verein im Sommer übernommen hat.",
            "21.400 Zuschauer sahen die Partie, so viele wie nie seit der Wiedereröffnung des "
            "Stadions nach dem Hochwasser 2019.",
            "Hafenstadt spielt am kommenden Samstag in Westhafen, Nordfeld empfängt am "
            "Dienstag den TSV Ostbach.",
        ),
        "FC Hafenstadt schlägt Nordfeld 3:1 und übernimmt die Tabellenspitze",
        (
            "Der FC Hafenstadt hat am Samstag in Westhafen mit 0:2 verloren und damit die "
            "erste Niederlage nach sechs Ligaspielen kassiert.",
            "Die Tore für Westhafen erzielten Flügelspieler Tom Banske und der eingewechselte "
            "Rui Alves, der erst vier Minuten zuvor gekommen war.",
            "Trainerin Anna Keller sagte, ihre Mannschaft sei nach einer langen Woche müde "
            "gewesen und der Rasen nach tagelangem Regen schwer.",
            "Hafenstadt bleibt unter den ersten drei, könnte den Platz aber verlieren, wenn "
            "Ostbach am Mittwoch sein Nachholspiel gewinnt.",
            "Stürmer Samuel Okafor wurde zur Pause mit einer Knöchelverletzung ausgewechselt "
            "und wird am Montag untersucht.",
        ),
        "FC Hafenstadt verliert 0:2 in Westhafen",
        (
            "Der Wetterdienst hat am Montag für die gesamte Küste eine Sturmwarnung "
            "ausgegeben, in der Nacht werden Böen bis 120 Kilometer pro Stunde erwartet.",
            "Die Fähren zwischen Festland und Inseln fallen aus, in drei Landkreisen bleiben "
            "die Schulen am Dienstag geschlossen.",
            "Die Rettungsdienste sind in Bereitschaft, Anwohner sollen Gartenmöbel sichern und "
            "nach Einbruch der Dunkelheit nicht mehr fahren.",
            "Es ist bereits der dritte Sturm in diesem Herbst, nachdem zwei andere im Oktober "
            "Überschwemmungen verursacht hatten.",
        ),
        "Sturmwarnung für die Küste, Fähren fallen aus",
        "Berlin (Agentur) - ",
        "© Nachrichtenagentur. Artikel teilen: Facebook Twitter E-Mail.",
    ),
    Case(
        "fr",
        (
            "Le FC Portville a battu samedi le SC Nordval 3-1 et prend la tête du "
            "championnat pour la première fois depuis douze ans.",
            "L'attaquant Samuel Okafor a marqué deux fois en première période, et le "
            "capitaine Luc Marchand a inscrit un penalty à la 70e minute.",
            "Nordval a réduit le score en fin de match sur une tête du défenseur Yann Colin, "
            "sans jamais menacer de revenir.",
            "\u00ab Les joueurs ont été remarquables dès la première minute \u00bb, a déclaré "
            "l'entraîneuse Anne Keller, arrivée cet été.",
            "Quelque 21 400 spectateurs ont assisté à la rencontre, un record depuis la "
            "réouverture du stade après les inondations de 2019.",
            "Portville se déplace à Ouestport samedi prochain, tandis que Nordval reçoit "
            "Estbourg mardi soir.",
        ),
        "Portville bat Nordval 3-1 et prend la tête du championnat",
        (
            "Le FC Portville s'est incliné 2-0 samedi à Ouestport, sa première défaite après "
            "six matchs de championnat.",
            "Ouestport a marqué dans chaque période par l'ailier Tom Banque et par le "
            "remplaçant Rui Alves, entré quatre minutes plus tôt.",
            "L'entraîneuse Anne Keller a estimé que son équipe était fatiguée après une "
            "longue semaine et que la pelouse était lourde après des jours de pluie.",
            "Portville reste dans le trio de tête mais pourrait perdre sa place si Estbourg "
            "gagne son match en retard mercredi.",
            "L'attaquant Samuel Okafor a été remplacé à la pause en raison d'une douleur à la "
            "cheville et passera des examens lundi.",
        ),
        "Portville battu 2-0 à Ouestport",
        (
            "Météo nationale a émis lundi une alerte tempête pour tout le littoral, avec des "
            "rafales jusqu'à 120 kilomètres par heure attendues dans la nuit.",
            "Les ferries entre le continent et les îles sont annulés et les écoles de trois "
            "départements resteront fermées mardi.",
            "Les secours sont en alerte et les habitants sont invités à rentrer leur mobilier "
            "de jardin et à éviter de circuler la nuit.",
            "C'est la troisième tempête de l'automne dans la région, après deux autres qui "
            "ont provoqué des inondations en octobre.",
        ),
        "Alerte tempête sur le littoral, les ferries annulés",
        "PARIS (Agence) - ",
        "© Agence de presse. Tous droits réservés. Partager cet article.",
    ),
    Case(
        "es",
        (
            "El Puerto CF venció el sábado 3-1 al Norte FC y se coloca líder de la liga por "
            "primera vez en doce años.",
            "El delantero Samuel Okafor marcó dos goles en la primera parte y el capitán "
            "Luis Marcos anotó un penalti a los 70 minutos.",
            "El Norte recortó distancias al final con un cabezazo del defensa Iván Colón, "
            "pero nunca estuvo cerca del empate.",
            "\u00abLos jugadores estuvieron brillantes desde el primer minuto\u00bb, dijo la "
            "entrenadora Ana Keller, que llegó al club en verano.",
            "Unos 21.400 espectadores vieron el partido, la mayor asistencia desde la "
            "reapertura del estadio tras la inundación de 2019.",
            "El Puerto visitará al Oeste el próximo sábado, mientras que el Norte recibe al "
            "Este el martes por la noche.",
        ),
        "El Puerto vence 3-1 al Norte y se coloca líder",
        (
            "El Puerto CF perdió 2-0 el sábado en el campo del Oeste y sufrió su primera "
            "derrota tras seis jornadas de liga.",
            "El Oeste marcó en cada tiempo por medio del extremo Tomás Bancos y del suplente "
            "Rui Alves, que había entrado cuatro minutos antes.",
            "La entrenadora Ana Keller dijo que su equipo estaba cansado tras una semana "
            "larga y que el césped estaba pesado por días de lluvia.",
            "El Puerto sigue entre los tres primeros, pero podría perder el puesto si el Este "
            "gana su partido aplazado el miércoles.",
            "El delantero Samuel Okafor fue sustituido en el descanso por un golpe en el "
            "tobillo y será examinado el lunes.",
        ),
        "El Puerto cae 2-0 en el campo del Oeste",
        (
            "El servicio meteorológico emitió el lunes un aviso de temporal para toda la "
            "costa, con rachas de hasta 120 kilómetros por hora durante la noche.",
            "Los transbordadores entre la península y las islas fueron cancelados y los "
            "colegios de tres comarcas seguirán cerrados el martes.",
            "Los servicios de emergencia están en alerta y se pidió a los vecinos que "
            "recojan los muebles de jardín y eviten viajar de noche.",
            "Es el tercer temporal que llega a la región este otoño, después de dos que "
            "provocaron inundaciones en octubre.",
        ),
        "Aviso de temporal en la costa y transbordadores cancelados",
        "MADRID (Agencia) - ",
        "© Agencia de noticias. Todos los derechos reservados.",
    ),
)
