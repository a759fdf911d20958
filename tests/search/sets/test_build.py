"""One term index written from Pagefind fragments (generator/search/sets/build.py and the package's door).

Every term file is checked against a plain model (each page's terms, computed again here), the facet file against
the pages' filters; the whole output of a three-page input is a golden folder (GONGKAI_UPDATE_GOLDEN=1 rewrites
tests/search/sets/golden/; review the diff before keeping it)."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.search.sets import FROM_PAGES_VARIABLE, drop_sets, index_path, sets_entry, sets_from_pages, sets_pages, write_sets
from generator.search.sets.build import SIGNATURE, Page, fnv1a, index_files, read_entries, read_pages
from generator.search.sets.encode import decode_set
from generator.search.sets.terms import page_terms

GOLDEN = Path(__file__).parent / "golden"

WORDS = ["行政", "处罚", "许可", "食品", "经营", "营业执照", "投诉", "举报", "12345", "最低生活保障", "复议", "登记"]
KINDS = ["行政职权", "服务事项", "收费依据"]


def _pages(count: int, seed: int = 7) -> list[Page]:
    rng = random.Random(seed)
    pages = []
    for n in range(count):
        title = "对" + "".join(rng.sample(WORDS, 2)) + "的" + rng.choice(["行政处罚", "行政许可", "服务"])
        body = "，".join(rng.sample(WORDS, rng.randint(1, 6)))
        filters = {"类型": [KINDS[n * 3 // count]], "部门": [f"第{n // 10}局"], "状态": ["已取消" if n % 13 == 0 else "现行"]}
        pages.append(Page(f"{n % 3}/zh_{n:07x}", f"/powers/p{n:04d}/", title + "。" + body, title, filters))
    return pages


def _terms(files: dict[str, bytes]) -> dict[str, list[list[int]]]:
    pages = json.loads(files["index.json"])["pages"]
    found: dict[str, list[list[int]]] = {}
    for name, data in files.items():
        if name.startswith("t/"):
            for term, sets in read_entries(data, 2).items():
                assert name == f"t/{fnv1a(term) % json.loads(files['index.json'])['buckets']}.bin", term
                found[term] = [decode_set(s, pages) for s in sets]
    return found


def test_every_term_file_holds_each_term_with_its_pages_and_title_pages() -> None:
    pages = _pages(120)
    found = _terms(index_files(pages))
    model: dict[str, list[list[int]]] = {}
    for n, page in enumerate(pages):
        for term in page_terms(page.text + " " + page.title):
            model.setdefault(term, [[], []])[0].append(n)
        for term in page_terms(page.title):
            model[term][1].append(n)
    assert found == model


def test_filters_are_one_set_per_value() -> None:
    pages = _pages(120)
    facets = {key: decode_set(sets[0], len(pages)) for key, sets in read_entries(index_files(pages)["f.bin"], 1).items()}
    assert facets["状态\0已取消"] == [n for n in range(120) if n % 13 == 0]
    assert sorted(sum(facets.values(), [])) == sorted(list(range(120)) * 3)  # three filters, one value each


def test_page_lists_name_each_fragment_in_id_order() -> None:
    pages = _pages(300)
    files = index_files(pages)
    chunk = json.loads(files["index.json"])["chunk"]
    listed = [ref for c in range(-(-300 // chunk)) for ref in json.loads(files[f"d/{c}.json"])]
    assert listed == [page.fragment for page in pages]


def test_the_same_pages_give_the_same_bytes() -> None:
    assert index_files(_pages(200, seed=3)) == index_files(_pages(200, seed=3))
    assert index_files(_pages(200, seed=3))["index.json"] != index_files(_pages(200, seed=4))["index.json"]


def test_a_word_on_every_page_costs_at_most_a_bitmap() -> None:
    pages = [Page(f"0/zh_{n}", f"/p{n}/", "行政处罚" + str(n), "", {}) for n in range(8000)]
    files = index_files(pages)
    entry = next(read_entries(data, 2)["行政"] for name, data in files.items() if name.startswith("t/") and "行政" in read_entries(data, 2))
    assert len(entry[0]) <= 1 + 8000 // 8


def test_golden_three_pages() -> None:
    source = json.loads((GOLDEN / "pages.json").read_text(encoding="utf-8"))
    files = index_files([Page(**p) for p in source])
    expected = GOLDEN / "expected"
    if os.environ.get("GONGKAI_UPDATE_GOLDEN"):
        for name, content in files.items():
            (expected / name).parent.mkdir(parents=True, exist_ok=True)
            (expected / name).write_bytes(content)
    on_disk = {p.relative_to(expected).as_posix(): p.read_bytes() for p in sorted(expected.rglob("*")) if p.is_file()}
    assert files == on_disk


def _bundle(site: Path, name: str, fragments: dict[str, dict]) -> None:
    folder = site / name / "fragment"
    folder.mkdir(parents=True)
    for stem, fragment in fragments.items():
        (folder / f"{stem}.pf_fragment").write_bytes(gzip.compress(SIGNATURE + json.dumps(fragment).encode("utf-8")))


def _fragment(url: str, title: str) -> dict:
    return {"url": url, "content": "\u200b".join([title, "投诉", "举报"]), "meta": {"title": title}, "filters": {"状态": ["现行"]}}


def test_pages_are_read_from_the_bundles_fragments_in_url_order(tmp_path: Path) -> None:
    _bundle(tmp_path, "pagefind", {"zh_b": _fragment("/powers/b/", "乙"), "zh_a": _fragment("/powers/c/", "丙")})
    _bundle(tmp_path, "pagefind-1", {"zh_c": _fragment("/powers/a/", "甲")})
    pages = read_pages(tmp_path, ["pagefind", "pagefind-1"])
    assert [(p.fragment, p.url, p.title) for p in pages] == [("1/zh_c", "/powers/a/", "甲"), ("0/zh_b", "/powers/b/", "乙"),
                                                            ("0/zh_a", "/powers/c/", "丙")]
    assert pages[0].text == "甲投诉举报"  # Pagefind's word breaks dropped: pairs across them are real neighbours
    assert write_sets(tmp_path, ["pagefind", "pagefind-1"], 4) == 3
    assert sets_pages(tmp_path, 4) == 3 and sets_pages(tmp_path, 5) == 0
    assert sets_entry(4, ["pagefind", "pagefind-1"]) == {"path": index_path(4), "bundles": ["pagefind/", "pagefind-1/"]}
    drop_sets(tmp_path)
    assert sets_pages(tmp_path, 4) == 0 and (tmp_path / "pagefind").is_dir()


def test_a_damaged_fragment_is_a_build_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "pagefind" / "fragment").mkdir(parents=True)
    (tmp_path / "pagefind" / "fragment" / "zh_x.pf_fragment").write_bytes(b"not gzip")
    with pytest.raises(BuildError, match="Pagefind"):
        write_sets(tmp_path, ["pagefind"], 0)


def test_the_threshold_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FROM_PAGES_VARIABLE, raising=False)
    assert sets_from_pages() == 20_000
    monkeypatch.setenv(FROM_PAGES_VARIABLE, "1")
    assert sets_from_pages() == 1
    monkeypatch.setenv(FROM_PAGES_VARIABLE, "lots")  # not a number: the default, never a crash
    assert sets_from_pages() == 20_000
