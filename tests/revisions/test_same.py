"""An earlier revision's folder keeps only what differs from the current site, and can be made whole again."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.revisions.same import Same, leave_out_same, restore, retarget

REV = "2025-03-03"
NOTICE = ('<div data-md-component="announce">\n      \n        <aside class="md-banner">\n          <div class="md-banner__inner '
          'md-grid md-typeset">\n            \n            <p class="gk-notice">本修订的网站由修订记录重建。</p>\n          </div>\n'
          '          \n        </aside>\n      \n    </div>')
PLAIN = '<div data-md-component="announce">\n      \n    </div>'


def page(body: str, banner: str = PLAIN) -> str:
    return f'<html>{banner}<body>{body}<img src="../../charts/a.svg"><a href="../../data/powers/a.json">JSON</a></body></html>\n'


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def make(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    root = tmp_path / "public"
    current = {"powers/a/index.html": page("甲 新"), "powers/b/index.html": page("乙"), "charts/a.svg": "<svg>A</svg>",
               "data/powers/a.json": "{}", "assets/app.js": "js", "pagefind/x.pf": "idx", "admin/index.html": "<html>编辑</html>",
               "admin/cms.js": "cms"}
    old = {**current, "powers/a/index.html": page("甲 旧"), "powers/b/index.html": page("乙", NOTICE), "data/powers/a.json": '{"old": 1}'}
    write(root, current)
    write(root / REV, old)
    return root, root / REV, old


def test_only_what_differs_is_stored(tmp_path: Path) -> None:
    root, folder, _ = make(tmp_path)
    same = leave_out_same(root, folder, REV, set())
    assert same.pages == ["admin/index.html", "powers/b/index.html"]  # b differed only by the snapshot notice
    assert sorted(same.files) == ["admin/cms.js", "charts/a.svg"]
    kept = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert kept == {"admin/index.html", "powers/a/index.html", "powers/b/index.html", "data/powers/a.json", "assets/app.js", "pagefind/x.pf"}
    forward = (folder / "powers/b/index.html").read_text(encoding="utf-8")
    assert 'href="../../../powers/b/"' in forward and "与最新修订相同" in forward and REV in forward
    assert "http-equiv" not in forward  # no timed redirect (WCAG 2.2.1): the reader follows the link
    changed = (folder / "powers/a/index.html").read_text(encoding="utf-8")
    assert 'src="../../../charts/a.svg"' in changed  # the current copy, one folder up
    assert 'href="../../data/powers/a.json"' in changed  # the revision's own, different copy
    for rel in kept:  # no kept file is a byte-identical copy of the current site's, scripts' files aside
        if not rel.startswith(("assets/", "pagefind/")):
            assert (folder / rel).read_bytes() != (root / rel).read_bytes(), rel


def test_restore_gives_back_the_whole_site(tmp_path: Path) -> None:
    root, folder, old = make(tmp_path)
    before = tree(folder)
    same = leave_out_same(root, folder, REV, set())
    restore(root, folder, REV, Same.from_stamp(same.as_stamp()))
    assert tree(folder) == before


def test_the_previous_tree_is_never_written_through_a_link(tmp_path: Path) -> None:
    root, folder, _ = make(tmp_path)
    linked = tmp_path / "next"
    for path in folder.rglob("*"):
        if path.is_file():
            target = linked / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.hardlink_to(path)
    before = tree(folder)
    leave_out_same(root, linked, REV, set())
    assert tree(folder) == before


def test_retarget_leaves_other_links_alone() -> None:
    text = b'<a href="#top">x</a><a href="https://example.org/charts/a.svg">y</a><a href="../../charts/a.svg#z">z</a><a href="b/">b</a>'
    out = retarget(text, "powers/a/index.html", REV, {"charts/a.svg"}, to_current=True)
    assert out == text.replace(b"../../charts/a.svg#z", b"../../../charts/a.svg#z")
    assert retarget(out, "powers/a/index.html", REV, {"charts/a.svg"}, to_current=False) == text
