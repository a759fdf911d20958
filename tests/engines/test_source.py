"""Engine-neutral page sources: front matter carries plain titles; the configured nav stays small."""

from __future__ import annotations

import yaml as pyyaml  # PyYAML ships with MkDocs

from generator.engines.source import page_source
from generator.site import Page
from tests.conftest import ROOT


def test_front_matter_title_is_data_not_markup() -> None:
    page = Page("powers/x.md", 'A "quoted" <b>title</b>\n---\nnot: front matter', "# body\n", meta=(("search", "exclude"),))
    source = page_source(page)
    front, body = source.split("\n---\n\n", 1)
    meta = pyyaml.safe_load(front.removeprefix("---\n"))
    # Material prints titles as HTML without autoescaping, so the adapter hands it inert text.
    assert meta == {"title": "A ＂quoted＂ ＜b＞title＜/b＞\n---\nnot: front matter", "search": "exclude"}
    assert not set("<>&\"") & set(meta["title"])
    assert body == "# body\n"


def test_record_pages_stay_out_of_the_nav() -> None:
    class Loader(pyyaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = pyyaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def pages(nav: object) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, list):
            return [p for item in nav for p in pages(item)]
        if isinstance(nav, dict):
            return [p for value in nav.values() for p in pages(value)]
        return []

    listed = pages(config["nav"])
    assert len(listed) <= 20
    assert not [p for p in listed if p.startswith(("powers/", "fees/", "services/"))]
