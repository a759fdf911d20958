"""Revision manifests: revisions/<id>.json, deterministic JSON, read back in sequence order."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.errors import GongkaiError
from generator.files import describe, read_regular
from generator.paths import display_path

FORMAT = 1
REVISION_ID = re.compile(r"^[0-9][a-z0-9]*(-[a-z0-9]+)*$")  # starts with a digit: never collides with site folders
PUBLIC_ACTIONS = ("added", "changed", "abolished")
ACTION_LABELS = {"added": "新增", "changed": "变更", "abolished": "取消", "withdrawn": "转为不公开", "correction": "文字修改"}
REDACTED_KEYS = ("action", "name")  # all a change keeps of a record that is secret now (redact.py)


def is_redacted(change: dict[str, Any]) -> bool:
    """A change about a record that is secret now: it names the record and nothing else, not even its id."""
    return "id" not in change


class RevisionError(GongkaiError):
    """A manifest is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Revision:
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def date(self) -> date:
        return date.fromisoformat(self.data["date"])

    @property
    def sequence(self) -> int:
        return self.data["sequence"]

    @property
    def note(self) -> str:
        return self.data.get("note", "")

    @property
    def changes(self) -> list[dict[str, Any]]:
        return self.data["changes"]

    @property
    def public_changes(self) -> list[dict[str, Any]]:
        """Added, changed and abolished records that are still public (a redacted change has no details to show)."""
        return [c for c in self.changes if c["action"] in PUBLIC_ACTIONS and not is_redacted(c)]

    @property
    def snapshot(self) -> dict[str, Any]:
        return self.data["snapshot"]

    def count(self, action: str) -> int:
        return sum(c["action"] == action for c in self.changes)


def dumps(data: dict[str, Any]) -> bytes:
    """Byte-stable: sorted keys, fixed indentation, UTF-8, trailing newline."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def default_revisions_dir(catalogue: Path) -> Path:
    return catalogue.resolve().parent / "revisions"


def _read(path: Path) -> Revision:
    try:
        data = json.loads(read_regular(path))
    except OSError as exc:
        raise RevisionError(f"修订记录文件 {display_path(path)} 无法读取：{describe(exc)}。") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:  # RecursionError: nesting too deep
        raise RevisionError(f"修订记录文件 {display_path(path)} 不是有效的 JSON：{exc}。请勿手工删改修订记录。") from None
    required = ("format", "id", "date", "sequence", "changes", "snapshot")
    if not isinstance(data, dict) or any(k not in data for k in required):
        raise RevisionError(f"修订记录文件 {display_path(path)} 缺少必需的字段（{'、'.join(required)}）。请勿手工删改修订记录。")
    if data["id"] != path.stem:
        raise RevisionError(f"修订记录文件 {display_path(path)} 的 id“{data['id']}”与文件名不一致。")
    return Revision(data)


def load_revisions(folder: Path) -> list[Revision]:
    """Every manifest in `folder`, oldest first. An absent folder means no revision has been cut yet."""
    if not folder.is_dir():
        return []
    revisions = sorted((_read(p) for p in folder.glob("*.json")), key=lambda r: r.sequence)
    for index, revision in enumerate(revisions, start=1):
        if revision.sequence != index:
            raise RevisionError(f"修订记录序号不连续：{revision.id} 的序号是 {revision.sequence}，应为 {index}。")
    return revisions


def rewrite_revision(folder: Path, revision: Revision) -> bool:
    """Replace a manifest (only redaction does this: a record became secret); False when its bytes are unchanged."""
    path = folder / f"{revision.id}.json"
    content = dumps(revision.data)
    if path.is_file() and path.read_bytes() == content:
        return False
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    temporary.replace(path)
    return True


def write_revision(folder: Path, revision: Revision) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{revision.id}.json"
    if path.exists():
        raise RevisionError(f"{display_path(path)} 已存在。修订记录一经生成不再改写，请换一个 --id。")
    path.write_bytes(dumps(revision.data))
    return path
