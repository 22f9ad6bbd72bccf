"""Names of members who are not public, taken out of the free text that OParl publishes.

Titles, results, minutes and papers are written for the network's members and may name people.
Before such text leaves through OParl, every full name ("Anna Schmidt", "Schmidt, Anna") and every
"Frau/Herr Schmidt" of a member who is not shown as a Person is replaced. A safety net for the
usual ways of writing a name, not a guarantee: nicknames or initials are not recognised.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, not_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.models import ConsentRecord, Member
from api.oparl.index import member_public

REPLACEMENT = "[Name entfernt]"
# What an erased member is called (api/privacy): no one's name, and it is meant to stay readable.
PSEUDONYM = ("ehemaliges", "mitglied")
HONORIFICS = r"(?:Frau|Herrn?|Fr\.|Hr\.)\s+(?:(?:Dr|Prof)\.\s+)*"


WORD = re.compile(r"\w+")
MAX_PATTERNS = 2000


def _pattern(names: frozenset[tuple[str, str]]) -> re.Pattern[str]:
    patterns: set[str] = set()
    for given, family in names:
        family_pattern = r"\s+".join(map(re.escape, family.split()))
        patterns.add(HONORIFICS + family_pattern)
        if given:
            given_pattern = r"\s+".join(map(re.escape, given.split()))
            patterns.add(given_pattern + r"\s+" + family_pattern)
            patterns.add(family_pattern + r",\s*" + given_pattern)
    # Longest first, so "Anna Maria Schmidt" goes as a whole, not as "Anna Maria [Name entfernt]".
    alternatives = sorted(patterns, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


class Redactor:
    """Looks only for the names whose family name occurs in a text, so a long member list costs
    a set lookup per word, not a huge pattern."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self.by_word: dict[str, set[tuple[str, str]]] = {}
        for given_name, family_name in names:
            given, family = " ".join(given_name.split()), " ".join(family_name.split())
            if (given.lower(), family.lower()) == PSEUDONYM or len(family) < 2:
                continue
            for word in WORD.findall(family.lower()):
                self.by_word.setdefault(word, set()).add((given, family))
        self.patterns: dict[frozenset[tuple[str, str]], re.Pattern[str]] = {}

    def __call__(self, text: str) -> str:
        if not text or not self.by_word:
            return text
        found = frozenset(name for word in WORD.findall(text.lower()) for name in self.by_word.get(word, ()))
        if not found:
            return text
        if found not in self.patterns:
            if len(self.patterns) >= MAX_PATTERNS:  # the redactor outlives requests: stay bounded
                self.patterns.clear()
            self.patterns[found] = _pattern(found)
        return self.patterns[found].sub(REPLACEMENT, text)


# Per database: the fingerprint of the members and consents a redactor was built from, and it.
_built: dict[str, tuple[tuple[Any, ...], Redactor]] = {}


async def load_redactor(session: AsyncSession) -> Redactor:
    """The redactor for the members not shown as a Person right now (deleted ones included).

    Reading every such name costs tens of milliseconds at national scale, so the redactor is kept
    while this fingerprint stays the same: the number of members and the sum of their versions
    (every change of a member bumps its version), their latest change, and the number of consent
    events (append-only). Computed in the request's own snapshot, it changes with anything that
    could change who is public or what they are called."""
    fingerprint = tuple(
        (
            await session.execute(
                select(
                    func.count(Member.id),
                    func.sum(Member.version),
                    func.max(Member.updated_at),
                    select(func.count(ConsentRecord.id)).scalar_subquery(),
                )
            )
        ).one()
    )
    key = str(session.get_bind().engine.url)
    cached = _built.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    rows = await session.execute(select(Member.given_name, Member.family_name).where(not_(member_public())))
    redactor = Redactor([(given, family) for given, family in rows.all()])
    _built[key] = (fingerprint, redactor)
    return redactor
