"""Believable, clearly fictional demo data: partner organisations, members and their seats.

All e-mail addresses end in ``example.org`` and all phone numbers use the 0000 block, so no
demo record can reach a real person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.audit import record_audit
from api.models import Body, ConsentRecord, Member, Membership, Organisation

SEED = 2026
MEMBER_COUNT = 150

# (name, short name, kind, municipality, city, postal code)
ORGANISATIONS: tuple[tuple[str, str | None, str, str, str, str], ...] = (
    (
        "Landkreis Gifhorn – Stabsstelle Integration",
        "Stabsstelle",
        "public_authority",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Landkreis Gifhorn – Fachbereich Jugend",
        "FB Jugend",
        "public_authority",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Landkreis Gifhorn – Fachbereich Soziales",
        "FB Soziales",
        "public_authority",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Jobcenter Landkreis Gifhorn (Demo)",
        "Jobcenter",
        "public_authority",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Agentur für Arbeit, Geschäftsstelle Gifhorn (Demo)",
        "Arbeitsagentur",
        "public_authority",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    ("Stadt Wittingen – Bürgerbüro", None, "public_authority", "Stadt Wittingen", "Wittingen", "29378"),
    (
        "Samtgemeinde Meinersen – Ordnungsamt",
        None,
        "public_authority",
        "Samtgemeinde Meinersen",
        "Meinersen",
        "38536",
    ),
    (
        "Wohlfahrtsverband Südheide (Demo)",
        "WV Südheide",
        "welfare_association",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Migrationsberatung Aller-Ise (Demo)",
        "MBE Aller-Ise",
        "welfare_association",
        "Samtgemeinde Isenbüttel",
        "Isenbüttel",
        "38550",
    ),
    (
        "Jugendmigrationsdienst Gifhorn (Demo)",
        "JMD",
        "welfare_association",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Familienhilfe Papenteich e. V. (Demo)",
        None,
        "welfare_association",
        "Samtgemeinde Papenteich",
        "Meine",
        "38527",
    ),
    ("Sozialstation Brome (Demo)", None, "welfare_association", "Samtgemeinde Brome", "Brome", "38465"),
    (
        "Kreisvolkshochschule Gifhorn (Demo)",
        "KVHS",
        "education_provider",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    ("Sprachschule Mühlenweg (Demo)", None, "education_provider", "Stadt Gifhorn", "Gifhorn", "38518"),
    (
        "Berufsbildende Schulen Gifhorn (Demo)",
        "BBS",
        "education_provider",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Grundschule am Heidesee (Demo)",
        None,
        "education_provider",
        "Gemeinde Sassenburg",
        "Sassenburg",
        "38524",
    ),
    (
        "Oberschule Hankensbüttel (Demo)",
        None,
        "education_provider",
        "Samtgemeinde Hankensbüttel",
        "Hankensbüttel",
        "29386",
    ),
    (
        "Gymnasium Wesendorf (Demo)",
        None,
        "education_provider",
        "Samtgemeinde Wesendorf",
        "Wesendorf",
        "29392",
    ),
    (
        "Bildungswerk Boldecker Land (Demo)",
        None,
        "education_provider",
        "Samtgemeinde Boldecker Land",
        "Weyhausen",
        "38554",
    ),
    (
        "Kita Regenbogen Meinersen (Demo)",
        None,
        "education_provider",
        "Samtgemeinde Meinersen",
        "Meinersen",
        "38536",
    ),
    (
        "Deutsch-Syrischer Kulturverein Gifhorn (Demo)",
        None,
        "migrant_organisation",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Ukrainische Gemeinschaft Südheide (Demo)",
        None,
        "migrant_organisation",
        "Stadt Wittingen",
        "Wittingen",
        "29378",
    ),
    (
        "Afghanischer Elternverein Gifhorn (Demo)",
        None,
        "migrant_organisation",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Türkisch-Deutscher Familienbund (Demo)",
        None,
        "migrant_organisation",
        "Samtgemeinde Isenbüttel",
        "Isenbüttel",
        "38550",
    ),
    (
        "Frauencafé Internationale Begegnung (Demo)",
        None,
        "association_initiative",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    ("Sprachcafé Wittingen (Demo)", None, "association_initiative", "Stadt Wittingen", "Wittingen", "29378"),
    (
        "Patenschaftsnetz Papenteich (Demo)",
        None,
        "association_initiative",
        "Samtgemeinde Papenteich",
        "Meine",
        "38527",
    ),
    (
        "Flüchtlingshilfe Sassenburg (Demo)",
        None,
        "association_initiative",
        "Gemeinde Sassenburg",
        "Sassenburg",
        "38524",
    ),
    (
        "Sportverein Eintracht Brome (Demo)",
        "SV Eintracht",
        "association_initiative",
        "Samtgemeinde Brome",
        "Brome",
        "38465",
    ),
    (
        "Fahrradwerkstatt Offene Speiche (Demo)",
        None,
        "association_initiative",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Tafel Hankensbüttel (Demo)",
        None,
        "association_initiative",
        "Samtgemeinde Hankensbüttel",
        "Hankensbüttel",
        "29386",
    ),
    (
        "Evangelische Kirchengemeinde St. Demo",
        None,
        "religious_community",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    (
        "Katholische Pfarrei Heilige Demo",
        None,
        "religious_community",
        "Samtgemeinde Meinersen",
        "Meinersen",
        "38536",
    ),
    ("Moscheegemeinde Gifhorn (Demo)", None, "religious_community", "Stadt Gifhorn", "Gifhorn", "38518"),
    (
        "Handwerkskammer-Beratung Gifhorn (Demo)",
        "HWK-Beratung",
        "company_chamber",
        "Stadt Gifhorn",
        "Gifhorn",
        "38518",
    ),
    ("IHK-Servicestelle Gifhorn (Demo)", "IHK", "company_chamber", "Stadt Gifhorn", "Gifhorn", "38518"),
    ("Heidemetall GmbH (Demo)", None, "company_chamber", "Samtgemeinde Wesendorf", "Wesendorf", "29392"),
    (
        "Pflegedienst Allerblick (Demo)",
        None,
        "company_chamber",
        "Samtgemeinde Meinersen",
        "Meinersen",
        "38536",
    ),
    (
        "Logistikzentrum Boldecker Land (Demo)",
        None,
        "company_chamber",
        "Samtgemeinde Boldecker Land",
        "Weyhausen",
        "38554",
    ),
    ("Kreissportbund Gifhorn (Demo)", "KSB", "other", "Stadt Gifhorn", "Gifhorn", "38518"),
)

GIVEN_NAMES = (
    "Anna",
    "Jonas",
    "Leonie",
    "Mehmet",
    "Fatma",
    "Olena",
    "Andrii",
    "Aisha",
    "Omar",
    "Farid",
    "Sabine",
    "Thomas",
    "Katarzyna",
    "Piotr",
    "Maria",
    "Ahmad",
    "Zainab",
    "Lukas",
    "Julia",
    "Hassan",
    "Elif",
    "Murat",
    "Svetlana",
    "Dmytro",
    "Nadia",
    "Karim",
    "Claudia",
    "Stefan",
    "Amina",
    "Yusuf",
    "Birgit",
    "Frank",
    "Leyla",
    "Reza",
    "Tatjana",
    "Goran",
    "Mira",
    "Tobias",
    "Hanna",
    "Samir",
)
FAMILY_NAMES = (
    "Müller",
    "Schmidt",
    "Yılmaz",
    "Kowalski",
    "Schneider",
    "Al-Hassan",
    "Fischer",
    "Shevchenko",
    "Weber",
    "Rahimi",
    "Meyer",
    "Demir",
    "Wagner",
    "Nowak",
    "Becker",
    "Haddad",
    "Hoffmann",
    "Kaya",
    "Schulz",
    "Bondarenko",
    "Koch",
    "Ahmadi",
    "Richter",
    "Petrović",
    "Klein",
    "Öztürk",
    "Wolf",
    "Mansour",
    "Neumann",
    "Kovalenko",
    "Schwarz",
    "Sadeghi",
    "Zimmermann",
    "Arslan",
    "Braun",
    "Nasser",
)
STREETS = ("Hauptstraße", "Lindenweg", "Am Markt", "Schulstraße", "Bahnhofstraße")
LANGUAGES = ("ar", "tr", "uk", "ru", "pl", "fa", "en", "fr", "ku", "ps", "ti", "ro")
PROFESSIONAL_FUNCTIONS = (
    "Migrationsberatung",
    "Sozialarbeit",
    "Lehrkraft",
    "Kita-Leitung",
    "Integrationskursleitung",
    "Arbeitsvermittlung",
    "Ausbildungsberatung",
    "Schulsozialarbeit",
    "Quartiersmanagement",
    "Personalleitung",
    "Sachbearbeitung Ausländerbehörde",
    "Gemeindereferentin",
)
VOLUNTEER_FUNCTIONS = (
    "Sprachpatenschaft",
    "Lernhilfe",
    "Begleitung zu Behörden",
    "Sprachcafé",
    "Fahrradwerkstatt",
    "Elternlotse",
    "Vereinsvorstand",
    "Dolmetschen (ehrenamtlich)",
    "Hausaufgabenhilfe",
)
STEERING_SEATS = (
    ("chair", "Landrat"),
    ("deputy_chair", "Erste Kreisrätin"),
    ("member", "Fraktionsvorsitz"),
    ("member", "Fraktionsvorsitz"),
    ("member", "Fraktionsvorsitz"),
    ("member", "Fraktionsvorsitz"),
    ("member", "Fachbereichsleitung Jugend"),
    ("member", "Fachbereichsleitung Soziales"),
    ("member", "Fachbereichsleitung Schule und Bildung"),
    ("member", "Leitung Jobcenter"),
)


@dataclass(frozen=True)
class DemoResult:
    organisations: int
    members: int
    memberships: int


async def seed_directory(session: AsyncSession) -> DemoResult:
    """Create the demo directory once; a database that has organisations is left as it is."""
    if await session.scalar(select(func.count()).select_from(Organisation)):
        return DemoResult(0, 0, 0)
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not secrets
    bodies = {body.short_name: body for body in (await session.scalars(select(Body))).all()}

    organisations = [
        Organisation(
            name=name,
            short_name=short,
            kind=kind,
            municipality=municipality,
            city=city,
            postal_code=postal_code,
            street=f"{rng.choice(STREETS)} {rng.randint(1, 80)}",
            email=f"kontakt{index}@demo-partner.example.org",
            phone=f"05371 0000-{index:03d}",
        )
        for index, (name, short, kind, municipality, city, postal_code) in enumerate(ORGANISATIONS, start=1)
    ]
    session.add_all(organisations)
    await session.flush()

    members = []
    for index in range(1, MEMBER_COUNT + 1):
        given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
        engagement = "professional" if rng.random() < 0.6 else "volunteer"
        functions = PROFESSIONAL_FUNCTIONS if engagement == "professional" else VOLUNTEER_FUNCTIONS
        status = "active" if index % 15 else rng.choice(("inactive", "left"))
        joined = date(rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28))
        members.append(
            Member(
                title="Dr." if rng.random() < 0.05 else None,
                given_name=given,
                family_name=family,
                email=f"person{index}@demo.example.org",
                phone=f"05371 0000-{500 + index}" if rng.random() < 0.7 else None,
                organisation_id=rng.choice(organisations).id
                if engagement == "professional" or rng.random() < 0.4
                else None,
                engagement=engagement,
                function=rng.choice(functions),
                languages=sorted({"de", *rng.sample(LANGUAGES, rng.randint(0, 2))}),
                status=status,
                joined_on=joined,
                left_on=date(2026, 6, 30) if status == "left" else None,
            )
        )
    session.add_all(members)
    await session.flush()

    active = [member for member in members if member.status == "active"]
    memberships: list[Membership] = []

    def seat(member: Member, body: Body, role: str, label: str | None = None) -> None:
        memberships.append(
            Membership(
                member_id=member.id,
                body_id=body.id,
                role=role,
                function_label=label,
                organisation_id=member.organisation_id,
                start_on=max(member.joined_on or date(2017, 1, 1), date(2017, 1, 1)),
                voting_right=role != "guest",
            )
        )

    pool = list(active)
    rng.shuffle(pool)
    working_groups = [body for body in bodies.values() if body.kind == "working_group"]
    leads: list[Member] = []
    for group_index, group in enumerate(sorted(working_groups, key=lambda body: body.short_name)):
        group_members = pool[group_index * 25 : group_index * 25 + 25]
        for position, member in enumerate(group_members):
            role = (
                ("spokesperson", "deputy_spokesperson")[position]
                if position < 2
                else ("guest" if position % 9 == 0 else "member")
            )
            seat(member, group, role)
            if role == "spokesperson":
                leads.append(member)
    steering = bodies.get("Steuerungsgruppe")
    if steering is not None:
        for member, (role, label) in zip(pool[100 : 100 + len(STEERING_SEATS)], STEERING_SEATS, strict=True):
            seat(member, steering, role, label)
        for member in leads:
            seat(member, steering, "member", "Arbeitskreissprecher:in")
    network = bodies.get("Netzwerk")
    if network is not None:
        for member in active:
            seat(member, network, "member")
    session.add_all(memberships)
    consents = [
        ConsentRecord(
            member_id=member.id,
            purpose=purpose,
            action="given",
            text_version="2025-01",
            channel=rng.choice(("paper", "email", "in_person")),
        )
        for member in members
        for purpose, share in (("directory_listing", 0.85), ("contact_sharing", 0.5), ("photo", 0.2))
        if rng.random() < share
    ]
    session.add_all(consents)
    await session.flush()
    record_audit(
        session,
        actor_id=None,
        action="demo.seed",
        details={
            "organisations": len(organisations),
            "members": len(members),
            "memberships": len(memberships),
        },
    )
    return DemoResult(len(organisations), len(members), len(memberships))
