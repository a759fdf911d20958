"""schema.org JSON-LD for record pages.

Powers and service items are `GovernmentService`s; a licence (行政许可) also names its `serviceOutput`, a
`GovernmentPermit`. Terms used, all valid on their types: provider (GovernmentOrganization), areaServed
(AdministrativeArea), audience, availableChannel (a ServiceChannel with processingTime, servicePhone,
serviceLocation, serviceUrl; one per 办理方式 when the record lists them), offers (Offer, price in CNY; only as far as
the record states its charging, 特定情形收费 with its situation), and subjectOf (the Legislation the item rests on
and a FAQPage of its 常见问题; subjectOf accepts any CreativeWork about the thing).
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

from generator.catalogue import Catalogue, Entry
from generator.models import Category, Department, FeeBasis, Power, ServiceItem
from generator.models.charging import ChargeStatus, charge_status
from generator.models.common import TimeLimit

CONTEXT = "https://schema.org"
_AREA = re.compile(r"^(.+?(?:自治州|自治县|地区|盟|省|市|县|区|旗))")


def area_of(department: Department) -> str:
    """The area a department serves, taken from its name (清河县市场监督管理局 → 清河县).

    The Department model has no area field yet; the name of a Chinese local department begins with its area.
    """
    match = _AREA.match(department.name)
    return match.group(1) if match else department.name


def iso_duration(limit: TimeLimit | None) -> str | None:
    """ISO 8601 days (P10D). Working days have no ISO form, so the unit is also stated in the channel's description;
    a limit that is not a number of days (办理次月发放) has no duration at all, only its description."""
    return f"P{limit.days}D" if limit is not None and limit.counted else None


def _organisation(department: Department) -> dict:
    org: dict = {"@type": "GovernmentOrganization", "name": department.name}
    if department.contact and department.contact.phone:
        org["telephone"] = department.contact.phone
    if department.contact and department.contact.address:
        org["address"] = department.contact.address
    return org


def _channel(entry: Entry, method: str | None = None) -> dict:
    """One ServiceChannel: the item's only one (name 办理渠道), or that of one 办理方式 the record lists."""
    record = entry.record
    limit = getattr(record, "promised_limit", None) or getattr(record, "statutory_limit", None)
    channel: dict = {"@type": "ServiceChannel", "name": method or "办理渠道"}
    if limit is not None:
        if limit.counted:
            channel["processingTime"] = iso_duration(limit)
        channel["description"] = f"办理时限：{limit.text()}"
    if entry.contact and entry.contact.phone:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": entry.contact.phone}
    location = getattr(record, "location", None) or (entry.contact.address if entry.contact else None)
    if location and method in (None, "窗口办理", "自助办理"):
        channel["serviceLocation"] = {"@type": "Place", "address": location}
    url = getattr(record, "online_url", None) or (entry.contact.website if entry.contact else None)
    if url and method in (None, "网上办理"):
        channel["serviceUrl"] = url
    return channel


def _channels(entry: Entry) -> dict | list[dict]:
    methods = [m.value for m in getattr(entry.record, "handling_methods", ())]
    return [_channel(entry, m) for m in methods] if methods else _channel(entry)


def _offers(catalogue: Catalogue, entry: Entry) -> list[dict]:
    """Offers only as far as the record states its charging: nothing for 未公布 or an ex-officio power."""
    status = charge_status(entry.record)
    if status in (ChargeStatus.FREE, ChargeStatus.FREE_EXCEPT):
        offers = [{"@type": "Offer", "price": "0", "priceCurrency": "CNY", "description": status.value}]
    else:
        offers = _fee_offers(catalogue, entry, entry.record.fee_bases) if status is ChargeStatus.CHARGED else []  # type: ignore[union-attr]
    for condition in getattr(entry.record, "fee_conditions", ()):
        offers += _fee_offers(catalogue, entry, condition.fee_bases, condition.situation)
    return offers


def _fee_offers(catalogue: Catalogue, entry: Entry, ids: list[str], situation: str | None = None) -> list[dict]:
    offers = []
    for fee in catalogue.fees_of(entry, ids):
        assert isinstance(fee.record, FeeBasis)
        for s in fee.record.standards:
            text = s.amount_text() + (f"/{s.unit}" if s.unit and s.amount else "") + (f"（{s.tiers_text()}）" if s.tiers else "")
            offers.append({"@type": "Offer", "name": f"{fee.name}：{s.item}", "description": f"{situation}：{text}" if situation else text,
                           "priceCurrency": "CNY"})
    return offers


def _faq(record: Power | ServiceItem) -> list[dict]:
    if not record.faq:
        return []
    questions = [{"@type": "Question", "name": q.question, "acceptedAnswer": {"@type": "Answer", "text": q.answer}} for q in record.faq]
    return [{"@type": "FAQPage", "mainEntity": questions}]


def _legislation(record: Power | ServiceItem) -> list[dict]:
    return [
        {"@type": "Legislation", "name": b.title, "legislationType": b.level.value, "legislationIdentifier": b.document_number or f"{b.title} {b.article}", "text": f"{b.article}：{b.text}"}
        for b in record.legal_basis
    ]


def structured_data(catalogue: Catalogue, entry: Entry) -> dict | None:
    """The JSON-LD object for a power or service item page; None for kinds without one (fee bases)."""
    record = entry.record
    if not isinstance(record, (Power, ServiceItem)) or entry.is_secret:
        return None
    area = {"@type": "AdministrativeArea", "name": area_of(entry.department)}
    data: dict = {
        "@context": CONTEXT,
        "@type": "GovernmentService",
        "name": record.name,
        "identifier": record.id,
        "serviceType": record.category.value if isinstance(record, Power) else "服务事项",
        "provider": _organisation(entry.department),
        "areaServed": area,
        "availableChannel": _channels(entry),
        "dateModified": record.changed_on.isoformat(),
    }
    offers = _offers(catalogue, entry)
    if offers:
        data["offers"] = offers
    if isinstance(record, ServiceItem) and record.description:
        data["description"] = record.description
    if record.service_object:
        data["audience"] = {"@type": "Audience", "audienceType": record.service_object}
    subjects = _legislation(record) + _faq(record)
    if subjects:
        data["subjectOf"] = subjects
    if isinstance(record, Power):
        if record.category is Category.LICENSING and record.result:
            data["serviceOutput"] = {"@type": "GovernmentPermit", "name": record.result, "issuedBy": _organisation(entry.department), "validIn": area}
    return data


def script_tag(data: dict) -> Markup:
    """One line of HTML; `<`, `>` and `&` are JSON-escaped so record text can never close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def jsonld_provider(catalogue: Catalogue):  # noqa: ANN201 — an ExtrasProvider
    def provide(entry: Entry) -> dict:
        data = structured_data(catalogue, entry)
        return {"jsonld": script_tag(data) if data else Markup("")}

    return provide
