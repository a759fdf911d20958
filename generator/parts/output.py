"""A part's output folder: the pages and files it owns, its search bundles, and PART_FILE saying what it is."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError
from generator.files import printable
from generator.parts.plan import FORMAT, PartSpec

PART_FILE = ".gongkai-part.json"  # in every part's output folder; assemble reads it and leaves it out of the site


@dataclass(frozen=True)
class PartInfo:
    spec: PartSpec
    digest: str
    bundles: tuple[str, ...]  # the part's search bundles, in shard order (department parts only)

    def dumps(self) -> str:
        return json.dumps({"format": FORMAT, "part": self.spec.index, "parts": self.spec.count, "digest": self.digest,
                           "bundles": list(self.bundles)}, ensure_ascii=False) + "\n"


def read_part(folder: Path) -> PartInfo:
    try:
        data = json.loads((folder / PART_FILE).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"格式 {data.get('format')}")
        return PartInfo(PartSpec(int(data["part"]), int(data["parts"])), str(data["digest"]), tuple(str(b) for b in data["bundles"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BuildError(f"{printable(str(folder))} 不是 gongkai build --part 生成的分部目录，或版本不同（{exc}）。") from None


def page_output(path: str) -> str:
    """Where a page source ends up with directory URLs (the site's use_directory_urls: true)."""
    stem = path.removesuffix(".md")
    return "index.html" if stem == "index" else (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/index.html"


def keep_only(site: Path, kept: set[str]) -> None:
    """Delete from the staged `site` every file not in `kept` (site-relative), then the folders left empty."""
    for top, _, names in os.walk(site):
        relative = os.path.relpath(top, site)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in names:
            if prefix + name not in kept:
                os.unlink(os.path.join(top, name))
    for top, dirs, names in os.walk(site, topdown=False):
        if top != str(site) and not os.listdir(top):
            os.rmdir(top)


def link_file(source: str, target: str) -> None:
    """Hard-link `source` at `target` (the parts and the site share one disk in CI: no copy of 10,000 pages), else
    copy. FileExistsError when `target` exists."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        shutil.copy2(source, target)


def move_tree(source: Path, target: Path, skip: set[str] = frozenset(), move: bool = False) -> None:  # type: ignore[assignment]
    """Every file under `source` (except the top-level names in `skip`) linked into `target` at the same relative
    path. A file already there is an error: two parts never write the same file. One system call per file (a
    province's site is half a million files): each folder is made once, an existing file is found by the link
    failing, not by looking first, and paths stay strings (a Path per file was a third of the time).

    `move`: a folder that `target` does not have yet is moved there whole (one rename instead of a walk, a folder
    and a link per file: a department part's record folders), which empties `source`."""
    root, into_root = os.fspath(source), os.fspath(target)
    if move and not skip and _moved(root, into_root):
        return
    for top, dirs, names in os.walk(root):
        relative = os.path.relpath(top, root)
        into = into_root if relative == "." else os.path.join(into_root, relative)
        if relative == ".":
            dirs[:] = [d for d in dirs if d not in skip]
            names = [n for n in names if n not in skip]
        try:
            os.makedirs(into, exist_ok=True)
        except OSError as exc:  # a file of another part where this part has a folder
            raise BuildError(f"无法合成 {_shown(into, into_root)}：{exc.strerror}（两个分部的输出重叠？请用同一个计划重新生成全部分部）。") from None
        if move:
            dirs[:] = [d for d in dirs if not _moved(os.path.join(top, d), os.path.join(into, d))]
        for name in names:
            try:
                link_file(os.path.join(top, name), os.path.join(into, name))
            except FileExistsError:
                rel = _shown(os.path.join(into, name), into_root)
                raise BuildError(f"两个分部都生成了 {rel}：各分部的部门不应重叠，请用同一个计划重新生成全部分部。") from None


def _moved(source: str, target: str) -> bool:
    """Rename the folder `source` to `target` when nothing is there yet; False (walk it instead) otherwise, or when
    the rename fails (another disk)."""
    if os.path.lexists(target):
        return False
    try:
        os.rename(source, target)
    except OSError:
        return False
    return True


def _shown(path: str, root: str) -> str:
    return printable(os.path.relpath(path, root).replace(os.sep, "/"))
