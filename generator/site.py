"""Engine-neutral output of the compiler: pages (Markdown) and static files, keyed by site path."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    path: str  # e.g. "powers/food-business-licence.md"
    title: str
    content: str
    edit_url: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # engine hints, e.g. (("search", "exclude"),)


@dataclass
class SiteBundle:
    pages: dict[str, Page] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # static files: charts, exports, scripts

    def add(self, page: Page) -> None:
        self.pages[page.path] = page

    def add_file(self, path: str, content: bytes) -> None:
        self.files[path] = content
