"""An earlier revision keeps its records as JSON: tables and packages go, and their links lead to a page that says
where the revision's data is."""

from __future__ import annotations

import os
from pathlib import Path

from generator.revisions.json_only import NOTE, keep_json_only

REV = "2025-03-03"
SITE = {
    "index.html": '<a href="downloads/">下载</a>',
    "downloads/index.html": ('<a href="../data/catalogue.json.gz">JSON</a> <a href="../data/catalogue.xlsx">Excel</a> '
                             '<a href="../data/csv/powers.csv">CSV</a> <a href="../downloads/gov.zip">ZIP</a> '
                             '<a href="../data/xlsx/gov.xlsx?v=1">部门表</a> <a href="https://example.org/x.zip">外站</a>'),
    "departments/gov/index.html": '<a href="../../downloads/gov.zip">资料包</a><a href="../../data/powers/a.json">a</a>',
    "data/catalogue.json.gz": "gz", "data/catalogue.xlsx": "x", "data/csv/powers.csv": "c", "data/xlsx/gov.xlsx": "x",
    "downloads/gov.zip": "z", "data/powers/a.json": "{}", "data/schema/record.schema.json": "{}",
}


def write(root: Path) -> None:
    for rel, text in SITE.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def test_tables_and_packages_go_json_stays(tmp_path: Path) -> None:
    write(tmp_path)
    dropped = keep_json_only(tmp_path, REV, "2025-03-03", set())
    assert sorted(dropped) == ["data/catalogue.xlsx", "data/csv/powers.csv", "data/xlsx/gov.xlsx", "downloads/gov.zip"]
    kept = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert kept == sorted([*(rel for rel in SITE if rel not in dropped), NOTE])
    downloads = (tmp_path / "downloads/index.html").read_text(encoding="utf-8")
    assert downloads.count('href="earlier-revision.html') == 4 and 'href="earlier-revision.html?v=1"' in downloads
    assert 'href="../data/catalogue.json.gz"' in downloads and 'href="https://example.org/x.zip"' in downloads
    department = (tmp_path / "departments/gov/index.html").read_text(encoding="utf-8")
    assert department == '<a href="../../downloads/earlier-revision.html">资料包</a><a href="../../data/powers/a.json">a</a>'


def test_the_note_names_the_revision_and_links_what_exists(tmp_path: Path) -> None:
    site = tmp_path / REV
    write(site)
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads/index.html").write_text("当前", encoding="utf-8")
    (site / "revision.json").write_text("{}", encoding="utf-8")
    keep_json_only(site, REV, "2025-03-03", {"revision.json"})
    note = (site / NOTE).read_text(encoding="utf-8")
    assert "2025-03-03 修订" in note and 'lang="zh-CN"' in note and 'name="viewport"' in note
    for href in ('href="../data/catalogue.json.gz"', 'href="../revision.json"', 'href="../../downloads/"'):
        assert href in note
        target = (site / "downloads" / href.split('"')[1]).resolve()
        assert target.exists(), href
    assert (site / "revision.json").read_text(encoding="utf-8") == "{}"  # skipped names are not the site's


def test_a_site_without_tables_is_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="x.zip">x</a>', encoding="utf-8")  # not a department package
    (tmp_path / "x.zip").write_text("z", encoding="utf-8")
    assert keep_json_only(tmp_path, REV, "2025-03-03", set()) == []
    assert not (tmp_path / NOTE).exists()


def test_pages_linked_from_the_previous_tree_are_not_written_through(tmp_path: Path) -> None:
    previous, site = tmp_path / "previous", tmp_path / "site"
    write(previous)
    for rel in SITE:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        os.link(previous / rel, site / rel)
    keep_json_only(site, REV, "2025-03-03", set())
    assert (previous / "downloads/index.html").read_text(encoding="utf-8") == SITE["downloads/index.html"]
    assert (previous / "downloads/gov.zip").is_file()
