"""Normalisation of what registration forms contain."""

from __future__ import annotations

import pytest

from facilitator.core.roster_rules import (
    guess_field,
    infer_sector,
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
        ("Mr", "M"),
        ("", ""),
        ("Non-binary", "X"),
        ("prefer not to say", ""),
    ],
)
def test_sex_words_map_onto_codes(text: str, expected: str) -> None:
    """Common English sex and gender words become F, M, X or empty."""
    assert normalise_sex(text) == expected


@pytest.mark.parametrize("text", ["35", "Labour", "yes"])
def test_nonsense_sex_is_not_guessed(text: str) -> None:
    """A value from a shifted column is reported, never guessed."""
    assert normalise_sex(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Brunei Darussalam", "BN"),
        ("Burma", "MM"),
        ("th", "TH"),
        ("  The Philippines ", "PH"),
        ("KHM", "KH"),
    ],
)
def test_delegation_variants_become_asean_codes(text: str, code: str) -> None:
    """Country names, ISO codes and common variants all reach the ASEAN code."""
    assert normalise_delegation(text) == code


def test_organisation_delegation_is_kept_as_written() -> None:
    """A delegation that is not a country stays as the organiser wrote it."""
    assert normalise_delegation("ASEAN  Secretariat") == "ASEAN Secretariat"


@pytest.mark.parametrize(
    ("organisation", "sector"),
    [
        ("Royal Thai Police", "law-enforcement"),
        ("Department of Special Investigation (DSI)", "law-enforcement"),
        ("National Bureau of Investigation (NBI)", "law-enforcement"),
        ("Ministry of Manpower", "labour"),
        ("Department of Labour", "labour"),
        ("International Labour Organization", "labour"),
        ("ASEAN Secretariat", "asean"),
        ("Global Affairs Canada", "partner"),
        ("Tourism board", ""),
    ],
)
def test_sector_inferred_from_agency_words(organisation: str, sector: str) -> None:
    """Agency words give the sector when the file has no sector column."""
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
        ("Gender", "sex"),
        ("Country", "delegation"),
        ("Agency", "organisation"),
        ("Organization", "organisation"),
        ("E-mail address", "email"),
        ("Job title", "position"),
        ("Favourite colour", None),
    ],
)
def test_header_variants(header: str, field: str | None) -> None:
    """English header variants map onto roster fields."""
    assert guess_field(header) == field
