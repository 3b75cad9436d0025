"""Rules that turn what people type into registration forms into clean roster values.

Form tools, delegations and secretariats write the same thing in many ways ("Female", "f", "Woman";
"Lao PDR", "Laos", "LA"). These rules map the common variants onto the roster's vocabularies and say
plainly when a value cannot be understood, so that the importer can report it with its row and
column instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata

from facilitator.core.participants import ROLES, SECTORS

__all__ = [
    "HEADER_VARIANTS",
    "guess_field",
    "infer_sector",
    "normalise_delegation",
    "normalise_role",
    "normalise_sector",
    "normalise_sex",
    "validate_email",
]

_SEX_WORDS: dict[str, str] = {
    "f": "F",
    "female": "F",
    "woman": "F",
    "women": "F",
    "w": "F",
    "girl": "F",
    "ms": "F",
    "mrs": "F",
    "miss": "F",
    "m": "M",
    "male": "M",
    "man": "M",
    "men": "M",
    "boy": "M",
    "mr": "M",
    "x": "X",
    "other": "X",
    "non binary": "X",
    "nonbinary": "X",
    "diverse": "X",
    "": "",
    "n a": "",
    "na": "",
    "not given": "",
    "prefer not to say": "",
    "not stated": "",
    "unknown": "",
}

_DELEGATION_VARIANTS: dict[str, str] = {
    "brunei": "BN",
    "brunei darussalam": "BN",
    "bn": "BN",
    "brn": "BN",
    "cambodia": "KH",
    "kingdom of cambodia": "KH",
    "kh": "KH",
    "khm": "KH",
    "indonesia": "ID",
    "republic of indonesia": "ID",
    "id": "ID",
    "idn": "ID",
    "lao pdr": "LA",
    "laos": "LA",
    "lao": "LA",
    "la": "LA",
    "lao p d r": "LA",
    "lao people's democratic republic": "LA",
    "lao peoples democratic republic": "LA",
    "malaysia": "MY",
    "my": "MY",
    "mys": "MY",
    "myanmar": "MM",
    "burma": "MM",
    "republic of the union of myanmar": "MM",
    "mm": "MM",
    "mmr": "MM",
    "philippines": "PH",
    "the philippines": "PH",
    "republic of the philippines": "PH",
    "ph": "PH",
    "phl": "PH",
    "singapore": "SG",
    "republic of singapore": "SG",
    "sg": "SG",
    "sgp": "SG",
    "thailand": "TH",
    "kingdom of thailand": "TH",
    "th": "TH",
    "tha": "TH",
    "viet nam": "VN",
    "vietnam": "VN",
    "socialist republic of viet nam": "VN",
    "vn": "VN",
    "vnm": "VN",
}

_SECTOR_VARIANTS: dict[str, str] = {
    "labour": "labour",
    "labor": "labour",
    "labour inspection": "labour",
    "labour inspectorate": "labour",
    "labour official": "labour",
    "labour officials": "labour",
    "law-enforcement": "law-enforcement",
    "law enforcement": "law-enforcement",
    "police": "law-enforcement",
    "criminal justice": "law-enforcement",
    "asean": "asean",
    "asean bodies": "asean",
    "asean body": "asean",
    "partner": "partner",
    "partners": "partner",
    "development partner": "partner",
    "organiser": "organiser",
    "organizer": "organiser",
    "organisers": "organiser",
    "organizers": "organiser",
    "organising committee": "organiser",
    "secretariat": "organiser",
}

#: Words in an agency's name that tell its sector, checked in this order.
_SECTOR_CLUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "law-enforcement",
        (
            "police",
            "dsi",
            "nbi",
            "investigation",
            "investigator",
            "anti-trafficking",
            "anti trafficking",
            "criminal",
            "prosecut",
            "immigration",
            "public security",
            "gendarmerie",
            "bareskrim",
            "atip",
            "law enforcement",
        ),
    ),
    (
        "labour",
        (
            "labour",
            "labor",
            "manpower",
            "employment",
            "inspectorate",
            "inspection",
            "workforce",
            "molsw",
            "molisa",
            "dole",
            "mom",
        ),
    ),
    (
        "asean",
        (
            "asean secretariat",
            "aslom",
            "acmw",
            "somswd",
            "acwc",
            "somtc",
            "aichr",
            "asean",
        ),
    ),
    (
        "partner",
        (
            "ilo",
            "international labour organization",
            "asia foundation",
            "iom",
            "dfat",
            "global affairs canada",
            "gac",
            "asean-act",
            "aact",
            "aaptip",
            "unodc",
            "unicef",
            "embassy",
            "australian",
            "canada",
        ),
    ),
)

#: Header variants (lower case, punctuation folded) for each roster field.
HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "id": ("id", "participant id", "no", "number", "registration id", "reg id", "ref"),
    "name": (
        "name",
        "full name",
        "fullname",
        "participant",
        "participant name",
        "name of participant",
        "names",
        "name in english",
        "english name",
        "name english",
    ),
    "native_name": (
        "native name",
        "name in native script",
        "local name",
        "name local",
        "name native",
        "name in local language",
        "native script",
        "name in own script",
    ),
    "sex": ("sex", "gender", "sex m f", "male female", "m f", "sex gender"),
    "delegation": ("delegation", "country", "member state", "ams", "nationality", "country code"),
    "organisation": (
        "organisation",
        "organization",
        "agency",
        "ministry",
        "department",
        "institution",
        "office",
        "affiliation",
        "agency organisation",
        "agency organization",
    ),
    "position": ("position", "title", "job title", "designation", "post", "rank", "function"),
    "sector": ("sector", "category", "group", "type"),
    "role": ("role", "workshop role", "participation", "capacity"),
    "email": ("email", "e mail", "email address", "e mail address", "mail"),
}


def _fold(text: str) -> str:
    """Lower-case, strip accents' compatibility forms and collapse punctuation to single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"[\s_./:()\[\]*#-]+", " ", text)
    return text.strip()


_HEADER_LOOKUP: dict[str, str] = {
    _fold(variant): field for field, variants in HEADER_VARIANTS.items() for variant in variants
}


def guess_field(header: str) -> str | None:
    """The roster field a column header most likely means, or ``None`` when unsure."""
    return _HEADER_LOOKUP.get(_fold(header))


def normalise_sex(value: str) -> str | None:
    """Map a sex or gender word onto ``F``, ``M``, ``X`` or ``""``; ``None`` if not understood."""
    return _SEX_WORDS.get(_fold(value).rstrip(" ."))


def normalise_delegation(value: str) -> str:
    """Map a country name or code onto its ASEAN code; keep any other delegation as written."""
    cleaned = " ".join(value.split())
    return _DELEGATION_VARIANTS.get(_fold(cleaned), cleaned)


def normalise_sector(value: str) -> str | None:
    """Map a sector word onto a roster sector; ``""`` for blank, ``None`` if not understood."""
    folded = _fold(value)
    if not folded:
        return ""
    if folded in SECTORS:
        return folded
    return _SECTOR_VARIANTS.get(folded, _SECTOR_VARIANTS.get(folded.replace(" ", "-")))


def normalise_role(value: str) -> str | None:
    """Map a role word onto a roster role; blank means participant, ``None`` if not understood."""
    folded = _fold(value)
    if not folded:
        return "participant"
    aliases = {
        "resource person": "resource",
        "speaker": "resource",
        "observer": "participant",
        "delegate": "participant",
        "organizer": "organiser",
        "support staff": "staff",
    }
    folded = aliases.get(folded, folded)
    return folded if folded in ROLES else None


def infer_sector(organisation: str, position: str = "", delegation: str = "") -> str:
    """Guess a sector from agency and position words; ``""`` when nothing gives it away.

    Used only when the file has no sector column; the importer reports every inferred value so
    an organiser can review it.
    """
    text = f" {_fold(organisation)} {_fold(position)} {_fold(delegation)} "
    for sector, clues in _SECTOR_CLUES:
        for clue in clues:
            if f" {clue} " in text or (len(clue) > 4 and clue in text):
                return sector
    return ""


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def validate_email(value: str) -> bool:
    """Whether an e-mail address looks deliverable (blank is allowed)."""
    return not value or bool(_EMAIL.match(value))
