"""Demo meetings with agendas, attendance and minutes, offers and needs, for the year around today.

Working groups meet quarterly, the steering group twice, the network once a year (dates from the
meeting planner: second Wednesday, 15:00–17:00 Berlin time). Past meetings are held with approved
minutes; offers were presented and needs raised at their agenda items. Everything is fictional;
the random choices are seeded, so a run on the same day gives the same data.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.meetings.service import plan_preview
from api.members.service import current_membership
from api.models import AgendaItem, Attendance, Body, Meeting, Membership, Need, Offer, Organisation

SEED = 2027
BERLIN = ZoneInfo("Europe/Berlin")
MARKER_ORGANISATION = "Kreisvolkshochschule Gifhorn (Demo)"
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
KREISHAUS = "Kreishaus Gifhorn, Schlossplatz 1, 38518 Gifhorn"
ROOMS = ("Sitzungsraum 2.14", "Sitzungsraum 1.05", "Großer Sitzungssaal")

# The topic of each working group (its field of action in the demo concept, see api/demo/concept.py
# TOPIC_FIELDS, which links the groups' needs to that field) and its meeting themes.
GROUP_TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "AK Bildung": (
        "Bildung",
        ("Sprachförderung in Kita und Schule", "Übergang Schule–Beruf", "Elternarbeit an Schulen"),
    ),
    "AK Familienleben": (
        "Familie und Gesundheit",
        ("Frühe Hilfen für zugewanderte Familien", "Gesundheitsversorgung", "Wohnen und Nachbarschaft"),
    ),
    "AK Ausbildung und Arbeit": (
        "Ausbildung und Arbeit",
        ("Anerkennung ausländischer Abschlüsse", "Ausbildung in Pflege und Handwerk", "Jobcoaching"),
    ),
    "AK Teilhabe": (
        "Gesellschaftliche Teilhabe",
        ("Ehrenamt und Vereine", "Mobilität im ländlichen Raum", "Begegnungsorte"),
    ),
}
RESULTS = {
    "report": "Der Bericht wird zur Kenntnis genommen.",
    "exchange": "Die Anregungen aus dem Austausch werden im nächsten Treffen aufgegriffen.",
    "offer_presentation": "Das Angebot wird vorgestellt; Rückfragen wurden direkt beantwortet.",
    "needs": "Die genannten Bedarfe werden als Bedarfe erfasst.",
    "measure_development": "Eine Kleingruppe arbeitet die Ideen bis zur nächsten Sitzung aus.",
    "submission": "Keine neue Vorlage in dieser Sitzung.",
    "any_other_business": "Keine weiteren Punkte.",
}

# (title, description, target groups, languages, costs, organisation kind)
OFFERS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str, str], ...] = (
    (
        "Integrationskurs mit Kinderbetreuung",
        "Allgemeiner Integrationskurs (B1) am Vormittag; Kinder werden im Nebenraum betreut.",
        ("Erwachsene", "Eltern"),
        ("de",),
        "kostenlos mit Berechtigung",
        "education_provider",
    ),
    (
        "Sprachcafé am Donnerstag",
        "Offener Treff zum Deutschüben bei Kaffee und Kuchen, ohne Anmeldung.",
        ("Erwachsene",),
        ("de", "ar", "uk"),
        "kostenlos",
        "association_initiative",
    ),
    (
        "Migrationsberatung für Erwachsene",
        "Beratung zu Aufenthalt, Sprachkursen, Arbeit und Wohnen; Termine nach Vereinbarung.",
        ("Erwachsene", "Neuzugewanderte"),
        ("de", "ar", "fa", "ru"),
        "kostenlos",
        "welfare_association",
    ),
    (
        "Jugendmigrationsdienst: Einzelbegleitung",
        "Begleitung junger Menschen von 12 bis 27 Jahren bei Schule, Ausbildung und Alltag.",
        ("Jugendliche", "junge Erwachsene"),
        ("de", "ar", "tr"),
        "kostenlos",
        "welfare_association",
    ),
    (
        "Hausaufgabenhilfe im Gemeindehaus",
        "Ehrenamtliche helfen Schulkindern zweimal pro Woche bei den Hausaufgaben.",
        ("Schulkinder",),
        ("de",),
        "kostenlos",
        "religious_community",
    ),
    (
        "Elterncafé in der Kita",
        "Austausch für Eltern mit Sprachmittlung, monatlich am Freitagnachmittag.",
        ("Eltern",),
        ("de", "tr", "ar"),
        "kostenlos",
        "education_provider",
    ),
    (
        "Fahrradkurs für Frauen",
        "Radfahren lernen in kleinen Gruppen; Fahrräder werden gestellt.",
        ("Frauen",),
        ("de", "fa", "ar"),
        "kostenlos",
        "association_initiative",
    ),
    (
        "Offene Fahrradwerkstatt",
        "Gemeinsam reparieren, Ersatzteile zum Selbstkostenpreis.",
        ("alle",),
        ("de", "en"),
        "Ersatzteile zum Selbstkostenpreis",
        "association_initiative",
    ),
    (
        "Bewerbungstraining mit Jobcoaching",
        "Unterlagen erstellen, Vorstellungsgespräche üben, Praktika finden.",
        ("Arbeitsuchende",),
        ("de", "en", "uk"),
        "kostenlos",
        "public_authority",
    ),
    (
        "Anerkennungsberatung für Berufsabschlüsse",
        "Erstberatung zur Anerkennung ausländischer Abschlüsse und zu Anpassungsqualifizierungen.",
        ("Fachkräfte",),
        ("de", "en", "ru"),
        "kostenlos",
        "company_chamber",
    ),
    (
        "Einstiegsqualifizierung Pflege",
        "Sechsmonatiges Praktikum mit Sprachunterricht als Weg in die Pflegeausbildung.",
        ("junge Erwachsene", "Neuzugewanderte"),
        ("de",),
        "vergütet",
        "company_chamber",
    ),
    (
        "Berufssprachkurs B2 in Teilzeit",
        "Berufsbezogenes Deutsch am Abend, zwei Termine pro Woche.",
        ("Berufstätige",),
        ("de",),
        "kostenlos mit Berechtigung",
        "education_provider",
    ),
    (
        "Sprechstunde der Ausländerbehörde vor Ort",
        "Monatliche Sprechstunde im Rathaus für Fragen zu Aufenthaltstiteln.",
        ("Neuzugewanderte",),
        ("de", "en"),
        "kostenlos",
        "public_authority",
    ),
    (
        "Frauentreff International",
        "Wöchentlicher Treff mit Kinderbetreuung, Ausflügen und Kochabenden.",
        ("Frauen",),
        ("de", "ar", "ku"),
        "kostenlos",
        "association_initiative",
    ),
    (
        "Patenschaften für Familien",
        "Ehrenamtliche Patinnen und Paten begleiten neu angekommene Familien im Alltag.",
        ("Familien",),
        ("de", "uk", "ru"),
        "kostenlos",
        "association_initiative",
    ),
    (
        "Schwimmkurs für Kinder",
        "Seepferdchen-Kurs in den Ferien, Plätze für Kinder aus Gemeinschaftsunterkünften.",
        ("Kinder",),
        ("de",),
        "5 € pro Termin",
        "other",
    ),
    (
        "Vereinssport zum Kennenlernen",
        "Vier Wochen kostenlos mittrainieren in Fußball, Turnen oder Tischtennis.",
        ("Kinder", "Jugendliche"),
        ("de", "en"),
        "kostenlos",
        "association_initiative",
    ),
    (
        "Dolmetscherpool für Elterngespräche",
        "Ehrenamtliche Sprachmittlung für Gespräche in Kita und Schule, Anfrage eine Woche vorher.",
        ("Eltern", "Fachkräfte"),
        ("ar", "fa", "tr", "uk", "ps"),
        "kostenlos",
        "migrant_organisation",
    ),
    (
        "Lernwerkstatt Mathematik",
        "Förderunterricht für Jugendliche der Klassen 7 bis 10.",
        ("Jugendliche",),
        ("de",),
        "kostenlos",
        "education_provider",
    ),
    (
        "Beratung rund um Gesundheit",
        "Wie funktioniert das Gesundheitssystem? Sprechstunde mit Gesundheitslotsinnen.",
        ("Erwachsene", "Familien"),
        ("de", "ar", "ti"),
        "kostenlos",
        "welfare_association",
    ),
    (
        "Kochen verbindet",
        "Gemeinsames Kochen von Gerichten aus aller Welt, einmal im Monat.",
        ("alle",),
        ("de", "ar", "tr"),
        "3 € Materialkosten",
        "migrant_organisation",
    ),
    (
        "Ausbildungsmesse kompakt",
        "Betriebe aus dem Landkreis stellen Ausbildungsplätze vor; mit Sprachmittlung.",
        ("Jugendliche", "Eltern"),
        ("de", "ar", "uk"),
        "kostenlos",
        "company_chamber",
    ),
    (
        "Ukrainisch-deutscher Elternabend",
        "Informationsabend zum Schulsystem in Niedersachsen.",
        ("Eltern",),
        ("uk", "de"),
        "kostenlos",
        "migrant_organisation",
    ),
    (
        "Mobilitätstraining Bus und Bahn",
        "Fahrpläne lesen, Tickets kaufen, Wege zu Ämtern üben.",
        ("Neuzugewanderte", "Seniorinnen und Senioren"),
        ("de", "ar", "fa"),
        "kostenlos",
        "association_initiative",
    ),
    (
        "Computerkurs für Einsteigerinnen",
        "Grundlagen am PC und Smartphone: E-Mail, Online-Termine, Bewerbungsportale.",
        ("Frauen",),
        ("de", "tr"),
        "10 € für 5 Termine",
        "education_provider",
    ),
    (
        "Schuldnerberatung mit Sprachmittlung",
        "Offene Sprechstunde, auf Wunsch mit Sprachmittlung.",
        ("Erwachsene",),
        ("de", "ar", "ru"),
        "kostenlos",
        "welfare_association",
    ),
)

# Needs per working group: (title, description).
NEEDS: dict[str, tuple[tuple[str, str], ...]] = {
    "AK Bildung": (
        ("Kinderbetreuung während der Sprachkurse", "Mütter können Kurse ohne Betreuung nicht besuchen."),
        ("Mehr Sprachförderkräfte an Grundschulen", "Die Förderstunden reichen in drei Schulen nicht aus."),
        ("Übersetzte Elternbriefe", "Wichtige Schulinformationen erreichen Eltern nicht."),
        ("Lernorte mit WLAN in den Unterkünften", "Schülerinnen und Schüler können nicht online lernen."),
        ("Plätze in Ganztagsschulen", "Wartelisten für Kinder aus zugewanderten Familien."),
    ),
    "AK Familienleben": (
        ("Hebammenversorgung für Neuzugewanderte", "Schwangere finden keine Hebamme mit Sprachmittlung."),
        ("Bezahlbarer Wohnraum für große Familien", "Familien bleiben lange in Gemeinschaftsunterkünften."),
        (
            "Psychosoziale Beratung in Herkunftssprachen",
            "Lange Wartezeiten, kaum muttersprachliche Angebote.",
        ),
        ("Familienzentren im Nordkreis", "Im Raum Wittingen und Hankensbüttel fehlen Anlaufstellen."),
        ("Sprachmittlung bei Arztterminen", "Praxen lehnen Termine ohne Sprachmittlung ab."),
    ),
    "AK Ausbildung und Arbeit": (
        ("Schnellere Anerkennungsverfahren", "Verfahren dauern oft über ein Jahr."),
        ("Berufsbezogene Sprachkurse im Nordkreis", "Kurse gibt es nur in Gifhorn."),
        ("Ausbildungsbegleitung in der Pflege", "Viele Auszubildende brechen im ersten Jahr ab."),
        ("Informationen für Betriebe zur Beschäftigung", "Betriebe kennen die Regeln nicht."),
        ("Kinderbetreuung bei Schichtarbeit", "Randzeiten werden von Kitas nicht abgedeckt."),
    ),
    "AK Teilhabe": (
        ("Busverbindungen am Abend", "Kurse und Vereinsangebote sind abends nicht erreichbar."),
        ("Ehrenamtliche für Begleitung zu Behörden", "Die Zahl der Ehrenamtlichen sinkt."),
        ("Räume für Migrantenorganisationen", "Vereine finden keine bezahlbaren Räume."),
        ("Mehrsprachige Informationen der Gemeinden", "Webseiten und Aushänge nur auf Deutsch."),
        ("Zugang zu Sportvereinen für Mädchen", "Es fehlen Angebote nur für Mädchen."),
    ),
}
# (status, note) in the order the needs of a group are raised: older ones have moved on.
NEED_PROGRESS: tuple[tuple[str, str], ...] = (
    ("resolved", "Ein Angebot wurde eingerichtet; der Bedarf ist gedeckt."),
    ("escalated", "Als Vorlage an die Steuerungsgruppe weitergegeben."),
    ("addressed", "Wird mit einer Maßnahme des Arbeitskreises bearbeitet."),
    ("dismissed", "Nicht im Zuständigkeitsbereich des Netzwerks; an die zuständige Stelle verwiesen."),
    ("open", ""),
)


@dataclass(frozen=True)
class ActivityResult:
    meetings: int
    offers: int
    needs: int


def _berlin_date(moment: datetime) -> str:
    local = moment.astimezone(BERLIN)
    return f"{WEEKDAYS[local.weekday()]}, {local:%d.%m.%Y}"


def _minutes(meeting: Meeting, items: list[AgendaItem], present: int, excused: int) -> str:
    start, end = meeting.starts_at.astimezone(BERLIN), meeting.ends_at.astimezone(BERLIN)
    lines = [
        f"# Protokoll: {meeting.title}",
        "",
        f"- **Datum:** {_berlin_date(meeting.starts_at)}, {start:%H:%M}–{end:%H:%M} Uhr",
        f"- **Ort:** {meeting.location_address or 'online'}"
        + (f", {meeting.location_room}" if meeting.location_room else ""),
        f"- **Anwesend:** {present} Mitglieder, entschuldigt: {excused}",
        "- **Protokoll:** Stabsstelle Integration",
        "",
    ]
    for item in items:
        lines += [f"## TOP {item.number} {item.title}", "", item.result, ""]
    lines.append("*Fiktive Demo-Daten – keine echte Sitzung.*")
    return "\n".join(lines)


async def seed_activity(session: AsyncSession, today: date | None = None) -> ActivityResult:
    """Create the demo meetings, offers and needs once, on top of the demo directory.

    Nothing happens unless the demo directory exists and no meeting does yet, so a second run, or a
    database with real meetings, is left as it is.
    """
    has_demo_directory = await session.scalar(
        select(Organisation.id).where(Organisation.name == MARKER_ORGANISATION)
    )
    if has_demo_directory is None or await session.scalar(select(func.count()).select_from(Meeting)):
        return ActivityResult(0, 0, 0)
    now = datetime.now(UTC)
    today = today or now.date()
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not secrets
    window_start, window_end = today - timedelta(days=182), today + timedelta(days=183)
    bodies = list(
        (await session.scalars(select(Body).where(Body.deleted_at.is_(None)).order_by(Body.short_name))).all()
    )
    organisations = list(
        (await session.scalars(select(Organisation).where(Organisation.deleted_at.is_(None)))).all()
    )
    by_kind: dict[str, list[Organisation]] = defaultdict(list)
    for organisation in sorted(organisations, key=lambda organisation: organisation.name):
        by_kind[organisation.kind].append(organisation)

    offers: list[Offer] = []
    for index, (title, description, groups, languages, costs, kind) in enumerate(OFFERS):
        organisation = rng.choice(by_kind.get(kind) or organisations)
        municipalities = (
            [organisation.municipality] if organisation.municipality and rng.random() < 0.7 else []
        )
        starts = today - timedelta(days=rng.randint(30, 400))
        expired = index % 9 == 8
        offers.append(
            Offer(
                organisation_id=organisation.id,
                title=title,
                description=description,
                target_groups=list(groups),
                languages=sorted(set(languages)),
                municipalities=municipalities,
                costs=costs,
                contact=f"{organisation.name}, Telefon {organisation.phone or '05371 0000-000'}",
                valid_from=starts,
                valid_until=today - timedelta(days=rng.randint(5, 60))
                if expired
                else (today + timedelta(days=rng.randint(60, 400)) if rng.random() < 0.5 else None),
                published=index % 3 != 2,
            )
        )
    session.add_all(offers)
    offers_to_present = list(offers)

    meetings: list[Meeting] = []
    needs: list[Need] = []
    for body in bodies:
        # The yearly network meeting reaches a full year ahead, so its registration is always open.
        body_window_end = today + timedelta(days=366) if body.kind == "network" else window_end
        planned = [
            proposal
            for year in (today.year - 1, today.year, today.year + 1)
            for proposal in plan_preview(body, year).meetings
            if window_start <= proposal.starts_at.date() < body_window_end
        ]
        seats = sorted(
            set(
                (
                    await session.scalars(
                        select(Membership.member_id).where(
                            Membership.body_id == body.id, current_membership(today)
                        )
                    )
                ).all()
            )
        )
        group_needs = list(NEEDS.get(body.short_name, ()))
        themes = GROUP_TOPICS[body.short_name][1] if body.short_name in GROUP_TOPICS else ()
        for ordinal, proposal in enumerate(planned):
            past = proposal.ends_at < now
            meeting = Meeting(
                body_id=body.id,
                title=proposal.title,
                number=proposal.number,
                starts_at=proposal.starts_at,
                ends_at=proposal.ends_at,
                location_address=KREISHAUS,
                location_room=rng.choice(ROOMS),
                status="planned",
            )
            if body.kind == "network":
                meeting.title = f"Netzwerktreffen Integration {proposal.starts_at.year}"
                meeting.location_address = "Stadthalle Gifhorn (Demo), Dannenbütteler Weg 1, 38518 Gifhorn"
                meeting.location_room = "Großer Saal"
                meeting.theme = "Ankommen, bleiben, mitgestalten: Integration im ländlichen Raum"
                meeting.registration_capacity = 80
            elif body.kind == "steering_group":
                meeting.theme = "Sachstandsbericht und Vorlagen der Arbeitskreise"
            elif themes:
                meeting.theme = themes[ordinal % len(themes)]
                if ordinal % 4 == 3:
                    meeting.location_address, meeting.location_room = None, None
                    meeting.online_url = (
                        f"https://meet.example.org/demo-{body.short_name.lower().replace(' ', '-')}"
                    )
            session.add(meeting)
            await session.flush()
            meetings.append(meeting)

            items: list[AgendaItem] = []
            for position, template in enumerate(proposal.agenda, start=1):
                title = template.title
                presented: Offer | None = None
                if template.kind == "offer_presentation" and past and offers_to_present:
                    presented = offers_to_present.pop(0)
                    title = f"Vorstellung: {presented.title}"
                if template.kind == "exchange" and meeting.theme:
                    title = f"{template.title}: {meeting.theme}"
                item = AgendaItem(
                    meeting_id=meeting.id,
                    position=position,
                    number=str(position),
                    title=title[:300],
                    kind=template.kind,
                    result=RESULTS[template.kind] if past else "",
                )
                session.add(item)
                await session.flush()
                items.append(item)
                if presented is not None:
                    presented.presented_at_agenda_item_id = item.id
                    presenter = next(o.name for o in organisations if o.id == presented.organisation_id)
                    item.result = f"{presenter} stellt das Angebot vor. Rückfragen wurden direkt beantwortet."
                if template.kind == "needs" and past:
                    for _ in range(3 if body.kind == "working_group" else 0):
                        if not group_needs:
                            break
                        need_title, description = group_needs.pop(0)
                        status, note = NEED_PROGRESS[len(needs) % len(NEED_PROGRESS)]
                        needs.append(
                            Need(
                                body_id=body.id,
                                title=need_title,
                                description=description,
                                raised_at_agenda_item_id=item.id,
                                status=status,
                                status_note=note,
                            )
                        )
                        raised = "; ".join(
                            need.title for need in needs if need.raised_at_agenda_item_id == item.id
                        )
                        item.result = f"Als Bedarfe erfasst: {raised}."

            if past:
                present = excused = 0
                for member_id in seats:
                    roll = rng.random()
                    presence = "present" if roll < 0.65 else ("excused" if roll < 0.9 else "absent")
                    present += presence == "present"
                    excused += presence == "excused"
                    session.add(
                        Attendance(
                            meeting_id=meeting.id,
                            member_id=member_id,
                            response="declined" if presence == "excused" else "accepted",
                            responded_at=meeting.starts_at - timedelta(days=rng.randint(2, 20)),
                            presence=presence,
                        )
                    )
                meeting.status = "minutes_approved"
                meeting.invited_at = meeting.starts_at - timedelta(days=28)
                meeting.minutes_markdown = _minutes(meeting, items, present, excused)
                meeting.minutes_drafted_at = min(meeting.ends_at + timedelta(days=3), now)
                meeting.minutes_approved_at = min(meeting.ends_at + timedelta(days=14), now)
            elif proposal.starts_at - now < timedelta(days=28):
                meeting.status = "invited"
                meeting.invited_at = now - timedelta(days=1)
                for member_id in seats:
                    session.add(
                        Attendance(
                            meeting_id=meeting.id,
                            member_id=member_id,
                            response=rng.choice(("pending", "pending", "accepted", "declined")),
                        )
                    )
    session.add_all(needs)
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="demo.seed_activity",
        details={"meetings": len(meetings), "offers": len(offers), "needs": len(needs)},
    )
    return ActivityResult(len(meetings), len(offers), len(needs))
