"""`gongkai publish` on the small fixture (no git): layout, reuse of earlier sites, K and the size budget, secret
records purged from every kept site, and a publish that fails leaves the previous tree as it was."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from generator.revisions.json_only import keep_json_only
from generator.revisions.publish import KEEP_FILES
from generator.revisions.same import FETCHED, Same, restore
from generator.revisions.tree import read_stamp
from tests.conftest import ROOT
from tests.revisions.conftest import FEE, SHOP, Project, seen

pytestmark = pytest.mark.e2e

SHOP_ID = "shop-licence"
SECRET_SHOP = """\
id: shop-licence
name: 示例经营许可
department: demo-market
secret: true
secrecy:
  reason: 涉及国家秘密
  basis: 《中华人民共和国保守国家秘密法》第九条
changed_on: 2025-05-06
"""


def hashes(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith(skip)}


def publish(project: Project, out: Path, *extra: str):  # noqa: ANN201 — CliResult
    return project.cli("publish", "--config", str(ROOT / "mkdocs.yml"), "--out", str(out), *extra)


def offered(out: Path) -> list[str]:
    return [v["version"] for v in json.loads((out / "versions.json").read_text(encoding="utf-8"))]


def whole(out: Path, revision: str, tmp_path: Path) -> dict[str, str]:
    """An earlier revision's site as it was built: its folder stores only what differs from the root (same.py)."""
    copy = tmp_path / f"whole-{revision}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(out / revision, copy, ignore=shutil.ignore_patterns(*KEEP_FILES))
    restore(out, copy, revision, Same.from_stamp(read_stamp(out)[revision]))
    return hashes(copy)




def copies_of_the_root(out: Path, revision: str) -> list[str]:
    """Files of an earlier revision's folder stored again with the bytes of the root's twin."""
    folder = out / revision
    return [rel for rel in sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
            if not rel.startswith(FETCHED) and rel not in KEEP_FILES and (out / rel).is_file()
            and (out / rel).read_bytes() == (folder / rel).read_bytes()]


def broken_links(out: Path, revision: str) -> list[str]:
    """Relative links and sources of the revision's pages whose target is not in the published tree."""
    found = []
    for page in sorted((out / revision).rglob("*.html")):
        for found_url in re.findall(r'\s(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            url = re.split(r"[#?]", html.unescape(found_url))[0]
            if not url or url.startswith("/") or ":" in url.split("/", 1)[0]:
                continue
            target = (page.parent / url).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                found.append(f"{page.relative_to(out)} → {url}")
    return found


def root_site(out: Path) -> dict[str, str]:
    """The root's own site: not the revision folders, versions.json or the build stamp."""
    return hashes(out, _not_the_site(out))


def _not_the_site(out: Path) -> tuple[str, ...]:
    return tuple(p.name + "/" for p in out.iterdir() if p.is_dir() and p.name[0].isdigit()) + ("versions.json", ".gongkai-publish.json")


def as_earlier(out: Path, revision: str, copy: Path) -> dict[str, str]:
    """The root's site as it is kept once a newer revision is published: its records as JSON only (json_only.py)."""
    skip = _not_the_site(out)
    shutil.copytree(out, copy, ignore=lambda top, names: [n for n in names if Path(top) == out and (n + "/" in skip or n in skip)])
    assert keep_json_only(copy, revision, revision, set())  # the sample has tables and packages to drop
    return hashes(copy)


def test_first_publish_layout(baselined: Project, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = publish(baselined, out)
    assert result.code == 0, result.err
    assert (out / "index.html").is_file() and (out / "powers" / SHOP_ID / "index.html").is_file()
    current = out / "2025-03-03"
    manifest = json.loads((baselined.revisions / "2025-03-03.json").read_text(encoding="utf-8"))
    published = json.loads((current / "revision.json").read_text(encoding="utf-8"))
    assert published == {k: v for k, v in manifest.items() if k != "snapshot"}  # the site's data/ holds the state
    forward = (current / "powers" / SHOP_ID / "index.html").read_text(encoding="utf-8")
    assert 'url=../../../powers/shop-licence/"' in forward and len(forward) < 1000  # not a second copy of the site
    assert offered(out) == ["2025-03-03"]
    for path in [out, *out.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path


def test_an_earlier_revision_keeps_the_site_it_was_built_with(baselined: Project, tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert publish(baselined, out).code == 0
    first, first_root = as_earlier(out, "2025-03-03", tmp_path / "first"), root_site(out)

    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2025-04-01", "机构改革")
    refused = publish(baselined, out)
    assert refused.code == 1 and "gongkai revise" in refused.err  # unrevised changes are never published
    assert root_site(out) == first_root
    assert baselined.cli("revise", "--date", "2025-04-02").code == 0
    second = publish(baselined, out)
    assert second.code == 0, second.err
    assert "沿用 1 个" in second.err  # the first revision's site, linked from the previous root
    assert whole(out, "2025-03-03", tmp_path) == first
    assert copies_of_the_root(out, "2025-03-03") == []
    assert broken_links(out, "2025-03-03") == []  # forwarded, retargeted and dropped files' links all lead somewhere
    assert offered(out) == ["2025-04-02", "2025-03-03"]
    unchanged = (out / "2025-03-03" / "powers" / "sign-penalty" / "index.html").read_text(encoding="utf-8")
    assert "与最新修订相同" in unchanged and 'href="../../../powers/sign-penalty/"' in unchanged
    assert "政务服务科" in (out / "powers" / SHOP_ID / "index.html").read_text(encoding="utf-8")  # root = current
    assert "行政审批科" in (out / "2025-03-03" / "powers" / SHOP_ID / "index.html").read_text(encoding="utf-8")

    baselined.set_change(FEE, "2025-05-06", "收费标准调整")
    assert baselined.cli("revise", "--date", "2025-05-07").code == 0
    third = publish(baselined, out)
    assert third.code == 0 and "沿用 2 个" in third.err, third.err
    assert whole(out, "2025-03-03", tmp_path / "third") == first  # stored against one current site, then the next
    assert publish(baselined, out, "--keep", "2").code == 0
    assert sorted(p.name for p in (out / "2025-03-03").iterdir()) == ["changelog.md", "revision.json"]  # beyond K
    assert offered(out) == ["2025-05-07", "2025-04-02"]


def test_a_fresh_publish_rebuilds_earlier_revisions_from_their_snapshots(baselined: Project, tmp_path: Path) -> None:
    """Without a previous tree (and here without git), an earlier revision is rebuilt from its manifest's snapshot
    and says so on every page; the same input gives the same bytes."""
    baselined.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    baselined.set_change(SHOP, "2025-04-01", "机构改革")
    assert baselined.cli("revise", "--date", "2025-04-02").code == 0
    trees = []
    for name in ("one", "two"):
        result = publish(baselined, tmp_path / name)
        assert result.code == 0, result.err
        assert offered(tmp_path / name) == ["2025-04-02", "2025-03-03"]
        trees.append(hashes(tmp_path / name))
    assert trees[0] == trees[1]
    old = (tmp_path / "one" / "2025-03-03" / "powers" / SHOP_ID / "index.html").read_text(encoding="utf-8")
    assert "行政审批科" in old and "由修订记录重建" in old


def test_a_snapshot_rebuild_names_the_catalogue_folder_as_the_project_does(project: Project, tmp_path: Path) -> None:
    """Pages name their record file (the edit link): a rebuild that put the snapshot in a folder called `catalogue`
    made every page of a project whose folder is called otherwise differ, so nothing was left out as unchanged."""
    project.catalogue = project.catalogue.rename(project.root / "records")
    assert project.cli("revise", "--baseline", "--date", "2025-03-03").code == 0
    project.edit(SHOP, "office: 行政审批科", "office: 政务服务科")
    project.set_change(SHOP, "2025-04-01", "机构改革")
    assert project.cli("revise", "--date", "2025-04-02").code == 0
    out = tmp_path / "public"
    result = publish(project, out)
    assert result.code == 0, result.err
    unchanged = (out / "2025-03-03" / "powers" / "sign-penalty" / "index.html").read_text(encoding="utf-8")
    assert "<title>本页未变更</title>" in unchanged
    assert "records/demo-market/powers/sign-penalty.yaml" in (out / "powers" / "sign-penalty" / "index.html").read_text(encoding="utf-8")
    changed = (out / "2025-03-03" / "powers" / SHOP_ID / "index.html").read_text(encoding="utf-8")
    assert "行政审批科" in changed and "records/demo-market/powers/shop-licence.yaml" in changed


def test_the_size_budget_keeps_the_newest_sites(baselined: Project, tmp_path: Path) -> None:
    baselined.set_change(FEE, "2025-05-06", "收费标准调整")
    assert baselined.cli("revise", "--date", "2025-05-07").code == 0
    out = tmp_path / "public"
    roomy = publish(baselined, out)
    assert roomy.code == 0 and offered(out) == ["2025-05-07", "2025-03-03"]
    root = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and not p.relative_to(out).parts[0].startswith("2025-03-03"))
    tight = publish(baselined, out, "--budget-mb", str(root / 1e6 + 0.01))
    assert tight.code == 0 and offered(out) == ["2025-05-07"]
    assert "2025-03-03" in tight.err and "上限" in tight.err
    assert sorted(p.name for p in (out / "2025-03-03").iterdir()) == ["changelog.md", "revision.json"]


def test_a_record_made_secret_leaves_every_kept_site(baselined: Project, tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert publish(baselined, out).code == 0
    assert "行政审批科" in (out / "powers" / SHOP_ID / "index.html").read_text(encoding="utf-8")
    (baselined.catalogue / SHOP).write_text(SECRET_SHOP, encoding="utf-8")
    assert baselined.cli("revise", "--date", "2025-05-07").code == 0
    result = publish(baselined, out)
    assert result.code == 0, result.err
    assert offered(out) == ["2025-05-07", "2025-03-03"]
    needles = [n.encode("utf-8") for n in ("shop-licence", "有固定的经营场所", "经营许可申请书", "000000-TEST-001")]
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [n for n in needles if n in data], path
    history = seen(out, "2025-03-03", "revisions/2025-03-03/index.html")
    assert "示例经营许可" in history and "现已转为涉密不公开" in history


def test_a_failed_publish_leaves_the_previous_tree(baselined: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "public"
    assert publish(baselined, out).code == 0
    before = hashes(out)
    baselined.set_change(FEE, "2025-05-06", "收费标准调整")
    assert baselined.cli("revise", "--date", "2025-05-07").code == 0

    def crash(*args, **kwargs):  # noqa: ANN002, ANN003
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("generator.revisions.publish.forwarding_pages", crash)
    failed = publish(baselined, out)
    assert failed.code == 1 and "写入发布目录失败" in failed.err
    assert hashes(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []  # no staging left behind


def test_publish_without_revisions_is_refused(project: Project, tmp_path: Path) -> None:
    result = publish(project, tmp_path / "public")
    assert result.code == 1 and "gongkai revise" in result.err
