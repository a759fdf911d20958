"""The built sample site: what is marked for indexing, the facet markup, and the search bundle's contents."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

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
    assert filters["是否收费"] in {"收费", "不收费"}
    meta = dict(re.findall(r'data-pagefind-meta="([^"]+)">([^<]*)<', html))
    assert meta["kind"] == "行政职权" and meta["category"] == entry.record.category.value


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
        assert set(fragment["filters"]) >= {"类型", "部门", "是否收费"}
