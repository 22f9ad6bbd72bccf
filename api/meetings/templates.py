"""Agenda templates per body kind: what a new meeting's agenda starts with (German, as printed)."""

from __future__ import annotations

from typing import Final

# (title, kind) per body kind; the kinds are those of ``AgendaItem.kind``.
AGENDA_TEMPLATES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "working_group": (
        ("Begrüßung und Genehmigung des Protokolls der letzten Sitzung", "report"),
        ("Berichte aus dem Netzwerk und der Stabsstelle Integration", "report"),
        ("Vorstellung von Angeboten", "offer_presentation"),
        ("Bedarfe aus der Praxis", "needs"),
        ("Entwicklung von Maßnahmen", "measure_development"),
        ("Vorlagen an die Steuerungsgruppe", "submission"),
        ("Verschiedenes", "any_other_business"),
    ),
    "steering_group": (
        ("Begrüßung und Genehmigung des Protokolls der letzten Sitzung", "report"),
        ("Sachstandsbericht Integration", "report"),
        ("Vorlagen der Arbeitskreise", "submission"),
        ("Stand der Handlungsanweisungen", "report"),
        ("Verschiedenes", "any_other_business"),
    ),
    "network": (
        ("Begrüßung", "report"),
        ("Themenschwerpunkt", "exchange"),
        ("Berichte aus den Arbeitskreisen", "report"),
        ("Vorstellung von Angeboten", "offer_presentation"),
        ("Austausch und Vernetzung", "exchange"),
        ("Verschiedenes", "any_other_business"),
    ),
}
