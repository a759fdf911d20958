"""Which records each part of a split build holds, and the plan file the check job hands to the part jobs.

Part 0 is the site part: the home, catalogue, category and revision pages, the feed, the sitemap and the downloads
of the whole catalogue. Parts 1…N each hold whole departments: their records' pages, charts, JSON, their workbooks
and packages, their department and responsibility pages, and their own search bundles. Departments are dealt by
size (largest first, each to the part with the fewest records so far; ties to the lower part), so the split
depends only on how many files each department folder holds: deterministic, and computable without parsing.

A part loads its own departments plus what its pages show of others (the "foreign" files): every department file,
the fee bases its records charge by, and the records elsewhere that charge by its fee bases (a fee basis page lists
them). Those references are read from a checked catalogue, once, by the job that checks the whole catalogue; the plan
file carries them with the digest of the inputs that were checked, so a part job knows that the whole check passed
for exactly the files it builds from (it recomputes the digest and refuses a mismatch).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue import Catalogue
from generator.errors import ConfigError
from generator.load import DEPARTMENT_FILE, discover_relative

FORMAT = "gongkai-parts-1"
RECORDS_PER_PART = 10_000  # a part of this size peaks well under 2 GB (bench/results.md, province run)
SITE_PART = 0


@dataclass(frozen=True)
class PartSpec:
    """`--part K/N`: K = 0 is the site part, 1…N the department parts."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> PartSpec:
        index, _, count = text.partition("/")
        if not (index.strip().isdigit() and count.strip().isdigit()):
            raise ConfigError(f"--part 应写作 K/N（例如 2/5），不是“{text}”。K 为 0 时生成全站页面，1…N 生成各部门的记录。")
        spec = cls(int(index), int(count))
        if spec.count < 1 or spec.index > spec.count:
            raise ConfigError(f"--part {text} 无效：N 至少为 1，K 应在 0 到 N 之间。")
        return spec

    @property
    def is_site(self) -> bool:
        return self.index == SITE_PART

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parts_for(records: int, per_part: int = RECORDS_PER_PART) -> int:
    """How many department parts a catalogue of `records` files needs."""
    return max(1, math.ceil(records / max(1, per_part)))


def department_files(catalogue: Path) -> dict[str, list[str]]:
    """Department folder → its YAML files (catalogue-relative POSIX paths), for folders with a department file."""
    found: dict[str, list[str]] = {}
    for parts in discover_relative(catalogue):
        found.setdefault(parts[0], []).append("/".join(parts))
    return {d: sorted(f) for d, f in sorted(found.items()) if f"{d}/{DEPARTMENT_FILE}" in f}


def split_departments(sizes: dict[str, int], count: int) -> list[list[str]]:
    """Deal departments into `count` groups of about equal size, largest first (deterministic)."""
    groups: list[list[str]] = [[] for _ in range(count)]
    loads = [0] * count
    for department in sorted(sizes, key=lambda d: (-sizes[d], d)):
        smallest = min(range(count), key=lambda i: (loads[i], i))
        groups[smallest].append(department)
        loads[smallest] += sizes[department]
    return [sorted(group) for group in groups]


def foreign_files(catalogue: Catalogue, departments: set[str], root: Path, catalogue_dir: Path) -> list[str]:
    """Files of other departments that the pages of `departments` show: the fee bases their records charge by and
    the public records elsewhere that charge by their fee bases (catalogue-relative paths)."""
    base = catalogue_dir.resolve().relative_to(root.resolve()).as_posix() + "/" if catalogue_dir.resolve() != root.resolve() else ""
    wanted = set()
    for entry in catalogue.entries.values():
        mine = entry.department.id in departments
        for fee in catalogue.fees_of(entry) if mine else ():
            if fee.department.id not in departments:
                wanted.add(fee.source)
        if not mine and not entry.is_secret and any(f.department.id in departments for f in catalogue.fees_of(entry)):
            wanted.add(entry.source)
    return sorted(source.removeprefix(base) for source in wanted)


@dataclass(frozen=True)
class Plan:
    digest: str  # generator.cache.inputs_digest of what the check job checked
    strict: bool
    departments: list[list[str]]  # per department part (index 1…N at list index 0…N-1)
    foreign: list[list[str]]

    @property
    def count(self) -> int:
        return len(self.departments)

    def files_of(self, spec: PartSpec, files: dict[str, list[str]]) -> frozenset[str]:
        """The files part `spec` loads (the site part: all of them)."""
        if spec.is_site:
            return frozenset(f for department in files.values() for f in department)
        own = self.departments[spec.index - 1]
        chosen = {f"{d}/{DEPARTMENT_FILE}" for d in files} | set(self.foreign[spec.index - 1])
        for department in own:
            chosen.update(files.get(department, []))
        return frozenset(chosen)

    def dumps(self) -> str:
        data = {"format": FORMAT, "digest": self.digest, "strict": self.strict, "parts": self.count,
                "departments": self.departments, "foreign": self.foreign}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_plan(path: Path) -> Plan:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(data.get("format"))
        plan = Plan(str(data["digest"]), bool(data["strict"]), [[str(d) for d in g] for g in data["departments"]],
                    [[str(f) for f in g] for g in data["foreign"]])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"分部构建计划 {path} 无法读取或格式不对（{exc}）：请用同一版本的 gongkai parts 重新生成。") from None
    if plan.count != int(data["parts"]) or len(plan.foreign) != plan.count:
        raise ConfigError(f"分部构建计划 {path} 内容不一致：请重新生成。")
    return plan


def make_plan(catalogue: Catalogue, catalogue_dir: Path, count: int, digest: str, strict: bool) -> Plan:
    """The plan for a catalogue whose whole check has passed (`catalogue` is its resolved result)."""
    files = department_files(catalogue_dir)
    groups = split_departments({d: len(f) for d, f in files.items()}, count)
    root = catalogue_dir.resolve().parent
    return Plan(digest, strict, groups, [foreign_files(catalogue, set(g), root, catalogue_dir) for g in groups])
