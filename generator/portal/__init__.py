"""The publishing office's site data beside the catalogue, in <project>/portal/:

- synonyms.yaml: the words people type (低保, 开店, 12345) and what the search looks for instead;
- home.yaml: the home page's 常用事项, in order.

Both are optional. A file that cannot be read, or an entry that is wrong, is reported as a note and left out: it
never stops a build. Loaded once per build (`load_portal`); the search words are published as search/synonyms.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.load import load_yaml_file
from generator.models.base import Model, RecordId, Text, field as model_field

PORTAL_DIR = "portal"
SYNONYMS_FILE = "synonyms.yaml"
HOME_FILE = "home.yaml"
SYNONYMS_URL = "search/synonyms.json"


class Synonym(Model):
    words: list[Text] = model_field("群众说法", "群众可能输入的说法，例如“低保”“开店”。整句输入与其中一个相同时（繁体也算）改为搜索 search。", min_length=1)
    search: list[Text] = model_field("搜索用词", "实际搜索的词，按顺序，先列的结果排在前面。要保留原词本身的结果，把原词也写进来。", min_length=1, max_length=6)
    note: Text | None = model_field("提示", "可选：显示在搜索结果上方的一句话，例如 12345 热线的用途。", default=None)


class Home(Model):
    popular: list[RecordId] = model_field("常用事项", "首页“常用事项”列出的记录编号（文件名去掉 .yaml），按顺序。", default_factory=list)


@dataclass(frozen=True)
class Portal:
    synonyms: tuple[Synonym, ...] = ()
    popular: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    def synonyms_json(self) -> bytes:
        """{"words": {"低保": 0, "吃低保": 0, …}, "entries": [{"search": ["最低生活保障"], "note": "…"}, …]}: what
        search.js looks a (simplified) query up in. Each entry is written once, however many words lead to it."""
        words: dict[str, int] = {}
        entries = []
        for number, entry in enumerate(self.synonyms):
            entries.append({"search": entry.search, **({"note": entry.note} if entry.note else {})})
            for word in entry.words:
                words.setdefault(word, number)
        table = {"words": words, "entries": entries}
        return (json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def _read(path: Path, notes: list[str]) -> Any:
    if not path.is_file():
        return None
    data, problem = load_yaml_file(path)
    if problem is not None:
        notes.append(f"{problem.path}:{problem.line}: {problem.message}（本文件暂不使用）")
        return None
    return data


def _problems(exc: ValidationError) -> str:
    return "；".join(f"{'.'.join(map(str, e['loc'])) or '整条'}：{e['msg']}" for e in exc.errors())


def _synonyms(path: Path, notes: list[str]) -> tuple[Synonym, ...]:
    data = _read(path, notes)
    if data is None:
        return ()
    data = data.get("synonyms") if isinstance(data, dict) else None
    if not isinstance(data, list):
        notes.append(f"{path}: 应写成 synonyms: 下的一个列表，每条写 words、search（可选 note）。本文件暂不使用。")
        return ()
    kept = []
    for number, item in enumerate(data, 1):
        try:
            kept.append(Synonym.model_validate(item))
        except ValidationError as exc:
            notes.append(f"{path}: 第 {number} 条有误，暂不使用：{_problems(exc)}")
    return tuple(kept)


def _popular(path: Path, notes: list[str], public_ids: set[str]) -> tuple[str, ...]:
    data = _read(path, notes)
    if data is None:
        return ()
    try:
        home = Home.model_validate(data)
    except ValidationError as exc:
        notes.append(f"{path}: 有误，首页常用事项暂不显示：{_problems(exc)}")
        return ()
    unknown = [i for i in home.popular if i not in public_ids]
    if unknown:
        notes.append(f"{path}: 常用事项中这些编号不是公开的事项，已略去：{'、'.join(unknown)}")
    return tuple(dict.fromkeys(i for i in home.popular if i in public_ids))


def load_portal(project_dir: Path | None, public_ids: set[str]) -> Portal:
    """The portal data of `project_dir` (none without one); `public_ids`: the records a popular item may name."""
    if project_dir is None:
        return Portal()
    folder = project_dir / PORTAL_DIR
    notes: list[str] = []
    return Portal(_synonyms(folder / SYNONYMS_FILE, notes), _popular(folder / HOME_FILE, notes, public_ids), notes)
