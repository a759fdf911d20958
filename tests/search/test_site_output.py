"""The built sample site: what is marked for indexing, the facet markup, and the search bundle's contents."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from generator.render.context import inherited
from tests.search.conftest import SECRET_ID, SECRET_TERM
from tests.search.helpers import public_entries

ZWSP = "\u200b".encode()


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_record_pages_mark_their_article_for_indexing(built_site) -> None:  # noqa: ANN001
    for entry in built_site.catalogue.public():
        html = _html(built_site.root, entry.url)
        assert html.count("data-pagefind-body") == 1
        article = html[html.index("<article"):html.index("</article>")]
        assert "data-pagefind-body" in article[: article.index(">")]


def test_other_pages_are_not_indexed(built_site) -> None:  # noqa: ANN001
    for rel in ("", "catalogue/secret", "catalogue/powers", "departments", "search", "about"):
        assert "data-pagefind-body" not in _html(built_site.root, rel), rel


def test_facets_and_meta_on_a_power_page(built_site) -> None:  # noqa: ANN001
    entry = public_entries(built_site.catalogue, "powers")[0]
    html = _html(built_site.root, entry.url)
    filters = dict(re.findall(r'data-pagefind-filter="([^"]+)">([^<]*)<', html))
    assert filters["类型"] == "行政职权"
    assert filters["部门"] == entry.department.name
    assert filters["类别"] == entry.record.category.value
    assert filters["五权"] == entry.record.category.power_class.value
    # An ex-officio power (a penalty, an inspection) has no fee to speak of: no 是否收费 facet at all.
    from generator.render.context import charge_text
    assert filters.get("是否收费", "") == charge_text(entry)
    meta = dict(re.findall(r'data-pagefind-meta="([^"]+)">([^<]*)<', html))
    assert meta["department"] == (entry.department.short_name or entry.department.name)
    # Pagefind indexes each meta value as one more word: 行政职权 / 行政处罚 on thousands of pages made every
    # 行政… query scan them. The results take kind and category from the filters instead (search.js).
    assert "kind" not in meta and "category" not in meta


def test_search_page_and_header_box_exist(built_site) -> None:  # noqa: ANN001
    assert "data-gk-search-page" in _html(built_site.root, "search")
    home = _html(built_site.root, "")
    assert 'id="gk-search-input"' in home and 'role="combobox"' in home
    assert 'data-md-component="search"' not in home  # Material's lunr search stays off
    assert not (built_site.root / "search" / "search_index.json").exists()


def test_search_bundle_holds_nothing_of_secret_powers(built_site) -> None:  # noqa: ANN001
    bundle = built_site.root / "pagefind"
    secret = [e for e in built_site.catalogue.secret_powers()]
    assert any(e.id == SECRET_ID for e in secret)
    needles = [SECRET_TERM.encode(), SECRET_ID.encode()] + [e.id.encode() for e in secret]
    checked = 0
    for path in bundle.rglob("*"):
        if not path.is_file() or path.suffix in {".js", ".css"}:
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
            checked += 1
        data = data.replace(ZWSP, b"")  # Pagefind joins segmented Chinese words with zero-width spaces
        for needle in needles:
            assert needle not in data, f"{path.name} 含有涉密记录的内容"
    assert checked > 0  # the index and fragments were really read


def test_secret_power_has_no_page(built_site) -> None:  # noqa: ANN001
    assert not (built_site.root / "powers" / SECRET_ID).exists()


def _fragments(site: Path) -> list[dict]:
    """Pagefind fragments: gzip, a short signature, then JSON."""
    fragments = []
    for path in sorted((site / "pagefind" / "fragment").glob("*")):
        text = gzip.decompress(path.read_bytes()).replace(ZWSP, b"").decode("utf-8")
        fragments.append(json.loads(text[text.index("{"):]))
    return fragments


def test_index_holds_record_content_only(built_site) -> None:  # noqa: ANN001
    fragments = _fragments(built_site.root)
    assert len(fragments) == sum(1 for _ in built_site.catalogue.public())
    for fragment in fragments:
        content = fragment["content"]
        # nav labels, the theme footer, the edit footer and the hidden facet block are not searchable text
        for chrome in ("怎样阅读一条记录", "Material for MkDocs", "数据文件", "编辑此记录", "五权"):
            assert chrome not in content, (fragment["url"], chrome)
        assert fragment["meta"]["title"]
        assert set(fragment["filters"]) >= {"类型", "部门"}
    assert sum("是否收费" in f["filters"] for f in fragments) >= len(fragments) // 2


def _channels(entry) -> list[str]:  # noqa: ANN001 — catalogue Entry
    """What every record of a department repeats: its oversight and complaint channel lines, as Pagefind
    writes them in a fragment's text (a channel's name alone may also be the record's own text)."""
    sup = entry.supervision
    channels = list(entry.complaints) + list(sup.internal + sup.external if sup else [])
    return [f"{c.name}：电话" for c in channels if c.phone]


def test_shared_channels_are_shown_but_not_indexed(built_site) -> None:  # noqa: ANN001
    """The county hotline 12345 and the department's channels are on every record page; indexed, a query for
    any of them matched the whole catalogue (and Pagefind's scoring cost grows with the square of the
    matches). Readers still see them; the record's own name, basis and conditions stay searchable."""
    by_url = {e.url: e for e in built_site.catalogue.public()}
    checked = 0
    for fragment in _fragments(built_site.root):
        entry = by_url[fragment["url"].strip("/")]
        content, html = fragment["content"], _html(built_site.root, entry.url)
        channels = _channels(entry)
        assert channels, entry.id
        for text in channels + ["12345", "便民热线"]:
            assert text not in content, (entry.id, text)
        visible = re.sub(r"<[^>]+>", "", html)
        for text in channels:
            assert text in visible, (entry.id, text)  # readers still see every channel
        assert entry.name in content, entry.id
        record = entry.record
        for own in [b.title for b in getattr(record, "legal_basis", ())] + list(getattr(record, "conditions", ()) or ()):
            assert own in content, (entry.id, own)
        checked += 1
    assert checked == len(by_url)


def _step_texts(step) -> list[tuple[str, str, object]]:  # noqa: ANN001 — a ResolvedStep
    """(attr, text as the page writes it, item) for every piece of a step's text that may come from its template."""
    texts = [(attr, getattr(step, attr), None) for attr in ("description",) if getattr(step, attr)]
    texts += [("branches", f"{b.condition}：{b.outcome}", b) for b in step.branches]
    texts += [("interfaces", f"{i.kind.value}：{i.party}", i) for i in step.interfaces]
    texts += [("rights", f"您的权利：{r.name}", r) for r in step.rights]
    return texts


def test_template_step_text_is_shown_but_not_indexed(built_site) -> None:  # noqa: ANN001
    """A procedure template's own step text (description, branches, interfaces, statutory rights) is the same on
    every record that uses it; a record's own step text (its override or its own step) stays searchable."""
    by_url = {f["url"].strip("/"): f["content"] for f in _fragments(built_site.root)}
    shared: set[str] = set()
    own: set[str] = set()
    for entry in public_entries(built_site.catalogue, "powers"):
        content, visible = by_url[entry.url], re.sub(r"<[^>]+>", "", _html(built_site.root, entry.url))
        for step in entry.steps:
            for attr, text, item in _step_texts(step):
                assert text in visible, (entry.id, step.key, text)
                if inherited(entry, step, attr, item):
                    assert text not in content, (entry.id, step.key, text)
                    shared.add(attr)
                else:
                    assert text in content, (entry.id, step.key, text)
                    own.add(attr)
        if entry.template:
            procedure = f"适用程序：{entry.template.name}"
            assert procedure in visible and procedure not in content, entry.id
    assert shared == {"description", "branches", "interfaces", "rights"}  # the sample has every kind of both
    assert {"description", "interfaces", "rights"} <= own
