"""Build one revision's site from the repository alone, with nothing of a record that is secret now.

A revision's source is the commit that added its manifest (`git log --diff-filter=A revisions/<id>.json`: found
again after a squash merge, unlike a hash written into the manifest). Three ways to build, tried in order:

1. commit: that commit's files (git archive) and its own code run `gongkai publish --site-only`, which checks that
   the catalogue equals the revision's snapshot and builds exactly what was published then. (A project that installs
   gongkai instead of holding its code gets the installed version here.) Before the run the
   tree gets the manifests as they may be published now (redact.py) and loses the files of records that were
   public then and are secret now, so the site cannot bring them back.
2. tree: the latest revision, from the working tree (before its manifest is committed, or when 1 fails).
3. snapshot: an earlier revision whose commit cannot build it (code older than --site-only, a catalogue that
   does not match, a failed build) is rebuilt by today's code from its snapshot, which holds every public field
   of every record; departments, procedure templates and pages are today's, and a notice on every page says so.

A revision none of these can build keeps only its manifest and changelog (publish.py says why).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import GongkaiError
from generator.git import adding_commit, export_tree, git, repository_root
from generator.revisions.manifest import Revision, default_revisions_dir, dumps

SITE_ONLY_TIMEOUT = 3 * 3600  # a 10,000-record build takes minutes; a stuck one must not hold CI for ever
SNAPSHOT_NOTICE = ("本修订的网站由修订记录重建：各事项的内容与 {date} 修订时一致；部门信息、流程模板和网页样式是重建时的版本，"
                   "与当时可能不同。")


@dataclass(frozen=True)
class Project:
    catalogue: Path
    config_file: Path
    flowcharts: Path | None
    engine: str = "mkdocs"

    @classmethod
    def of(cls, request: object) -> Project:
        """The project a PublishRequest names."""
        return cls(request.catalogue, request.config_file, request.flowcharts, request.engine)  # type: ignore[attr-defined]

    @property
    def root(self) -> Path:
        return self.catalogue.resolve().parent


class NoSourceCommit(GongkaiError):
    """The manifest is not committed (or there is no git): nothing to rebuild from, and nothing wrong."""


@dataclass(frozen=True)
class Built:
    how: str  # "commit", "tree" or "snapshot"
    commit: str | None = None
    note: str = ""  # why an earlier way failed, for the report


def source_commit(project: Project, revision: Revision) -> tuple[Path, str] | None:
    """(repository, commit) that added the revision's manifest, or None outside git or before it is committed."""
    repo = repository_root(project.root)
    if repo is None:
        return None
    manifest = default_revisions_dir(project.catalogue) / f"{revision.id}.json"
    commit = adding_commit(repo, manifest.resolve().relative_to(repo.resolve()))
    return (repo, commit) if commit else None


def write_manifests(folder: Path, revisions: list[Revision]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for revision in revisions:
        (folder / f"{revision.id}.json").write_bytes(dumps(revision.data))


def _share_caches(project: Project, tree: Path) -> None:
    """Every cache key covers the code that made the entry, so another version of Gongkai can share them."""
    cache = project.root / ".cache"
    try:
        cache.mkdir(exist_ok=True)
        if not (tree / ".cache").exists():
            (tree / ".cache").symlink_to(cache, target_is_directory=True)
    except OSError:
        pass  # no shared cache only costs time


def _drop_secret_now(catalogue: Path, secret: set[str]) -> list[str]:
    """Delete the files of records public in this tree and secret now; returns their ids."""
    dropped = []
    for path in sorted(catalogue.glob("*/powers/*.yaml")):
        if path.stem not in secret:
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            data = None
        if not (isinstance(data, dict) and data.get("secret") is True):  # a secret one then is listed by name only
            path.unlink()
            dropped.append(path.stem)
    return dropped


Source = tuple[Path, str] | None  # (repository, commit) from source_commit


def relevant_secrets(found: Source, secret: set[str]) -> list[str]:
    """The records secret now whose files the revision's commit holds: what a commit build must leave out."""
    if found is None or not secret:
        return []
    repo, commit = found
    try:
        names = git("ls-tree", "-r", "--name-only", commit, cwd=repo).decode("utf-8", "replace").splitlines()
    except GongkaiError:
        return []
    return sorted({Path(n).stem for n in names if Path(n).parent.name == "powers" and Path(n).stem in secret})


def build_from_commit(project: Project, found: Source, upto: list[Revision], secret: set[str], out: Path) -> Built:
    """Way 1, for the last revision of `upto`. Raises GongkaiError with the reason when its commit cannot build it."""
    if found is None:
        raise NoSourceCommit("修订记录尚未提交到 git，或不在 git 仓库中")
    repo, commit = found
    with tempfile.TemporaryDirectory(prefix="gongkai-rebuild-") as work:
        tree = Path(work) / "tree"
        tree.mkdir()
        paths = git("ls-tree", "--name-only", commit, cwd=repo).decode("utf-8").split()
        export_tree(repo, commit, paths, tree)
        inside = project.root.resolve().relative_to(repo.resolve())
        project_tree = tree / inside
        catalogue = project_tree / project.catalogue.resolve().relative_to(project.root)
        write_manifests(default_revisions_dir(catalogue), upto)
        _drop_secret_now(catalogue, secret)
        _share_caches(project, project_tree)
        config = project.config_file.resolve()
        config = project_tree / config.relative_to(project.root) if config.is_relative_to(project.root) else config
        command = [sys.executable, "-m", "generator", "publish", "--site-only", "--catalogue", str(catalogue),
                   "--config", str(config), "--out", str(out.resolve())]
        if project.engine != "mkdocs":  # code older than --engine builds with MkDocs only: it fails, the snapshot way follows
            command += ["--engine", project.engine]
        env = {**os.environ, "PYTHONPATH": str(tree) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        try:
            done = subprocess.run(command, cwd=project_tree, env=env, capture_output=True, text=True, timeout=SITE_ONLY_TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            raise GongkaiError(f"提交 {commit[:12]} 的程序无法运行：{exc}") from None
        if done.returncode != 0 or not (out / "index.html").is_file():
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["（无输出）"]
            raise GongkaiError(f"提交 {commit[:12]} 的程序无法生成本修订（{last[0][:200]}）")
    return Built("commit", commit)


def _record_file(catalogue: Path, record_id: str, record: dict[str, Any]) -> None:
    data = dict(record["fields"])
    data.update(changed_on=record["changed_on"], change_note=record["change_note"])
    if record["change_kind"] != "实质变更":
        data["change_kind"] = record["change_kind"]
    path = catalogue / record["department"] / record["kind"] / f"{record_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _department_files(project: Project, catalogue: Path, departments: dict[str, str]) -> None:
    for dept_id, name in sorted(departments.items()):
        target = catalogue / dept_id / "department.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        current = project.catalogue / dept_id / "department.yaml"
        if current.is_file():
            shutil.copy2(current, target)
        else:  # the department is gone: its name is all the snapshot knows
            target.write_text(yaml.safe_dump({"id": dept_id, "name": name}, allow_unicode=True, sort_keys=False), encoding="utf-8")


def snapshot_catalogue(project: Project, revision: Revision, catalogue: Path) -> None:
    """The revision's catalogue, written from its (redacted) snapshot: every public record, field for field, and
    each entry of its 不公开事项目录 as a secret power that holds nothing else."""
    snapshot = revision.snapshot
    _department_files(project, catalogue, snapshot["departments"])
    for record_id, record in sorted(snapshot["records"].items()):
        _record_file(catalogue, record_id, record)
    holder = sorted(snapshot["departments"])[0] if snapshot["departments"] else None
    for number, listing in enumerate(snapshot.get("secret", []), start=1):
        if holder is None:
            break
        data = {"id": f"secret-{number}", "name": listing["name"], "department": holder, "secret": True,
                "secrecy": {"reason": listing["reason"], "basis": listing["basis"]}, "changed_on": revision.data["date"]}
        path = catalogue / holder / "powers" / f"secret-{number}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build_from_snapshot(project: Project, revision: Revision, upto: list[Revision], out: Path) -> Built:
    """Way 3. Raises GongkaiError when today's code cannot build the snapshot."""
    from generator.build import BuildRequest, build
    from generator.paths import default_flowcharts
    from generator.workdays import default_calendar_dir

    with tempfile.TemporaryDirectory(prefix="gongkai-snapshot-") as work:
        root = Path(work)
        name = project.catalogue.resolve().name  # the same folder name as the project's: pages' edit links name it
        catalogue = root / (name if name not in ("revisions", "calendar", ".cache") else "catalogue")
        snapshot_catalogue(project, revision, catalogue)
        write_manifests(root / "revisions", upto)
        (root / "calendar").symlink_to(default_calendar_dir(project.catalogue), target_is_directory=True)
        _share_caches(project, root)
        flowcharts = project.flowcharts or default_flowcharts(project.catalogue)
        notice = SNAPSHOT_NOTICE.format(date=revision.data["date"])
        build(BuildRequest(catalogue, out, project.config_file, flowcharts, versioned=True, notice=notice, engine=project.engine))
    return Built("snapshot")


def build_from_tree(project: Project, out: Path) -> Built:
    """Way 2: the working tree, which publish has checked equals the latest revision."""
    from generator.build import BuildRequest, build

    build(BuildRequest(project.catalogue, out, project.config_file, project.flowcharts, versioned=True, engine=project.engine))
    return Built("tree")
