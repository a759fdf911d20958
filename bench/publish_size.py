"""The published tree's size: a synthetic catalogue with several kept revisions, as `gongkai publish` writes it.

    python -m bench.publish_size --records 10000 --revisions 6 --changes 300 --work /tmp/publish-size

synth → a baseline revision → (revisions − 1) times: change about `changes` records and `gongkai revise` → one
`gongkai publish` (default budget, 1 GB). The work folder is not a git repository, so every earlier revision is
rebuilt from its snapshot (the way a fresh clone without its revision commits would); a repository's commit
builds differ only by the snapshot notice on every page. Prints the bytes per revision folder and per top-level
folder of the current site, the largest file and the total, and writes them to <work>/publish-size.json.
Not part of `make bench` (six builds of 10,000 records take an hour on two cores). The last run's figures are
committed as bench/publish-size.json (10,000 records, 6 revisions, 300 changes each; content/scale.md reads them).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

from bench.config import PROJECT, project_config_for
from bench.measure import python_cmd, run_timed, tree_bytes

FILE_LIMIT = 100_000_000  # GitHub refuses a file over 100 MB
DAY0 = "2026-07-01"


def _dates(count: int) -> list[str]:
    from datetime import date, timedelta

    first = date.fromisoformat(DAY0)
    return [(first + timedelta(days=14 * i)).isoformat() for i in range(count)]


def change_records(catalogue: Path, number: int, day: str, changes: int) -> int:
    """Change the office (else only the change note) of about `changes` public records, the same ones for the same
    arguments; returns how many."""
    files = sorted(p for p in catalogue.glob("*/*/*.yaml") if p.parent.name in ("powers", "services", "fees"))
    step = max(1, len(files) // max(1, changes))
    count = 0
    for index, path in enumerate(files):
        if (index * 7 + number * 13) % step:
            continue
        text = path.read_text(encoding="utf-8")
        if "secret: true" in text:
            continue
        text = re.sub(r"^office: (.*)$", lambda m: f"office: {m.group(1).split('（')[0]}（第{number}次调整）", text, count=1, flags=re.M)
        text = re.sub(r"^changed_on: .*$", f'changed_on: "{day}"', text, count=1, flags=re.M)
        text = re.sub(r"^change_note: .*$", f"change_note: 第{number}次调整科室设置", text, count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")
        count += 1
    return count


def _run(args: list[str], cwd: Path) -> str:
    timed = run_timed(python_cmd("-m", "generator", *args), cwd, timeout=6 * 3600)
    if timed.returncode != 0:
        raise SystemExit(f"gongkai {args[0]} failed:\n{timed.stderr[-2000:]}")
    return timed.stderr.strip()


def figures(out: Path) -> dict:
    revisions = sorted(p.name for p in out.iterdir() if p.is_dir() and (p / "revision.json").is_file())
    root_folders = {p.name: (tree_bytes(p) if p.is_dir() else p.stat().st_size) for p in sorted(out.iterdir()) if p.name not in revisions}
    files = [(p.stat().st_size, p.relative_to(out).as_posix()) for p in out.rglob("*") if p.is_file()]
    largest = max(files)
    return {
        "total_bytes": sum(size for size, _ in files),
        "root_bytes": sum(root_folders.values()),
        "root_folders": dict(sorted(root_folders.items(), key=lambda kv: -kv[1])),
        "revision_bytes": {r: tree_bytes(out / r) for r in revisions},
        "offered": [v["version"] for v in json.loads((out / "versions.json").read_text(encoding="utf-8"))],
        "largest_file": {"path": largest[1], "bytes": largest[0]},
        "files_over_100mb": sorted(path for size, path in files if size > FILE_LIMIT),
    }


def markdown(found: dict) -> str:
    lines = [f"total {found['total_bytes']:,} B; current site {found['root_bytes']:,} B; offered: {', '.join(found['offered'])}",
             f"largest file {found['largest_file']['path']} {found['largest_file']['bytes']:,} B; over 100 MB: {found['files_over_100mb'] or 'none'}",
             "", "| folder | bytes |", "|---|---|"]
    lines += [f"| /{name} | {size:,} |" for name, size in found["root_folders"].items()]
    current = found["offered"][0] if found["offered"] else ""
    lines += [f"| /{name}/ ({'the current revision: forwarding pages' if name == current else 'earlier revision'}) | {size:,} |"
              for name, size in found["revision_bytes"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.publish_size")
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--revisions", type=int, default=6)
    parser.add_argument("--changes", type=int, default=300, help="records changed per revision")
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args(argv)
    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    catalogue = work / "catalogue"
    work.mkdir(parents=True)
    (work / "calendar").symlink_to(PROJECT / "calendar", target_is_directory=True)
    common = ["--catalogue", str(catalogue), "--flowcharts", str(PROJECT / "flowcharts")]
    _run(["synth", "--records", str(args.records), "--out", str(catalogue), "--flowcharts", str(PROJECT / "flowcharts")], work)
    days = _dates(args.revisions)
    _run(["revise", *common, "--baseline", "--date", days[0]], work)
    for number, day in enumerate(days[1:], start=1):
        print(f"revision {day}: {change_records(catalogue, number, day, args.changes)} records changed", file=sys.stderr)
        _run(["revise", *common, "--date", day], work)
    config = project_config_for(catalogue, work / "mkdocs.yml")
    print(_run(["publish", *common, "--config", str(config), "--out", str(work / "public"), "--keep", str(args.revisions)], PROJECT), file=sys.stderr)
    found = figures(work / "public")
    (work / "publish-size.json").write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown(found))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
