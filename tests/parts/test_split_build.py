"""The sample built as 3 department parts plus the site part, assembled, against one whole build.

Byte-identical everywhere except the search bundles, where the named difference is how pages are grouped into
shards: a whole build deals all record pages round-robin into one set of shards, a split build keeps each part's
pages in that part's own shards. What a shard holds per page (its fragment: URL, text, meta, filters) is the same,
so the fragments are compared as a whole; the index, filter and meta files, the entry files and the worker list
(gk-shards.json) follow the grouping and are checked for what they must hold instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.build import BuildRequest
from generator.errors import BuildError, ConfigError
from generator.parts import assemble, build_part
from generator.exports.whole import FRAGMENTS, read_fragments, whole_paths
from generator.parts.output import PART_FILE
from generator.parts.plan import read_plan
from generator.search.index import SHARD_MANIFEST, bundle_name
from generator.search.sets import FROM_PAGES_VARIABLE
from generator.search.sets.build import index_files, read_entries, read_pages
from generator.search.sets.encode import decode_set

ROOT = Path(__file__).resolve().parents[2]
PARTS = 3


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def _is_search(path: str) -> bool:
    return path.split("/", 1)[0].startswith("pagefind")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory, run_cli_module) -> dict[str, Path]:  # noqa: ANN001
    work = tmp_path_factory.mktemp("split")
    plan = work / "plan.json"
    assert run_cli_module("parts", "--parts", str(PARTS), "--out", str(plan)) == 0
    parts = []
    for k in range(PARTS + 1):
        out = work / f"part-{k}"
        assert run_cli_module("build", "--part", f"{k}/{PARTS}", "--plan", str(plan), "--out", str(out)) == 0
        parts.append(out)
    site = work / "site"
    assert run_cli_module("assemble", *map(str, parts), "--out", str(site)) == 0
    return {"site": site, "plan": plan, "work": work, **{f"part-{k}": p for k, p in enumerate(parts)}}


@pytest.fixture(scope="module")
def run_cli_module():  # noqa: ANN201
    """The CLI in this process, from the project root (mkdocs.yml names content/ and catalogue/ relative to it)."""
    from generator.cli import main

    def run(*args: str) -> int:
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            return main(list(args))
        finally:
            os.chdir(cwd)

    return run


def test_assembled_site_equals_whole_build_outside_search(split_site, sample_site) -> None:  # noqa: ANN001
    whole, split = _files(sample_site.out), _files(split_site["site"])
    outside = sorted(p for p in whole if not _is_search(p))
    assert outside == sorted(p for p in split if not _is_search(p))
    different = [p for p in outside if whole[p].read_bytes() != split[p].read_bytes()]
    assert different == []
    assert any(p.startswith("powers/") for p in outside) and "sitemap.xml" in outside and "data/catalogue.json.gz" in outside


def test_assembling_by_moving_gives_the_same_site_and_empties_the_parts(split_site, tmp_path, run_cli_module) -> None:  # noqa: ANN001
    copies = [tmp_path / f"part-{k}" for k in range(PARTS + 1)]
    for k, copy in enumerate(copies):
        shutil.copytree(split_site[f"part-{k}"], copy)
    site = tmp_path / "site"
    assert run_cli_module("assemble", "--move", *map(str, copies), "--out", str(site)) == 0
    linked, moved = _files(split_site["site"]), _files(site)
    assert sorted(moved) == sorted(linked) and [p for p in linked if linked[p].read_bytes() != moved[p].read_bytes()] == []
    assert not any(p.is_file() for p in (copies[1] / "powers").rglob("*")) and not (copies[1] / bundle_name(0)).exists()  # moved
    assert (split_site["part-1"] / "powers").is_dir()  # the linked assembly left its parts as they were


def test_search_fragments_are_the_same_pages(split_site, sample_site) -> None:  # noqa: ANN001
    def fragments(site: Path) -> Counter:
        return Counter((p.split("/", 1)[1], _digest(f)) for p, f in _files(site).items() if _is_search(p) and "/fragment/" in p)

    whole = fragments(sample_site.out)
    assert whole and fragments(split_site["site"]) == whole


def test_assembled_bundles_are_listed_and_have_their_runtime(split_site) -> None:  # noqa: ANN001
    site = split_site["site"]
    bundles = sorted((p.name for p in site.iterdir() if p.name.startswith("pagefind")), key=lambda n: int(n.partition("-")[2] or 0))
    assert bundles == [bundle_name(i) for i in range(len(bundles))] and len(bundles) >= PARTS
    workers = json.loads((site / "pagefind" / SHARD_MANIFEST).read_text(encoding="utf-8"))["workers"]
    assert sorted(b for group in workers for b in group) == sorted(b + "/" for b in bundles)
    for group in workers:  # the first bundle of each worker keeps the runtime, the others merge into it
        assert (site / group[0] / "pagefind.js").is_file()
        assert not any((site / b / "pagefind.js").exists() for b in group[1:])
    assert not any((site / b / SHARD_MANIFEST).exists() for b in bundles[1:])
    assert (site / "pagefind" / "pagefind-ui.js").is_file() and not (site / bundles[1] / "pagefind-ui.js").exists()
    assert not (site / PART_FILE).exists()
    assert "sets" not in json.loads((site / "pagefind" / SHARD_MANIFEST).read_text(encoding="utf-8"))  # a small site
    assert not (site / "search" / "sets").exists() and (split_site["part-1"] / "search" / "sets" / "1").is_dir()


def _term_urls(files: dict[str, bytes], urls: list[str]) -> dict[str, set[str]]:
    """term → URLs of the pages holding it, from one term index's files."""
    found: dict[str, set[str]] = {}
    for name, data in files.items():
        if name.startswith("t/"):
            for term, sets in read_entries(data, 2).items():
                found.setdefault(term, set()).update(urls[i] for i in decode_set(sets[0], len(urls)))
    return found


def test_a_large_site_assembled_lists_every_parts_term_sets(split_site, sample_site, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """Above the size where term sets are used, the parts' indexes together find each term on exactly the pages one
    index over the whole build finds it on (unlike Pagefind's, which drop a word an index lacks)."""
    monkeypatch.setenv(FROM_PAGES_VARIABLE, "1")
    site = tmp_path / "site"
    assemble([split_site[f"part-{k}"] for k in range(PARTS + 1)], site, ROOT / "catalogue", ROOT / "mkdocs.yml")
    manifest = json.loads((site / "pagefind" / SHARD_MANIFEST).read_text(encoding="utf-8"))
    entries = manifest["sets"]
    assert sorted(b for e in entries for b in e["bundles"]) == sorted(b for group in manifest["workers"] for b in group)
    split: dict[str, set[str]] = {}
    for entry in entries:
        folder = site / entry["path"]
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        urls = [page.url for page in read_pages(site, [b.rstrip("/") for b in entry["bundles"]])]
        for term, found in _term_urls(files, urls).items():
            split.setdefault(term, set()).update(found)
    bundles = sorted({p.relative_to(sample_site.out).parts[0] for p in sample_site.out.glob("pagefind*/fragment")})
    pages = read_pages(sample_site.out, bundles)
    assert split == _term_urls(index_files(pages), [page.url for page in pages])


def test_parts_hold_whole_departments_and_nothing_twice(split_site) -> None:  # noqa: ANN001
    plan = read_plan(split_site["plan"])
    assert sorted(d for group in plan.departments for d in group) == sorted(p.name for p in (ROOT / "catalogue").iterdir() if p.is_dir())
    seen: dict[str, str] = {}
    for k in range(1, PARTS + 1):
        part = split_site[f"part-{k}"]
        own = {p.relative_to(part).parts[1] for p in (part / "departments").iterdir()}
        assert own == set(plan.departments[k - 1])
        for rel in _files(part):
            if not _is_search(rel) and rel != PART_FILE and not rel.startswith(FRAGMENTS + "/"):
                assert rel not in seen, f"{rel} in parts {seen.get(rel)} and {k}"
                seen[rel] = str(k)
    assert not (split_site["part-1"] / "index.html").exists()  # the site part's
    assert not (split_site["part-1"] / "data" / "catalogue.xlsx").exists()  # assemble joins it from every part's share


def test_the_whole_downloads_are_joined_from_every_parts_share(split_site) -> None:  # noqa: ANN001
    plan = read_plan(split_site["plan"])
    for k in range(PARTS + 1):
        fragments = read_fragments(split_site[f"part-{k}"])
        assert sorted(fragments.shares) == (sorted(plan.departments[k - 1]) if k else [])
        assert (fragments.opening is not None) == (k == 0)
    site = split_site["site"]
    assert not (site / FRAGMENTS).exists()
    assert all((site / path).is_file() for path in whole_paths())


def test_a_part_refuses_a_plan_made_from_other_files(split_site, good_catalogue, run_cli) -> None:  # noqa: ANN001
    result = run_cli("build", "--catalogue", str(good_catalogue / "catalogue"), "--config", str(ROOT / "mkdocs.yml"),
                     "--part", f"1/{PARTS}", "--plan", str(split_site["plan"]), "--out", str(good_catalogue / "part"))
    assert result.code == 1 and "不是由当前的记录" in result.err
    assert not (good_catalogue / "part").exists()


def test_assemble_refuses_an_incomplete_set(split_site, tmp_path) -> None:  # noqa: ANN001
    parts = [split_site[f"part-{k}"] for k in (0, 1, 3)]
    with pytest.raises(BuildError, match="缺少分部 2"):
        assemble(parts, tmp_path / "site", ROOT / "catalogue", ROOT / "mkdocs.yml")
    with pytest.raises(BuildError, match="不是 gongkai build --part"):
        assemble([split_site["site"]], tmp_path / "site", ROOT / "catalogue", ROOT / "mkdocs.yml")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("text", ["3", "4/3", "a/b", "1/0"])
def test_part_option_is_checked(text: str) -> None:
    with pytest.raises(ConfigError, match="--part"):
        build_part(BuildRequest(ROOT / "catalogue", Path("/nonexistent/out"), ROOT / "mkdocs.yml", part=text))


# One word each, as Pagefind segments them, or words every part's index holds.
SAME = ["营业执照", "许可"]
# Several words, one of them missing from some part's index: Pagefind drops a query word that an index does not hold at
# all, so that index answers for the other words (食品经营许可 → 食品 经营 许可: a part without 食品 returns its pages
# with 经营 and 许可). The assembled site then finds every page the whole build finds, and more. A whole build with
# more than one shard (over 1,000 record pages) does the same wherever a rare word misses a shard.
# 12345 is searched as the office's words 奖励 and 举报 (portal/synonyms.yaml). Pagefind matches a word exactly where an
# index holds it as a whole word and falls back to words starting with it (举报人, 举报奖励…) where it does not: the
# whole build's one index holds 举报 and finds 5 pages, a part without it finds its pages with longer words too (12
# in all). The sample's pages with 举报 decide which, so this word may differ from one sample to the next.
MORE = ["食品经营许可", "行政处罚", "12345"]


def test_one_query_searches_every_part(split_site, sample_site, chromium) -> None:  # noqa: ANN001
    """The same results (count, and the items when they fit one page) on the assembled and the whole site for SAME; at least
    the whole site's for MORE; no request fails on the assembled site that works on the whole one."""
    from generator.search.httpd import serve_directory
    from tests.search.helpers import recording_page, search_page, status_text

    def results(site: Path) -> tuple[dict[str, tuple[int, set[str]]], list[str]]:
        found, errors = {}, []
        with serve_directory(site) as base:
            for page in recording_page(chromium, base):
                for query in SAME + MORE:
                    rows = search_page(page, base, query)
                    count = int(status_text(page).removeprefix("找到 ").split(" ", 1)[0])
                    found[query] = (count, {r.href for r in rows})
                errors = [e.replace(base, "/") for e in page.console_errors]
        return found, errors

    (whole, whole_errors), (split, split_errors) = results(sample_site.out), results(split_site["site"])
    assert split_errors == whole_errors
    assert all(whole[q][1] for q in SAME + MORE)
    for query in SAME:
        # Pagefind ranks each part's index on its own, so past one page the order (and the first page) may differ.
        (count, first), (whole_count, whole_first) = split[query], whole[query]
        assert count == whole_count, query
        assert first == whole_first or len(whole_first) < whole_count, query
    for query in MORE:
        assert split[query][0] >= whole[query][0], query
        assert whole[query][1] <= split[query][1] or split[query][0] > 10, query
