"""CODEOWNERS from the department records: each department folder is reviewed by its own team.

The core team owns everything else (flowcharts/, generator/, the site configuration). The core team is written
into the file's header, so `check` can regenerate the same file and tell when it is stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.paths import display_path

DEFAULT_CORE_TEAM = "@qinghe-county/publishing-office"
FILE_NAME = "CODEOWNERS"
_CORE_MARKER = re.compile(r"^# core-team: (\S+)\s*$", re.M)
_TEAM = re.compile(r"^@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$|^[^@\s]+@[^@\s]+$")


@dataclass(frozen=True)
class Owner:
    folder: str  # department folder name
    team: str | None


def valid_team(team: str) -> bool:
    """@org/team, @user or an e-mail address: what GitHub accepts as a code owner."""
    return bool(_TEAM.match(team))


def render(owners: list[Owner], catalogue_prefix: str, core_team: str) -> str:
    lines = [
        "# 本文件由 `gongkai codeowners` 根据各部门的 department.yaml（owner_team）生成，请勿手工修改。",
        "# 修改负责团队：编辑部门的 owner_team，然后运行 gongkai codeowners。",
        f"# core-team: {core_team}",
        "",
        f"*  {core_team}",
        f"/flowcharts/  {core_team}",
        f"/generator/  {core_team}",
        "",
    ]
    for owner in sorted(owners, key=lambda o: o.folder):
        if not owner.team:  # comments on their own line: GitHub reads CODEOWNERS like .gitignore
            lines.append(f"# {owner.folder}：部门未填写 owner_team，由核心团队审核")
        lines.append(f"/{catalogue_prefix}/{owner.folder}/  {owner.team or core_team}")
    return "\n".join(lines) + "\n"


def core_team_of(text: str) -> str:
    found = _CORE_MARKER.search(text)
    return found.group(1) if found else DEFAULT_CORE_TEAM


def catalogue_prefix(catalogue: Path, root: Path) -> str:
    try:
        return catalogue.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return catalogue.name


def stale_diagnostic(path: Path, current: str, expected: str) -> Diagnostic | None:
    """None when up to date; else a diagnostic on the first line that differs."""
    if current == expected:
        return None
    have, want = current.splitlines(), expected.splitlines()
    line = next((i for i, (a, b) in enumerate(zip(have, want)) if a != b), min(len(have), len(want))) + 1
    return Diagnostic(
        display_path(path), line, 1,
        message="CODEOWNERS 与各部门的负责团队（owner_team）不一致，已过期。请运行 gongkai codeowners 重新生成并提交。",
    )
