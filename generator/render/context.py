"""Labels and small view helpers the page templates share."""

from __future__ import annotations

import posixpath

from generator.catalogue import Entry
from generator.models import Category, Power
from generator.models.charging import ChargeStatus, charge_status
from generator.models.material import Material

UNKNOWN = "未公布"  # what a page says where the record is silent: never a default dressed as a fact

CATEGORY_SLUGS: dict[Category, str] = {
    Category.LICENSING: "licensing",
    Category.PENALTY: "penalty",
    Category.COERCION: "coercion",
    Category.LEVY: "levy",
    Category.ADJUDICATION: "adjudication",
    Category.CONFIRMATION: "confirmation",
    Category.BENEFIT: "benefit",
    Category.INSPECTION: "inspection",
    Category.NON_LICENSING_APPROVAL: "non-licensing-approval",
    Category.REWARD: "reward",
    Category.OTHER_ENFORCEMENT: "other-enforcement",
    Category.FEE: "fee-charging",
    Category.MAJOR_DECISION: "major-decision",
    Category.INTERNAL: "internal",
    Category.OTHER: "other",
}


# A listing longer than this (a province's 行政处罚 category: 28,000 items, a 7.6 MB page) is shown by department:
# each department's count, linking to its page, which lists its items. At 10,000 records a long category was
# 760 KB of HTML, too heavy for a phone to lay out; a county's lists (a few hundred) stay item by item.
LISTED_ONE_BY_ONE = 600


def by_department(entries: list[Entry]) -> list[tuple[str, str, int]]:
    """(department name, department page, number of `entries` of it), in department id order."""
    counts: dict[str, list] = {}
    for entry in entries:
        dept = entry.department
        counts.setdefault(dept.id, [dept.name, f"departments/{dept.id}.md", 0])[2] += 1
    return [tuple(counts[d]) for d in sorted(counts)]  # type: ignore[misc]


def category_page(category: Category) -> str:
    return f"categories/{CATEGORY_SLUGS[category]}.md"


def relative(from_page: str, to_page: str) -> str:
    """A relative link between two pages' source paths, as MkDocs validates them."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def limit_text(limit: object, missing: str = "—") -> str:
    return limit.text() if limit is not None else missing


def charge_text(entry: Entry) -> str:
    """The charging badge; empty for a power exercised ex officio, which has no fee to speak of."""
    status = charge_status(entry.record)
    return "" if status is ChargeStatus.NOT_APPLICABLE else status.value


def material_terms(material: Material) -> str:
    """Form, carrier, copies and necessity, only as far as the record states them."""
    parts = ["免提交" if material.shared_from else "",
             material.form.value if material.form else "",
             material.medium.value if material.medium else "",
             f"{material.copies} 份" if material.copies is not None else "",
             ("必需" if material.required else "视情况") if material.required is not None else ""]
    return "，".join(p for p in parts if p) or UNKNOWN


def inherited(entry: Entry, step: object, attr: str, item: object = None) -> bool:
    """True when a step's `attr` text (or, given `item`, that member of the `attr` list) is its procedure
    template's, word for word: the same on every record that uses the template, so the page shows it but
    leaves it out of the search index."""
    template = entry.template
    if template is None or not getattr(step, "from_template", False):
        return False
    own = next((ts for ts in template.steps if ts.id == step.key), None)
    if own is None:
        return False
    if item is not None:
        return item in (getattr(own, attr, None) or ())
    return getattr(own, attr, None) == getattr(step, attr)


def kind_of(entry: Entry) -> str:
    return {"powers": "行政职权", "fees": "收费依据", "services": "服务事项"}[entry.kind]


def category_of(entry: Entry) -> str:
    record = entry.record
    return record.category.value if isinstance(record, Power) else kind_of(entry)
