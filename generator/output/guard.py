"""Where a site may be written: never over, around or inside what it is made from.

A build replaces its output folder as a whole, so `--out <project>` used to delete the project and `--out .`
ended in a traceback. Every command that writes a site asks here first, before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from generator.errors import ConfigError
from generator.files import printable
from generator.paths import PROJECT_ROOT, default_flowcharts

# Beside the catalogue: what `check`, `revise` and `publish` read, and the repository itself.
_SOURCES_BESIDE = {"calendar": "节假日数据目录", "revisions": "修订记录目录", ".git": "Git 仓库目录"}


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(path)).resolve()  # symbolic links of the existing part followed


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out_dir(out: Path, catalogue: Path, flowcharts: Path | None = None, sources: Iterable[Path] = (),
                  homes: Iterable[Path] = ()) -> None:
    """Raise ConfigError when `out` is, contains or lies inside a source folder (the catalogue, the flowcharts,
    calendar/, revisions/, .git/ and `sources`, e.g. the engine's pages and theme), or is or contains a home folder
    (the working directory, the project root, Gongkai itself and `homes`, e.g. the site configuration's folder)."""
    target = _resolved(out)
    root = _resolved(catalogue).parent
    home_folders = [("当前目录", Path.cwd().resolve()), ("项目目录", root), ("Gongkai 程序目录", PROJECT_ROOT)]
    home_folders += [("站点配置所在目录", _resolved(p)) for p in homes]
    source_folders = [("记录目录", _resolved(catalogue)), ("流程模板目录", _resolved(flowcharts or default_flowcharts(catalogue)))]
    source_folders += [(label, root / name) for name, label in _SOURCES_BESIDE.items()]
    source_folders += [("站点源文件目录", _resolved(p)) for p in sources]
    shown = printable(str(out))
    for label, folder in home_folders + source_folders:
        if _inside(folder, target):
            what = "就是" if folder == target else "包含了"
            raise ConfigError(f"输出目录 {shown} {what}{label}（{printable(str(folder))}）。生成站点会整个替换输出目录，"
                              "这会删掉其中的文件。请换一个单独的输出目录，例如 --out site。")
    for label, folder in source_folders:
        if _inside(target, folder):
            raise ConfigError(f"输出目录 {shown} 位于{label}（{printable(str(folder))}）之内。生成的站点不能写进源文件目录，"
                              "请换一个单独的输出目录，例如 --out site。")
    if os.path.lexists(target) and not target.is_dir():
        raise ConfigError(f"输出目录 {shown} 已存在，但不是文件夹。请删除它或换一个输出目录。")


def check_replaceable(out: Path, looks_ours: Iterable[str] = ("index.html",)) -> None:
    """A folder about to be replaced must be empty or hold a file matching one of the `looks_ours` patterns (what a
    build left there before): `--out ~/文档` must not delete someone's documents."""
    try:
        if out.is_dir():
            with os.scandir(out) as scan:
                empty = next(scan, None) is None
        else:
            empty = True
        if empty or any(next(out.glob(pattern), None) for pattern in looks_ours):
            return
    except OSError:
        return  # the build reports what it cannot write
    raise ConfigError(f"输出目录 {printable(str(out))} 里已有文件，但不像是生成的网站（没有 {'、'.join(looks_ours)}）。"
                      "生成站点会替换这个目录的内容，为免误删，请指定一个空目录或新目录。")
