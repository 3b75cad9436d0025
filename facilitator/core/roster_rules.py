"""Rules that turn what people type into registration forms into clean roster values.

Form tools, delegations and secretariats write the same thing in many ways ("Female", "Perempuan",
"Nữ", "หญิง"; "Lao PDR", "Laos", "LA"). These rules map the variants onto the roster's vocabularies
and say plainly when a value cannot be understood, so that the importer can report it with its row
and column instead of guessing. Titles such as "Mr" or "Ms" are never read as a sex, and a
delegation that matches nothing is kept as written and shown for review, never quietly merged.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any

from facilitator.core.participants import ROLES, SECTORS
from facilitator.core.roster_countries import member_code
from facilitator.core.roster_headers import fold
from facilitator.core.user_text import clean_line

__all__ = [
    "clean_text",
    "infer_sector",
    "is_honorific",
    "looks_like_zawgyi",
    "normalise_delegation",
    "normalise_role",
    "normalise_sector",
    "normalise_sex",
    "validate_email",
]

_SEX_WORDS: dict[str, tuple[str, ...]] = {
    "F": (
        "f", "female", "woman", "women", "w", "girl", "feminine",
        "perempuan", "wanita", "p", "babae", "nu", "nu gioi", "feto", "puan",
        "หญิง", "ผู้หญิง", "เพศหญิง", "ຍິງ", "ຜູ້ຍິງ", "ເພດຍິງ", "ស្រី", "មនុស្សស្រី", "မ", "အမျိုးသမီး",
    ),
    "M": (
        "m", "male", "man", "men", "boy", "masculine",
        "laki laki", "lakilaki", "laki", "lelaki", "pria", "l", "lalaki", "nam", "nam gioi", "mane",
        "ชาย", "ผู้ชาย", "เพศชาย", "ຊາຍ", "ຜູ້ຊາຍ", "ເພດຊາຍ", "ប្រុស", "មនុស្សប្រុស", "ကျား", "အမျိုးသား",
    ),
    "X": ("x", "other", "non binary", "nonbinary", "diverse", "lainnya"),
    "": ("", "n a", "na", "not given", "prefer not to say", "not stated", "unknown", "-"),
}  # fmt: skip
_SEX_LOOKUP: dict[str, str] = {fold(word): code for code, words in _SEX_WORDS.items() for word in words}
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "madame", "bapak", "pak", "ibu", "bu",
     "encik", "puan sri", "tan sri", "dato", "datin", "datuk", "u", "daw", "ko", "ma", "khun", "nai", "nang",
     "ong", "ba", "anh", "chi"}
)  # fmt: skip

_SECTOR_VARIANTS: dict[str, str] = {
    "labor": "labour",
    "labour inspection": "labour",
    "labour inspectorate": "labour",
    "labour official": "labour",
    "labour officials": "labour",
    "law enforcement": "law-enforcement",
    "police": "law-enforcement",
    "criminal justice": "law-enforcement",
    "asean bodies": "asean",
    "asean body": "asean",
    "partners": "partner",
    "development partner": "partner",
    "development partners": "partner",
    "international organisation": "partner",
    "international organization": "partner",
    "donor": "partner",
    "organizer": "organiser",
    "organisers": "organiser",
    "organizers": "organiser",
    "organising committee": "organiser",
    "organizing committee": "organiser",
    "secretariat": "organiser",
}

#: Words in an agency's name that tell its sector, checked in this order. Partners come first:
#: the ILO's "TRIANGLE in ASEAN", "ASEAN-ACT" or an embassy are partners whatever else their
#: names contain ("Labour", "ASEAN").
_SECTOR_CLUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "partner",
        (
            "ilo", "international labour organization", "international labor organization",
            "triangle in asean", "triangle", "iom", "international organization for migration",
            "unodc", "un women", "unwomen", "unicef", "undp", "unhcr", "ohchr", "unfpa", "united nations",
            "asia foundation", "taf", "dfat", "australian aid", "global affairs canada", "gac",
            "asean act", "aact", "aaptip", "usaid", "giz", "european union", "eu delegation", "jica",
            "world bank", "embassy", "high commission", "winrock", "world vision", "save the children",
        ),
    ),
    (
        "law-enforcement",
        (
            "police", "dsi", "nbi", "investigation", "investigator", "anti trafficking", "criminal",
            "prosecut", "immigration", "public security", "gendarmerie", "bareskrim", "atip",
            "law enforcement", "attorney general", "pnp", "rmp", "cid", "policia", "polri",
        ),
    ),
    (
        "labour",
        (
            "labour", "labor", "manpower", "employment", "inspectorate", "inspection", "workforce",
            "molsw", "molisa", "dole", "mom", "mol", "kemnaker", "tenaga kerja", "ketenagakerjaan",
            "trabalho", "human resources",
        ),
    ),
    (
        "asean",
        ("asean secretariat", "asec", "aslom", "acmw", "somswd", "acwc", "somtc", "aichr", "asean"),
    ),
)  # fmt: skip

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MYANMAR = re.compile(r"[\u1000-\u109f]")


def clean_text(value: str) -> str:
    """A cell as stored: control characters removed, runs of spaces and line breaks made one space.

    Control characters cannot be typed, print as nothing and break XML-based exports, so they are
    kept out of the roster rather than removed by every document.
    """
    return clean_line(value)


def normalise_sex(value: str) -> str | None:
    """Map a sex word, in English or a language of the region, onto ``F``, ``M``, ``X`` or ``""``;
    ``None`` if not understood (titles such as "Mr" included: they are not guessed into a sex)."""
    return _SEX_LOOKUP.get(fold(value))


def is_honorific(value: str) -> bool:
    """Whether a value is a title ("Mr", "Ms", "Dr", "Bapak", "Daw"), which says nothing sure
    about sex."""
    return fold(value) in _HONORIFICS


def normalise_delegation(value: str) -> str:
    """Map a country name, code or variant onto its ASEAN code; keep any other delegation as written."""
    cleaned = clean_text(value)
    return member_code(cleaned) or cleaned


def normalise_sector(value: str) -> str | None:
    """Map a sector word onto a roster sector; ``""`` for blank, ``None`` if not understood."""
    folded = fold(value)
    if not folded:
        return ""
    if folded in SECTORS:
        return folded
    if folded.replace(" ", "-") in SECTORS:
        return folded.replace(" ", "-")
    return _SECTOR_VARIANTS.get(folded)


def normalise_role(value: str) -> str | None:
    """Map a role word onto a roster role; blank means participant, ``None`` if not understood."""
    folded = fold(value)
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
    # The agency says more than the position ("Senior Officer, Labour" at the ASEAN Secretariat).
    for part in (organisation, position, delegation):
        text = f" {fold(part)} "
        for sector, clues in _SECTOR_CLUES:
            for clue in clues:
                if f" {clue} " in text or (len(clue) > 4 and clue in text):
                    return sector
    return ""


def validate_email(value: str) -> bool:
    """Whether an e-mail address looks deliverable (blank is allowed)."""
    return not value or bool(_EMAIL.match(value))


def looks_like_zawgyi(text: str) -> bool:
    """Whether Myanmar text was typed in the Zawgyi font encoding rather than in Unicode.

    Zawgyi text shows as garbled marks in any Unicode font (the shipped Noto Sans Myanmar
    included), so such names are listed for review. Google's detector (myanmartools) decides;
    short or non-Myanmar text is never flagged.
    """
    if len(_MYANMAR.findall(text)) < 2:
        return False
    return bool(_zawgyi_detector().get_zawgyi_probability(text) > 0.95)


@cache
def _zawgyi_detector() -> Any:
    from myanmartools import ZawgyiDetector  # Loads its model only when Myanmar text is seen.

    with warnings.catch_warnings():
        # myanmartools 1.2 reads its model with importlib.resources.open_binary, deprecated since
        # Python 3.11 but still working; the warning is about the package, not about us.
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()
