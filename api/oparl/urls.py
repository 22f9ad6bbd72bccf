"""Absolute URLs of the OParl objects and lists, and the OParl date formats."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from urllib.parse import urlencode

from api.core.config import Settings
from api.meetings.service import BERLIN

PREFIX = "/oparl/1.1"
BODY_KEY = "netzwerk"
SCHEMA = "https://schema.oparl.org/1.1/"


def base_url(settings: Settings) -> str:
    return (settings.oparl_base_url or settings.base_url).rstrip("/")


def type_uri(name: str) -> str:
    return f"{SCHEMA}{name}"


def datetime_text(moment: datetime) -> str:
    """``2026-03-01T14:00:00+01:00``: Berlin time with its offset, whole seconds (OParl's format)."""
    return moment.astimezone(BERLIN).replace(microsecond=0).isoformat()


def date_text(day: date) -> str:
    return day.isoformat()


def berlin_date(moment: datetime) -> str:
    return moment.astimezone(BERLIN).date().isoformat()


class Urls:
    def __init__(self, settings: Settings) -> None:
        self.root = base_url(settings) + PREFIX

    @property
    def system(self) -> str:
        return f"{self.root}/"

    @property
    def bodies(self) -> str:
        return f"{self.root}/body"

    @property
    def body(self) -> str:
        return f"{self.root}/body/{BODY_KEY}"

    def body_list(self, name: str) -> str:
        return f"{self.body}/{name}"

    def of(self, kind: str, object_id: uuid.UUID) -> str:
        """The id of an object: ``kind`` is the path segment (``meeting``, ``agendaItem``, ...)."""
        return f"{self.root}/{kind}/{object_id}"

    def organization_meetings(self, organization_id: uuid.UUID) -> str:
        return f"{self.of('organization', organization_id)}/meeting"

    def file_access(self, file_id: uuid.UUID) -> str:
        return f"{self.of('file', file_id)}/access"

    def file_download(self, file_id: uuid.UUID) -> str:
        return f"{self.of('file', file_id)}/download"


def with_query(url: str, params: dict[str, str]) -> str:
    return f"{url}?{urlencode(params)}" if params else url
