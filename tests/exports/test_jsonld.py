import json
import re

from pyld import jsonld

from generator.exports.jsonld import iso_duration, script_tag, structured_data
from generator.models.common import DayUnit, TimeLimit

S = "http://schema.org/"
# A minimal local stand-in for the schema.org context: expansion must never touch the network.
LOCAL_CONTEXT = {"@context": {"@vocab": S, "schema": S}}


def offline_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}
    raise AssertionError(f"network access attempted: {url}")


def expand(data: dict) -> dict:
    expanded = jsonld.expand(data, {"documentLoader": offline_loader})
    assert len(expanded) == 1
    return expanded[0]


def _value(node: dict, prop: str):
    return node[S + prop][0]


def test_service_item_expands_with_required_properties(fixture_catalogue):
    node = expand(structured_data(fixture_catalogue, fixture_catalogue.entries["relief-application"]))
    assert node["@type"] == [S + "GovernmentService"]
    provider = _value(node, "provider")
    assert provider["@type"] == [S + "GovernmentOrganization"]
    assert _value(provider, "name")["@value"] == "示例县民政局"
    assert _value(_value(node, "areaServed"), "name")["@value"] == "示例县"
    channel = _value(node, "availableChannel")
    assert _value(channel, "processingTime")["@value"] == "P30D"
    assert _value(channel, "serviceLocation")
    offers = node[S + "offers"]
    assert _value(offers[0], "priceCurrency")["@value"] == "CNY"
    assert "9 元" in _value(offers[0], "description")["@value"]


def test_licence_power_names_permit_and_legal_basis(fixture_catalogue):
    node = expand(structured_data(fixture_catalogue, fixture_catalogue.entries["social-org-registration"]))
    law = _value(node, "subjectOf")
    assert law["@type"] == [S + "Legislation"]
    assert _value(law, "name")["@value"] == "社会团体登记管理条例"
    permit = _value(node, "serviceOutput")
    assert permit["@type"] == [S + "GovernmentPermit"]
    assert _value(permit, "name")["@value"] == "社会团体法人登记证书"
    assert _value(_value(node, "offers"), "price")["@value"] == "0"


def test_no_jsonld_for_secret_or_fee(fixture_catalogue):
    assert structured_data(fixture_catalogue, fixture_catalogue.entries["classified-relief-check"]) is None
    assert structured_data(fixture_catalogue, fixture_catalogue.entries["marriage-cert-fee"]) is None


def test_script_tag_cannot_be_closed_by_record_text(fixture_catalogue):
    data = structured_data(fixture_catalogue, fixture_catalogue.entries["social-org-registration"])
    data["name"] = "</script><script>alert(1)</script> & <!--"
    tag = str(script_tag(data))
    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', tag).group(1)
    assert "<" not in body and ">" not in body and "\n" not in body
    assert json.loads(body)["name"] == data["name"]


def test_iso_duration():
    assert iso_duration(TimeLimit(days=0, unit=DayUnit.CALENDAR)) == "P0D"
    assert iso_duration(TimeLimit(days=20, unit=DayUnit.WORKING)) == "P20D"
    assert iso_duration(None) is None
