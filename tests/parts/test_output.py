"""A part's output folder joined into the site: every file linked once, an overlap refused by name."""

from __future__ import annotations

import os

import pytest

from generator.errors import BuildError
from generator.parts.output import move_tree


def _files(root) -> dict[str, str]:  # noqa: ANN001
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def _part(root, files: dict[str, str]):  # noqa: ANN001
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_every_file_is_linked_at_its_path_and_skipped_names_stay_out(tmp_path) -> None:  # noqa: ANN001
    part = _part(tmp_path / "part", {"powers/a/index.html": "a", "powers/b/index.html": "b", "data/x.json": "x",
                                      ".gongkai-part.json": "{}", "pagefind/p.js": "p"})
    site = _part(tmp_path / "site", {"powers/c/index.html": "c", "index.html": "home"})
    move_tree(part, site, skip={".gongkai-part.json", "pagefind"})
    assert _files(site) == {"data/x.json": "x", "index.html": "home", "powers/a/index.html": "a",
                            "powers/b/index.html": "b", "powers/c/index.html": "c"}
    assert os.stat(site / "powers/a/index.html").st_ino == os.stat(part / "powers/a/index.html").st_ino  # linked, not copied


def test_moving_renames_the_folders_the_site_lacks_and_links_into_the_others(tmp_path) -> None:  # noqa: ANN001
    part = _part(tmp_path / "part", {"powers/a/index.html": "a", "powers/a/chart.svg": "s", "charts/a.svg": "ca",
                                      "fees/f/index.html": "f", ".gongkai-part.json": "{}"})
    site = _part(tmp_path / "site", {"powers/c/index.html": "c", "charts/c.svg": "cc"})
    inode = os.stat(part / "powers/a/index.html").st_ino
    move_tree(part, site, skip={".gongkai-part.json"}, move=True)
    assert _files(site) == {"charts/a.svg": "ca", "charts/c.svg": "cc", "fees/f/index.html": "f", "powers/a/chart.svg": "s",
                            "powers/a/index.html": "a", "powers/c/index.html": "c"}
    assert os.stat(site / "powers/a/index.html").st_ino == inode
    assert not (part / "powers/a").exists() and not (part / "fees").exists()  # moved whole
    assert (part / "charts/a.svg").is_file() and (part / ".gongkai-part.json").is_file()  # linked into a shared folder; skipped


def test_a_whole_folder_is_moved_when_the_site_has_none(tmp_path) -> None:  # noqa: ANN001
    part = _part(tmp_path / "part", {"fragment/a.pf": "a", "pagefind.js": "js"})
    move_tree(part, tmp_path / "pagefind-3", move=True)
    assert _files(tmp_path / "pagefind-3") == {"fragment/a.pf": "a", "pagefind.js": "js"} and not part.exists()


@pytest.mark.parametrize("move", [False, True])
def test_a_file_two_parts_write_is_refused_by_name(tmp_path, move: bool) -> None:  # noqa: ANN001
    part = _part(tmp_path / "part", {"powers/a/index.html": "mine"})
    site = _part(tmp_path / "site", {"powers/a/index.html": "theirs"})
    with pytest.raises(BuildError, match="两个分部都生成了 powers/a/index.html"):
        move_tree(part, site, move=move)
    assert (site / "powers/a/index.html").read_text() == "theirs"


@pytest.mark.parametrize("move", [False, True])
def test_a_folder_where_another_part_wrote_a_file_is_refused(tmp_path, move: bool) -> None:  # noqa: ANN001
    part = _part(tmp_path / "part", {"powers/a/index.html": "mine"})
    site = _part(tmp_path / "site", {"powers/a": "a file"})
    with pytest.raises(BuildError, match="无法合成 powers/a"):
        move_tree(part, site, move=move)
    assert (site / "powers/a").read_text() == "a file"
