"""Who the seller is when config and front matter do not say: the From header of a saved email
and the signature name the sender's company, so "Shipfast is the #1 rated ..." is the seller
talking about itself."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pitchlint.analysis.seller import company_from_domain, identify_seller
from pitchlint.config import Config
from pitchlint.draft import parse_draft
from pitchlint.engine import Engine
from pitchlint.inputs.eml import read_eml

BODY = "Hi Sam,\n\nShipfast is the #1 rated label printer for Shopify stores. Worth a look?\n\n"


def seller_of(text: str):
    return identify_seller(parse_draft(text, "<draft>"))


@pytest.mark.parametrize(
    "signature",
    [
        "Best,\nDana Ruiz\nCEO, Shipfast\n",
        "Thanks,\nDana | Shipfast\n",
        "Cheers,\nDana Ruiz\nHead of Partnerships at Shipfast\n",
        "Best,\nDana Ruiz\nShipfast Inc.\n",
        "Best,\nDana Ruiz\ndana@shipfast.io\n",
        "Best,\nDana Ruiz\nwww.getshipfast.com\n",
        "Best,\nDana Ruiz\nShipfast\nSan Francisco\n",
    ],
)
def test_the_signature_names_the_company(signature):
    seller = seller_of(BODY + signature)
    assert seller.company is not None and seller.company.lower() == "shipfast"
    assert seller.source == "signature"
    assert "shipfast" in seller.names


@pytest.mark.parametrize(
    "signature",
    [
        "Cheers,\nDana\ndana.ruiz@gmail.com\n",  # a mailbox provider is not a company
        "Best,\nDana Ruiz\nSan Francisco, CA\n",  # a place, not a company
        "Best,\nDana Ruiz\nlinkedin.com/in/danaruiz\n",  # a profile page
        "Best,\nDana Ruiz\n415-555-0100\n",
    ],
)
def test_no_company_from_free_mail_places_profiles_or_phones(signature):
    assert seller_of(BODY + signature).company is None


def test_the_sender_is_the_name_under_the_sign_off():
    assert seller_of(BODY + "Best,\nDana Ruiz\nCEO, Shipfast\n").sender == "Dana Ruiz"
    assert seller_of(BODY + "Best, Dana\n").sender == "Dana"


def test_the_readers_names_are_never_the_sellers():
    text = "---\nrecipient: {name: Sam Lee, company: Shipfast}\n---\n" + BODY + "Best,\nDana | Shipfast\n"
    assert "shipfast" not in seller_of(text).names
    assert "sam" not in seller_of(BODY + "Best,\nSam\n").names  # the greeting's name is the reader's


def test_config_and_front_matter_come_first():
    front = "---\ncompany: Labelly\n---\n" + BODY + "Best,\nDana | Shipfast\n"
    assert seller_of(front).company == "Labelly"
    configured = identify_seller(parse_draft(BODY + "Best,\nDana | Shipfast\n"), ("Labelly",))
    assert "shipfast" not in configured.names and "labelly" in configured.names


@pytest.mark.parametrize(
    ("domain", "company"),
    [
        ("shipfast.io", "shipfast"),
        ("mail.shipfast.io", "shipfast"),
        ("shipfast.co.uk", "shipfast"),
        ("getshipfast.com", "shipfast"),
        ("shipfasthq.com", "shipfast"),
        ("gmail.com", None),
        ("outlook.com", None),
        ("calendly.com", None),
    ],
)
def test_company_from_domain(domain, company):
    assert company_from_domain(domain) == company


EML = (
    "From: Dana Ruiz <dana@shipfast.io>\nTo: Sam Lee <sam@acme.example>\nSubject: labels\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Hi Sam,\n\nShipfast is the #1 rated label printer for Shopify stores. Worth a look?\n\nDana\n"
)


def _eml_draft(tmp_path: Path, source: str):
    path = tmp_path / "pitch.eml"
    path.write_text(source, encoding="utf-8")
    (email,) = read_eml(str(path), path.read_bytes())
    return email.draft


def test_the_from_header_names_sender_and_company(tmp_path):
    draft = _eml_draft(tmp_path, EML)
    assert draft.meta.sender_address == "dana@shipfast.io"
    seller = identify_seller(draft)
    assert (seller.sender, seller.company, seller.source) == ("Dana Ruiz", "shipfast", "From header")


def test_a_free_mail_from_header_names_no_company(tmp_path):
    draft = _eml_draft(tmp_path, EML.replace("dana@shipfast.io", "dana.ruiz@gmail.com"))
    assert identify_seller(draft).company is None


def _agency_and_hype(draft) -> tuple[str, list[str]]:
    config = dataclasses.replace(Config(), select=("hype-superlatives",))
    ((report, analysis),) = Engine(config).inspect([draft])
    return analysis.clauses[0].agency, [f.matched for f in report.findings]


def test_hype_about_the_named_company_is_the_seller_talking(tmp_path):
    agency, hype = _agency_and_hype(_eml_draft(tmp_path, EML))
    assert agency == "seller" and hype == ["#1 rated"]
    agency, hype = _agency_and_hype(parse_draft(BODY + "Thanks,\nDana | Shipfast\n", "<draft>"))
    assert agency == "seller" and hype == ["#1 rated"]


def test_a_self_introduction_names_the_company_when_nothing_else_does():
    seller = seller_of(
        "Hi Sam,\n\nMy name is Dana Ruiz, from Shipfast. Shipfast prints labels in one click.\n"
    )
    assert (seller.company, seller.source) == ("Shipfast", "introduction")
    assert seller_of("Hi Sam,\n\nI'm Dana from accounting at your firm.\n").company is None
