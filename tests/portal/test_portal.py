"""portal/: the office's search words and home-page list; a wrong entry is a note, never a stopped build."""

from __future__ import annotations

import json
from pathlib import Path

from generator.portal import load_portal
from tests.conftest import ROOT


def _project(tmp_path: Path, synonyms: str = "", home: str = "") -> Path:
    (tmp_path / "portal").mkdir()
    if synonyms:
        (tmp_path / "portal" / "synonyms.yaml").write_text(synonyms, encoding="utf-8")
    if home:
        (tmp_path / "portal" / "home.yaml").write_text(home, encoding="utf-8")
    return tmp_path


def test_synonyms_are_published_by_word(tmp_path: Path) -> None:
    project = _project(tmp_path, "synonyms:\n  - words: [低保, 吃低保]\n    search: [最低生活保障]\n    note: 说明\n")
    table = json.loads(load_portal(project, set()).synonyms_json())
    assert table == {"words": {"低保": 0, "吃低保": 0}, "entries": [{"search": ["最低生活保障"], "note": "说明"}]}


def test_a_wrong_entry_is_noted_and_left_out(tmp_path: Path) -> None:
    project = _project(tmp_path, "synonyms:\n  - words: [开店]\n  - words: [低保]\n    search: [最低生活保障]\n")
    portal = load_portal(project, set())
    assert [s.words for s in portal.synonyms] == [["低保"]]
    assert len(portal.notes) == 1 and "第 1 条" in portal.notes[0] and "search" in portal.notes[0]


def test_unreadable_file_is_noted(tmp_path: Path) -> None:
    project = _project(tmp_path, "synonyms: [\n")
    portal = load_portal(project, set())
    assert portal.synonyms == () and portal.notes and "暂不使用" in portal.notes[0]


def test_popular_items_keep_only_public_ids_in_order(tmp_path: Path) -> None:
    project = _project(tmp_path, home="popular: [b, secret-one, a, b]\n")
    portal = load_portal(project, {"a", "b"})
    assert portal.popular == ("b", "a")
    assert "secret-one" in portal.notes[0]


def test_no_portal_folder_is_no_data(tmp_path: Path) -> None:
    portal = load_portal(tmp_path, set())
    assert portal.synonyms == () and portal.popular == () and portal.notes == []
    assert json.loads(portal.synonyms_json()) == {"words": {}, "entries": []}


def test_the_sample_portal_data_is_valid() -> None:
    from generator.check import check_catalogue

    catalogue = check_catalogue(ROOT / "catalogue", ROOT / "flowcharts").catalogue
    portal = load_portal(ROOT, {e.id for e in catalogue.public()})
    assert portal.notes == []
    assert len(portal.synonyms) >= 10 and len(portal.popular) >= 6
