"""`gongkai assemble`: join the parts of a split build into one site, swapped into place at once.

The site part's folder gives everything but the departments' pages and files; each department part adds its own.
Their search bundles are numbered in part order (part 1's shards first) as pagefind/, pagefind-1/, … and dealt to
the search workers exactly as one build deals its shards (generator/search/index.py join_bundles), so one query
searches every part. The whole catalogue's downloads are joined from the parts' fragments without inflating them.
Nothing is parsed or rendered here: assembling costs a walk over the files and one link each (with `--move`, one
rename per department folder the site does not have yet).
"""

from __future__ import annotations

from pathlib import Path

from generator.build import check_site_out, staged
from generator.errors import BuildError
from generator.exports.whole import FRAGMENTS, Fragments, read_fragments
from generator.files import printable
from generator.output import check_replaceable
from generator.parts.output import PART_FILE, PartInfo, move_tree, read_part
from generator.search.index import bundle_name, join_bundles
from generator.search.sets import drop_sets, sets_entry, sets_from_pages, sets_pages


def _checked_parts(folders: list[Path]) -> list[tuple[Path, PartInfo]]:
    """The parts in order 0…N, after making sure they are one complete set built from the same files."""
    parts = sorted(((folder, read_part(folder)) for folder in folders), key=lambda item: item[1].spec.index)
    if not parts:
        raise BuildError("没有给出任何分部目录。")
    count, digest = parts[0][1].spec.count, parts[0][1].digest
    for folder, info in parts:
        if info.spec.count != count or info.digest != digest:
            raise BuildError(f"分部 {folder} 与其他分部不是同一次构建的（分部数或记录的散列不同）：请用同一个计划重新生成全部分部。")
    indices = [info.spec.index for _, info in parts]
    if indices != list(range(count + 1)):
        missing = sorted(set(range(count + 1)) - set(indices))
        repeated = sorted({i for i in indices if indices.count(i) > 1})
        problem = (f"缺少分部 {'、'.join(str(i) for i in missing)}" if missing else "") + (f"分部 {'、'.join(str(i) for i in repeated)} 重复" if repeated else "")
        raise BuildError(f"分部不完整：{problem}（共应有 0…{count}，其中 0 是全站页面）。")
    return parts


def write_whole(site: Path, folders: list[Path]) -> None:
    """The whole catalogue's downloads, joined from every part's fragments (generator/exports/whole.py)."""
    joined = Fragments({}, None)
    for folder in folders:
        try:
            joined = joined.merged(read_fragments(folder))
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise BuildError(f"分部 {printable(str(folder))} 的全目录下载片段缺失或损坏（{exc}）：请用同一个计划重新生成这个分部。") from None
    if joined.opening is None:
        raise BuildError("分部 0 没有全目录下载的开头部分：请用同一版本的 gongkai 重新生成分部 0。")
    try:
        files = joined.whole_files()
    except ValueError as exc:
        raise BuildError(f"各分部的全目录下载片段对不上（{exc}）：请用同一个计划重新生成全部分部。") from None
    for path, content in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(content)


def assemble(folders: list[Path], out: Path, catalogue: Path, config_file: Path, flowcharts: Path | None = None,
             move: bool = False) -> int:
    """Join the part folders into `out`; returns the number of search bundles. `move`: move the parts' folders
    into the site where they do not overlap (move_tree), leaving the part folders emptied: for CI, whose parts are
    throwaway copies of the artifacts; a 100,000-record site is then ~100,000 renames instead of ~540,000 links
    and folders."""
    check_site_out(out, catalogue, config_file, flowcharts)
    check_replaceable(out)
    parts = _checked_parts(folders)
    with staged(out) as staging:
        site = staging.site
        site.mkdir(parents=True, exist_ok=True)
        bundles = 0
        sets: list[dict[str, object]] = []
        for folder, info in parts:
            names = [bundle_name(bundles + n) for n in range(len(info.bundles))]  # renumbered in part order
            for name, new in zip(info.bundles, names):
                move_tree(folder / name, site / new, move=move)
            bundles += len(names)
            move_tree(folder, site, skip={PART_FILE, FRAGMENTS, *info.bundles}, move=move)
            if names:
                sets.append(sets_entry(info.spec.index, names))
        write_whole(site, [folder for folder, _ in parts])
        if bundles:
            join_bundles(site, bundles, _large_site_sets(site, sets))
        staging.commit()
    return bundles


def _large_site_sets(site: Path, sets: list[dict[str, object]]) -> list[dict[str, object]] | None:
    """The parts' term-set indexes when the site has enough pages to search them, else none (and their folders gone)."""
    keys = [int(str(entry["path"]).rstrip("/").rsplit("/", 1)[-1]) for entry in sets]
    if sum(sets_pages(site, key) for key in keys) >= sets_from_pages():
        return sets
    drop_sets(site)
    return None
