"""Field types shared by the request schemas of several features."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, EmailStr, Field

# No control characters in single-line text (PostgreSQL refuses NUL, and none belongs in a name).
SINGLE_LINE = r"^[^\x00-\x1f\x7f]*$"
# Multi-line text keeps tabs and line breaks.
MULTI_LINE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


def _stripped(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be blank")
    return value


def _lower(email: str) -> str:
    return email.strip().lower()


Line50 = Annotated[str, Field(min_length=1, max_length=50, pattern=SINGLE_LINE), AfterValidator(_stripped)]
Line100 = Annotated[str, Field(min_length=1, max_length=100, pattern=SINGLE_LINE), AfterValidator(_stripped)]
Line200 = Annotated[str, Field(min_length=1, max_length=200, pattern=SINGLE_LINE), AfterValidator(_stripped)]
LongText = Annotated[str, Field(max_length=20_000, pattern=MULTI_LINE)]
Email = Annotated[EmailStr, Field(max_length=254), AfterValidator(_lower)]
Phone = Annotated[str, Field(min_length=3, max_length=50, pattern=r"^\+?[0-9 ()/.\-]+$")]
Website = Annotated[str, Field(max_length=300, pattern=r"^https?://[^\s\x00-\x1f\x7f]+$")]
PostalCode = Annotated[str, Field(pattern=r"^[0-9]{5}$")]

# ISO 639-1 two-letter language codes.
ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
    dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia
    id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo
    lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl
    ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk
    tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split()  # noqa: SIM905 - readable as a block
)


def _iso_639_1(code: str) -> str:
    if code not in ISO_639_1:
        raise ValueError("not an ISO 639-1 language code")
    return code


LanguageCode = Annotated[
    str,
    Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code, e.g. de, ar, uk"),
    AfterValidator(_iso_639_1),
]


def _unique_sorted(codes: list[str]) -> list[str]:
    return sorted(set(codes))


Languages = Annotated[list[LanguageCode], Field(max_length=30), AfterValidator(_unique_sorted)]

# The version of a consent or privacy text the person saw, e.g. "2026-01".
TextVersion = Annotated[
    str,
    Field(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z][0-9A-Za-z._\-]*$", examples=["2026-01"]),
]
# A short letter to a person (join form, decision message); keeps line breaks.
Message2000 = Annotated[str, Field(max_length=2000, pattern=MULTI_LINE)]
