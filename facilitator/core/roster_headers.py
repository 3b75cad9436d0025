"""Which roster field a registration list's column heading means.

People head columns the way their form tool or their habit does: "Full name (as in passport)",
"Name of participant", "Country / Organisation", "Ministry / Agency", "Designation",
"E-mail address". Matching whole strings misses most of these, so a heading is read for its
meaningful words: explanations in brackets are set aside, alternatives ("Country / Organisation")
are tried in the order written, and words are checked against each field in a fixed order
(an organisation's name is an organisation, not a participant's name).

A serial-number column ("No.", "S/N", "#", "Sr.", "ID") is never the participant id: only a
roster exported by Facilitator carries ids, and it is recognised by its headings.
"""

from __future__ import annotations

import re
import unicodedata

from facilitator.core.participants import ROSTER_FIELDS

__all__ = [
    "HEADER_VARIANTS",
    "HONORIFIC",
    "IMPORT_FIELDS",
    "NAME_PARTS",
    "SERIAL",
    "column_kind",
    "fold",
    "guess_field",
    "is_facilitator_export",
]

#: Import-only targets: a list with first and last names in two columns gives the name from both.
NAME_PARTS: tuple[str, ...] = ("given_name", "family_name")
#: Everything a column can be mapped onto.
IMPORT_FIELDS: tuple[str, ...] = (*ROSTER_FIELDS, *NAME_PARTS)
#: Kind of a column that is recognised but never read: a serial number, or Mr/Ms titles.
SERIAL = "serial"
HONORIFIC = "honorific"

#: Whole headings (folded) that mean a field.
HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "name": (
        "name",
        "full name",
        "fullname",
        "participant",
        "participant name",
        "names",
        "nama",
        "ho ten",
        "ho va ten",
        "ชื่อ สกุล",
        "ชื่อ นามสกุล",
    ),
    "native_name": (
        "native name",
        "local name",
        "native script",
        "name native",
        "name local",
        "ชื่อ ภาษาไทย",
    ),
    "sex": ("sex", "gender", "m f", "male female", "jenis kelamin", "kasarian", "gioi tinh", "เพศ"),
    "delegation": (
        "delegation",
        "country",
        "member state",
        "ams",
        "nationality",
        "negara",
        "bansa",
        "quoc gia",
    ),
    "organisation": (
        "organisation",
        "organization",
        "agency",
        "ministry",
        "affiliation",
        "instansi",
        "co quan",
    ),
    "position": ("position", "job title", "designation", "post", "rank", "function", "jabatan", "chuc vu"),
    "sector": ("sector", "category", "group", "type"),
    "role": ("role", "workshop role", "participation", "capacity"),
    "email": ("email", "mail", "email address", "emel", "surel"),
}

_SERIAL_WORDS = frozenset(
    {"no", "nos", "n", "s", "sn", "sr", "sl", "serial", "number", "nr", "num", "item", "seq", "ลำดับ", "stt"}
)
_ID_WORDS = frozenset({"id", "ids", "ref", "reference", "registration", "reg", "response", "record"})
_HONORIFIC_WORDS = frozenset({"title", "salutation", "honorific", "prefix", "mr", "ms", "mrs", "dr"})
_NATIVE_WORDS = frozenset(
    {
        "native",
        "local",
        "own",
        "script",
        "lao",
        "thai",
        "khmer",
        "myanmar",
        "burmese",
        "vietnamese",
        "language",
    }
)
_NOT_ROSTER = frozenset(
    {
        "address", "phone", "tel", "telephone", "mobile", "fax", "whatsapp", "passport", "date", "birth",
        "arrival", "departure", "flight", "hotel", "dietary", "diet", "signature", "remarks", "comments",
        "timestamp", "time", "score", "allergies", "emergency", "ticket", "order",
    }
)  # fmt: skip
_ORGANISATION_WORDS = frozenset(
    {
        "organisation", "organization", "organisations", "organizations", "agency", "agencies",
        "ministry", "ministries", "department", "dept", "institution", "office", "affiliation",
        "employer", "bureau", "company", "instansi", "kementerian",
    }
)  # fmt: skip
#: Field words, in the order they are tried.
_FIELD_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("given_name", frozenset({"first", "given", "forename", "firstname"})),
    ("family_name", frozenset({"last", "family", "surname", "lastname"})),
    (
        "organisation",
        frozenset(
            {
                "organisation",
                "organization",
                "organisations",
                "organizations",
                "agency",
                "agencies",
                "ministry",
                "ministries",
                "department",
                "dept",
                "institution",
                "office",
                "affiliation",
                "employer",
                "bureau",
                "company",
                "instansi",
                "kementerian",
            }
        ),
    ),
    ("delegation", frozenset({"country", "countries", "delegation", "nationality", "ams", "negara"})),
    ("position", frozenset({"position", "designation", "job", "occupation", "rank", "post", "jabatan"})),
    ("sex", frozenset({"sex", "gender"})),
    ("role", frozenset({"role", "capacity", "participation"})),
    ("sector", frozenset({"sector", "category"})),
    ("name", frozenset({"name", "names", "fullname", "participant", "participants", "delegate", "attendee"})),
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_ALTERNATIVES = re.compile(r"/|\||\\|;|,|\bor\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, Latin accents and punctuation dropped, spaces collapsed: "E-mail" → "email".

    Only Latin combining accents are dropped (U+0300–U+036F): the vowel signs of Thai, Lao, Khmer
    and Myanmar are letters of those scripts and stay.
    """
    text = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    text = "".join(ch for ch in text if not 0x300 <= ord(ch) <= 0x36F)
    text = text.replace("e-mail", "email").replace("e - mail", "email")
    folded = "".join(
        " " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in unicodedata.normalize("NFC", text)
    )
    return " ".join(folded.split())


_HEADER_LOOKUP: dict[str, str] = {
    fold(variant): field for field, variants in HEADER_VARIANTS.items() for variant in variants
}


def _by_words(words: set[str]) -> str | None:
    """The field (or column kind) a heading's words point to, in the fixed order."""
    if "email" in words or "mail" in words:
        return "email"
    if words and words <= _SERIAL_WORDS:
        return SERIAL
    if words & _ID_WORDS and not words & {"email"}:
        return SERIAL
    if "name" in words and words & _NATIVE_WORDS:
        return "native_name"
    if words & _NOT_ROSTER:
        return None
    if words and words <= _HONORIFIC_WORDS:
        return HONORIFIC
    for field, field_words in _FIELD_WORDS:
        if words & field_words:
            return field
    return None


def column_kind(header: str) -> str | None:
    """What a heading means: a field of :data:`IMPORT_FIELDS`, :data:`SERIAL`, :data:`HONORIFIC`,
    or ``None`` when it is not understood."""
    raw = header.strip()
    if raw in ("#", "№", "No", "No."):
        return SERIAL
    whole = fold(raw)
    if whole in _HEADER_LOOKUP:
        return _HEADER_LOOKUP[whole]
    words = set(whole.split())
    if "name" in words and words & _NATIVE_WORDS:
        return "native_name"
    plain = _BRACKETS.sub(" ", raw)
    if fold(plain) in _HEADER_LOOKUP:
        return _HEADER_LOOKUP[fold(plain)]
    for part in _ALTERNATIVES.split(plain):
        folded = fold(part)
        kind = _HEADER_LOOKUP.get(folded) or _by_words(set(folded.split()))
        if kind is not None and kind != HONORIFIC:
            return kind
    return _by_words(set(fold(plain).split()))


def guess_field(header: str) -> str | None:
    """The field of :data:`IMPORT_FIELDS` a column heading most likely means, or ``None``."""
    kind = column_kind(header)
    return kind if kind in IMPORT_FIELDS else None


def is_facilitator_export(headers: tuple[str, ...]) -> bool:
    """Whether the headings are those of a roster exported by Facilitator (the only files whose
    ``id`` column holds participant ids)."""
    named = [h.strip() for h in headers if h.strip()]
    return "id" in named and "name" in named and set(named) <= set(ROSTER_FIELDS)
