"""The editor stage of `check`: a stale CODEOWNERS, placeholders left by `gongkai new`, and filler pasted from
a source list in place of content (待定, 暂无, 见附件 …)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from generator.diagnostics import Diagnostic, Severity
from generator.editor import codeowners
from generator.editor.scaffold import PLACEHOLDER
from generator.fieldinfo import lookup
from generator.files import describe, read_regular
from generator.load import RawDocument
from generator.paths import display_path
from generator.rules import problem
from generator.validate import Validated, model_for


def _strings(data: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, loc + (i,))
    elif isinstance(data, str):
        yield loc, data


def placeholder_diagnostics(documents: list[RawDocument]) -> Iterator[Diagnostic]:
    for doc in documents:
        if not doc.may_contain(PLACEHOLDER):  # a byte search, instead of walking 10,000 record trees
            continue
        for loc, text in _strings(doc.data):
            if text.strip().startswith(PLACEHOLDER):
                field = lookup(model_for(doc.kind), loc)
                yield Diagnostic(doc.shown, label=field.label, key=field.key, loc=loc,
                                 message=f"还是 gongkai new 生成的占位文字“{text.strip()}”，请填写实际内容。")


# A whole value that stands for "the source did not say": it would be published as if it were content.
FILLER = re.compile(
    r"^[（(【\[]?\s*(?:未载明?|未列明|未注明|未明确|待定|待补充|待完善|待核实|暂无|暂缺|暂未公布|(?:详)?见附件.*|略|同上|不详|空白?|无内容|"
    r"N/?A|/|-+|—+|…+|\.{3,})\s*[）)】\]]?[。.]?$|^[（(【\[]\s*原清单[^）)】\]]*[）)】\]]$",
    re.IGNORECASE,
)
# A cheap test per file before its strings are walked: one of these words, or a short filler standing alone as a
# value at the end of a line (`key: 略`, `- "/"`). Two regexes over the decoded text: ~35 µs per 3 KB synthetic
# file (a quarter of validating it), against ~45 µs for fifteen byte searches plus a bytes regex and ~65 µs for
# one combined regex.
_FILLER_WORDS = re.compile("未载|未列明|未注明|未明确|待定|待补|待完善|待核实|暂无|暂缺|暂未|见附件|不详|无内容|原清单")
_SHORT_FILLER = re.compile(r"""[:-] ['"]?(?:略|同上|空白?|N/?A|n/?a|/|-+|—+|…+|\.{3,})['"]? *$""", re.MULTILINE)


def _may_hold_filler(raw: bytes) -> bool:
    text = raw.decode("utf-8", "replace")
    return bool(_FILLER_WORDS.search(text) or _SHORT_FILLER.search(text)) or "\\" in text


def _is_filler(text: str) -> bool:
    return bool(FILLER.match(text.strip()))


def filler_diagnostics(documents: list[RawDocument]) -> Iterator[Diagnostic]:
    for doc in documents:
        if doc.raw is not None and not _may_hold_filler(doc.raw):
            continue
        for loc, text in _strings(doc.data):
            if _is_filler(text):
                field = lookup(model_for(doc.kind), loc)
                yield Diagnostic(doc.shown, severity=Severity.WARNING, label=field.label, key=field.key, loc=loc,
                                 message=f"“{text.strip()}”不是内容，会原样公开。原文没有写明的，请删掉这个字段（页面显示“未公布”），"
                                         "不要用“待定”“暂无”“见附件”之类的文字占位；有内容的，照原文填写。")


def codeowners_diagnostics(items: list[Validated], catalogue: Path, root: Path) -> Iterator[Diagnostic]:
    """Only for projects that keep a CODEOWNERS at their root, so test fixtures without one are unaffected."""
    for item in items:
        team = getattr(item.record, "owner_team", None) if item.raw.kind == "department" else None
        if team and not codeowners.valid_team(team):
            yield problem(item, ("owner_team",), f"“{team}”不是有效的负责团队。请写成 @组织/团队 的形式，例如 @qinghe-county/market-regulation。")
    path = root / codeowners.FILE_NAME
    if not path.is_file():
        return
    try:
        current = read_regular(path).decode("utf-8", errors="replace")
    except OSError as exc:
        yield Diagnostic(display_path(path), 1, 1, message=f"CODEOWNERS 无法读取：{describe(exc)}。")
        return
    owners = [codeowners.Owner(i.raw.folder, i.record.owner_team) for i in items if i.raw.kind == "department"]
    expected = codeowners.render(owners, codeowners.catalogue_prefix(catalogue, root), codeowners.core_team_of(current))
    found = codeowners.stale_diagnostic(path, current, expected)
    if found:
        yield found


def editor_diagnostics(documents: list[RawDocument], items: list[Validated], catalogue: Path, root: Path) -> list[Diagnostic]:
    return list(placeholder_diagnostics(documents)) + list(filler_diagnostics(documents)) + list(codeowners_diagnostics(items, catalogue, root))
