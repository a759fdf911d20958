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
    # Pages and files another part of a split build writes (generator/parts/): links to them resolve, but the
    # engine neither renders nor writes them here. Empty for a whole build.
    elsewhere: set[str] = field(default_factory=set)
    hand_written_elsewhere: bool = False  # the engine's own pages (content/) are another part's too

    def add(self, page: Page) -> None:
        self.pages[page.path] = page

    def add_file(self, path: str, content: bytes) -> None:
        self.files[path] = content
