"""Issue 20's repro on a git copy of the sample: publish; make 扣留…机动车 secret; revise; publish.

Afterwards no byte of its non-public fields is anywhere under the published tree (pages, charts, JSON, CSV, XLSX and
ZIP members, decompressed search fragments, sitemaps, feed, kept revision.json files), a cached and an uncached
build are byte-identical, and a fresh clone's `publish` offers every kept revision with the same bytes.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.exports.conftest import expand_archives
from tests.revisions.conftest import seen

pytestmark = pytest.mark.e2e

RECORD = "catalogue/public-security/powers/vehicle-detention.yaml"
RECORD_ID = "vehicle-detention"
KEEP = "3"
PROJECT_FILES = ("generator", "mkdocs.yml", "content", "overrides", "flowcharts", "calendar", "catalogue", "revisions", "CODEOWNERS")
SECRET_YAML = f"""\
id: {RECORD_ID}
name: 扣留未悬挂号牌或者未随车携带行驶证、驾驶证的机动车
department: public-security
secret: true
secrecy:
  reason: 涉及路面执法部署，公开后可能妨碍执法
  basis: 《中华人民共和国政府信息公开条例》第十四条
changed_on: 2026-10-20
"""
ZWSP = "\u200b".encode()  # Pagefind joins segmented Chinese words with zero-width spaces


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=repo, check=True, capture_output=True)


def gongkai(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The project's own code (PYTHONPATH), as a fresh clone would run it."""
    env = {**os.environ, "PYTHONPATH": str(project), "GONGKAI_TODAY": "2026-10-23"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=env, capture_output=True, text=True, timeout=1800)


def leaves(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in leaves(v)]
    if isinstance(value, list):
        return [s for v in value for s in leaves(v)]
    return [str(value)]


def non_public_needles(project: Path) -> list[str]:
    """Its field values that occur in no other file the site is made from (so a hit can only be a leak)."""
    data = yaml.safe_load((project / RECORD).read_text(encoding="utf-8"))
    others = "".join(p.read_text(encoding="utf-8") for folder in ("catalogue", "flowcharts", "content")
                     for p in sorted((project / folder).rglob("*")) if p.is_file() and p != project / RECORD and p.suffix in (".yaml", ".md"))
    values = {v for k, v in data.items() if k not in ("id", "name", "department") for v in leaves(v)}
    return sorted(v for v in values if len(v) >= 6 and v not in others) + [RECORD_ID]


def published_bytes(out: Path) -> dict[str, bytes]:
    """Every file under `out`, gzip members decompressed and ZIP/XLSX members expanded, zero-width spaces removed."""
    found: dict[str, bytes] = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        for name, content in expand_archives(path.relative_to(out).as_posix(), data).items():
            found[name] = content.replace(ZWSP, b"")
    return found


def leaks(out: Path, needles: list[str]) -> list[tuple[str, str]]:
    encoded = [(n, n.encode("utf-8")) for n in needles]
    return [(name, needle) for name, data in published_bytes(out).items() for needle, raw in encoded if raw in data]


def tree_digest(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class Switched:
    repo: Path
    before: Path  # published before the switch
    after: Path  # published after it
    needles: list[str]
    clone: Path


@pytest.fixture(scope="module")
def switched(tmp_path_factory: pytest.TempPathFactory) -> Switched:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path_factory.mktemp("secret-switch")
    repo = work / "repo"
    repo.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    (repo / ".gitignore").write_text(".cache/\npublic/\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample")
    needles = non_public_needles(repo)
    first = gongkai(repo, "publish", "--out", "public", "--keep", KEEP)
    assert first.returncode == 0, first.stderr
    before = work / "before"
    shutil.copytree(repo / "public", before)

    (repo / RECORD).write_text(SECRET_YAML, encoding="utf-8")
    revised = gongkai(repo, "revise", "--date", "2026-10-22", "--note", "一项职权转为不公开")
    assert revised.returncode == 0, revised.stderr
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "withdraw")
    second = gongkai(repo, "publish", "--out", "public", "--keep", KEEP)
    assert second.returncode == 0, second.stderr

    clone = work / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    fresh = gongkai(clone, "publish", "--out", "public", "--keep", KEEP)
    assert fresh.returncode == 0, fresh.stderr
    return Switched(repo, before, repo / "public", needles, clone)


def test_the_scan_finds_the_record_while_it_is_public(switched: Switched) -> None:
    """The needles are real: before the switch they are in pages, JSON, ZIP/XLSX members and search fragments."""
    hits = leaks(switched.before, switched.needles)
    where = {name for name, _ in hits}
    assert len(switched.needles) >= 5
    assert any(name.endswith(".html") for name in where) and any(".zip!" in name for name in where)
    assert any(".xlsx!" in name for name in where) and any("/fragment/" in name for name in where)


def test_no_byte_of_its_non_public_fields_is_published(switched: Switched) -> None:
    assert leaks(switched.after, switched.needles) == []
    assert leaks(switched.clone / "public", switched.needles) == []


def test_the_repository_keeps_only_what_may_be_published(switched: Switched) -> None:
    """The committed manifests were redacted by `revise`: the repository is as public as the site."""
    for manifest in sorted((switched.repo / "revisions").glob("*.json")):
        text = manifest.read_text(encoding="utf-8")
        assert not [n for n in switched.needles if n in text], manifest.name


def test_every_kept_revision_is_offered_and_says_only_its_name(switched: Switched) -> None:
    versions = json.loads((switched.after / "versions.json").read_text(encoding="utf-8"))
    offered = [v["version"] for v in versions]
    assert len(offered) == int(KEEP) and offered[0] == "2026-10-22"
    for revision in offered:
        assert (switched.after / revision / "index.html").is_file()
        assert not (switched.after / revision / "powers" / RECORD_ID).exists()
    page = (switched.after / "revisions" / "2026-10-22" / "index.html").read_text(encoding="utf-8")
    assert "扣留未悬挂号牌" in page and "转为不公开" in page and "公安局" not in page.split("转为不公开", 1)[1].split("</h2>")[0]
    first = seen(switched.after, offered[-1], "revisions/2025-04-15/index.html")
    assert "扣留未悬挂号牌" in first and "现已转为涉密不公开" in first


def test_a_fresh_clone_publishes_the_same_tree(switched: Switched) -> None:
    assert tree_digest(switched.clone / "public") == tree_digest(switched.after)


def test_cached_and_uncached_builds_agree_after_the_switch(switched: Switched) -> None:
    for out, extra in (("cached", {}), ("uncached", {"GONGKAI_NO_CACHE": "1"})):
        env = {**os.environ, "PYTHONPATH": str(switched.repo), **extra}
        done = subprocess.run([sys.executable, "-m", "generator", "build", "--out", out], cwd=switched.repo, env=env,
                              capture_output=True, text=True, timeout=1800)
        assert done.returncode == 0, done.stderr
    assert tree_digest(switched.repo / "cached") == tree_digest(switched.repo / "uncached")
