"""Normalisation of what registration forms contain."""

from __future__ import annotations

import pytest

from facilitator.core.participants import ASEAN_MEMBERS
from facilitator.core.roster_countries import delegation_suggestions, member_code
from facilitator.core.roster_headers import SERIAL, column_kind, guess_field, is_facilitator_export
from facilitator.core.roster_rules import (
    clean_text,
    infer_sector,
    is_honorific,
    looks_like_zawgyi,
    normalise_delegation,
    normalise_role,
    normalise_sector,
    normalise_sex,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Female", "F"),
        ("f", "F"),
        ("WOMAN", "F"),
        ("Male", "M"),
        ("m.", "M"),
        ("", ""),
        ("Non-binary", "X"),
        ("prefer not to say", ""),
        ("Perempuan", "F"),
        ("WANITA", "F"),
        ("Laki-laki", "M"),
        ("Lelaki", "M"),
        ("Pria", "M"),
        ("Babae", "F"),
        ("Lalaki", "M"),
        ("Nữ", "F"),
        ("nu", "F"),
        ("Nam", "M"),
        ("หญิง", "F"),
        ("ชาย", "M"),
        ("ຍິງ", "F"),
        ("ຊາຍ", "M"),
        ("ស្រី", "F"),
        ("ប្រុស", "M"),
        ("မ", "F"),
        ("ကျား", "M"),
        ("Feto", "F"),
        ("Mane", "M"),
    ],
)
def test_sex_words_map_onto_codes(text: str, expected: str) -> None:
    """Sex words in English and the region's languages become F, M, X or empty, any case or accent."""
    assert normalise_sex(text) == expected


@pytest.mark.parametrize("text", ["35", "Labour", "yes", "Mr", "Ms", "Mrs", "Dr"])
def test_nonsense_and_titles_are_not_guessed(text: str) -> None:
    """A value from a shifted column, or a title such as Mr or Ms, is reported, never guessed."""
    assert normalise_sex(text) is None


def test_titles_are_recognised_as_titles() -> None:
    """Titles are told apart from nonsense so that the message can say what they are."""
    assert is_honorific("Mrs.") and is_honorific("Daw") and not is_honorific("Female")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("Lao People's Democratic Republic", "LA"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Việt Nam", "VN"),
        ("Brunei Darussalam", "BN"),
        ("Brunei", "BN"),
        ("Burma", "MM"),
        ("th", "TH"),
        ("  The Philippines ", "PH"),
        ("Phils.", "PH"),
        ("RP", "PH"),
        ("KHM", "KH"),
        ("Timor-Leste", "TL"),
        ("Timor Leste", "TL"),
        ("East Timor", "TL"),
        ("Democratic Republic of Timor-Leste", "TL"),
        ("Thailand delegation", "TH"),
    ],
)
def test_delegation_variants_become_asean_codes(text: str, code: str) -> None:
    """Country names, ISO names and codes, and common variants all reach the ASEAN code."""
    assert normalise_delegation(text) == code


def test_timor_leste_is_the_eleventh_member() -> None:
    """The member list comes from resources/ and includes Timor-Leste, in ASEAN's order."""
    assert len(ASEAN_MEMBERS) == 11
    assert list(ASEAN_MEMBERS)[-2:] == ["TL", "VN"]
    assert ASEAN_MEMBERS["TL"] == "Timor-Leste"


def test_organisation_delegation_is_kept_as_written() -> None:
    """A delegation that is not a country stays as the organiser wrote it."""
    assert normalise_delegation("ASEAN  Secretariat") == "ASEAN Secretariat"
    assert member_code("Philipines") is None


def test_unmatched_delegation_gets_the_closest_suggestions() -> None:
    """A misspelt country is suggested its member, and a known organisation its roster spelling."""
    assert delegation_suggestions("Philipines")[0] == "Philippines (PH)"
    assert delegation_suggestions("Camboda")[0] == "Cambodia (KH)"
    assert "ASEAN Secretariat" in delegation_suggestions("ASEAN Secretariate", ["ASEAN Secretariat"])


@pytest.mark.parametrize(
    ("organisation", "sector"),
    [
        ("Royal Thai Police", "law-enforcement"),
        ("Department of Special Investigation (DSI)", "law-enforcement"),
        ("National Bureau of Investigation (NBI)", "law-enforcement"),
        ("Ministry of Manpower", "labour"),
        ("Department of Labour", "labour"),
        ("International Labour Organization", "partner"),
        ("ILO TRIANGLE in ASEAN programme", "partner"),
        ("ASEAN-Australia Counter Trafficking (ASEAN-ACT)", "partner"),
        ("IOM Lao PDR", "partner"),
        ("UNODC Regional Office", "partner"),
        ("UN Women", "partner"),
        ("The Asia Foundation", "partner"),
        ("DFAT", "partner"),
        ("Global Affairs Canada", "partner"),
        ("ASEAN Secretariat", "asean"),
        ("Tourism board", ""),
    ],
)
def test_sector_inferred_from_agency_words(organisation: str, sector: str) -> None:
    """Agency words give the sector; partners are partners even when their name says ASEAN or Labour."""
    assert infer_sector(organisation) == sector


def test_sector_and_role_words() -> None:
    """Sector and role words map onto the roster vocabularies; unknown words are refused."""
    assert normalise_sector("Law enforcement") == "law-enforcement"
    assert normalise_sector("Police") == "law-enforcement"
    assert normalise_sector("cooking") is None
    assert normalise_role("") == "participant"
    assert normalise_role("Resource person") == "resource"
    assert normalise_role("chef") is None


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Full name", "name"),
        ("Full name (as in passport)", "name"),
        ("Name of participant", "name"),
        ("Gender", "sex"),
        ("Sex (M/F)", "sex"),
        ("Country", "delegation"),
        ("Country / Organisation", "delegation"),
        ("Agency", "organisation"),
        ("Organization", "organisation"),
        ("Ministry / Agency", "organisation"),
        ("Name of Ministry", "organisation"),
        ("Designation", "position"),
        ("E-mail address", "email"),
        ("Email Address", "email"),
        ("Job title", "position"),
        ("Name in Lao", "native_name"),
        ("First name", "given_name"),
        ("Surname", "family_name"),
        ("Favourite colour", None),
        ("Contact number", None),
        ("Title", None),
    ],
)
def test_header_variants(header: str, field: str | None) -> None:
    """Headings are matched on their meaningful words, not the whole string."""
    assert guess_field(header) == field


@pytest.mark.parametrize("header", ["No.", "S/N", "#", "Sr.", "Serial number", "ID", "Participant ID"])
def test_serial_columns_are_never_ids(header: str) -> None:
    """A serial-number column is recognised as such and is not the participant id."""
    assert column_kind(header) in (SERIAL, "id")
    assert not is_facilitator_export(("No.", header, "Name", "Sex"))


def test_facilitator_export_is_recognised_by_its_headings() -> None:
    """Only Facilitator's own export headings make an 'id' column hold participant ids."""
    assert is_facilitator_export(("id", "name", "native_name", "sex", "delegation", "email"))
    assert not is_facilitator_export(("ID", "Name", "Email"))


def test_clean_text_drops_control_characters() -> None:
    """Control characters are removed and line breaks become single spaces."""
    assert clean_text("Ana\x00 \x1bReyes\r\nDirector\t") == "Ana Reyes Director"


def test_zawgyi_is_detected_and_unicode_is_not() -> None:
    """A Myanmar name typed in Zawgyi is flagged; the same name in Unicode and other scripts are not."""
    assert looks_like_zawgyi("ေဒၚသႏၲာေအး")
    assert not looks_like_zawgyi("ဒေါ်သန္တာ အေး")
    assert not looks_like_zawgyi("Thandar Aye") and not looks_like_zawgyi("มา")
