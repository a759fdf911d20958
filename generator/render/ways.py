"""The home page's ways in: 个人办事 / 法人办事 pages grouped by theme, and one page per life event."""

from __future__ import annotations

from collections import defaultdict

from generator.catalogue import Catalogue, Entry
from generator.models.ways import Audience, LifeEvent

__all__ = ["AUDIENCE_PAGES", "Audience", "LifeEvent", "by_audience", "by_event", "event_page"]

AUDIENCE_PAGES: dict[Audience, tuple[str, str]] = {
    Audience.PERSON: ("personal.md", "个人办事"),
    Audience.ORGANISATION: ("business.md", "法人办事"),
}
EVENT_SLUGS: dict[LifeEvent, str] = {
    LifeEvent.BIRTH: "birth", LifeEvent.SCHOOL: "school", LifeEvent.WORK: "work", LifeEvent.MARRIAGE: "marriage",
    LifeEvent.SHOP: "shop", LifeEvent.HOME: "home", LifeEvent.OLD_AGE: "old-age", LifeEvent.DEATH: "after-death",
}
OTHER_THEME = "其他"


def event_page(event: LifeEvent) -> str:
    return f"events/{EVENT_SLUGS[event]}.md"


def _order(entry: Entry) -> tuple[int, str]:
    """Service items (what people apply for) before powers, then by id: the same order on every build."""
    return (0 if entry.kind == "services" else 1, entry.id)


def _tagged(catalogue: Catalogue) -> list[Entry]:
    return sorted((e for e in catalogue.public() if e.kind in ("powers", "services")), key=_order)


def by_audience(catalogue: Catalogue) -> dict[Audience, dict[str, list[Entry]]]:
    """Audience → theme → entries; the largest themes first (ties in order of first appearance), 其他 last."""
    grouped: dict[Audience, dict[str, list[Entry]]] = {a: defaultdict(list) for a in Audience}
    for entry in _tagged(catalogue):
        for audience in getattr(entry.record, "audiences", []):
            for theme in entry.record.themes or [OTHER_THEME]:
                grouped[audience][theme].append(entry)
    return {a: dict(sorted(themes.items(), key=lambda kv: (kv[0] == OTHER_THEME, -len(kv[1])))) for a, themes in grouped.items()}


def by_event(catalogue: Catalogue) -> dict[LifeEvent, list[Entry]]:
    grouped: dict[LifeEvent, list[Entry]] = {e: [] for e in LifeEvent}
    for entry in _tagged(catalogue):
        for event in getattr(entry.record, "life_events", []):
            grouped[event].append(entry)
    return grouped
