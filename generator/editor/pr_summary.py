"""Pull-request summary: which records changed, which fields, and before/after images of every changed chart.

    python -m generator.editor.pr_summary --base origin/main [--charts-dir pr-charts] [--artifact-url URL]

The base tree is the merge base of --base and HEAD, exported with `git archive`; both trees go through the
normal check pipeline, so a chart counts as changed whenever its resolved DOT source differs — also when only
a template in flowcharts/ changed. Writes Markdown to $GITHUB_STEP_SUMMARY when set, else to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel

from generator.catalogue import Catalogue, Entry
from generator.check import check_catalogue
from generator.errors import GongkaiError
from generator.fieldinfo import lookup
from generator.git import export_tree, git
from generator.load import RawDocument, load_catalogue, load_yaml_file
from generator.models import KIND_LABELS, ProcedureTemplate, SecretPower
from generator.render.text import md_escape
from generator.validate import model_for, model_for_document

MAX_ROWS = 200  # a summary is capped at 1 MiB by GitHub; a mass edit lists its first fields only


@dataclass(frozen=True)
class FieldChange:
    key: str
    label: str
    before: str | None
    after: str | None


@dataclass
class RecordChange:
    path: str
    kind: str
    name: str
    status: str  # 新增 / 删除 / 修改
    fields: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class ChartChange:
    entry_id: str
    name: str
    before: str | None  # SVG file names inside the charts folder
    after: str | None


def _flatten(value: Any, loc: tuple = ()) -> dict[tuple, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _flatten(item, loc + (key,)).items()} or {loc: {}}
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        return {k: v for i, item in enumerate(value) for k, v in _flatten(item, loc + (i,)).items()} or {loc: []}
    return {loc: value}


def _key_text(loc: tuple) -> str:
    return "".join(f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc))


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return "；".join(_value_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def field_changes(model: type[BaseModel], before: Any, after: Any) -> list[FieldChange]:
    old = _flatten(before if isinstance(before, dict) else {})
    new = _flatten(after if isinstance(after, dict) else {})
    changes = []
    for loc in sorted(set(old) | set(new), key=lambda loc: [str(p).zfill(6) if isinstance(p, int) else p for p in loc]):
        a, b = old.get(loc), new.get(loc)
        if a != b:
            label = lookup(model, tuple(loc)).label if loc else ""
            changes.append(FieldChange(_key_text(loc), label, None if loc not in old else _value_text(a),
                                       None if loc not in new else _value_text(b)))
    return changes


def _documents(catalogue: Path) -> dict[str, RawDocument]:
    if not catalogue.is_dir():
        return {}
    return {d.path.relative_to(catalogue).as_posix(): d for d in load_catalogue(catalogue).documents}


def _name(doc: RawDocument | None) -> str:
    return str(doc.data.get("name", "")) if doc is not None and isinstance(doc.data, dict) else ""


def is_secret(doc: RawDocument | None) -> bool:
    return doc is not None and model_for_document(doc) is SecretPower


def _shown(doc: RawDocument | None, secret: bool) -> Any:
    """What the summary may show of one side: of a record that is secret on either side, only the entry the
    不公开事项目录 publishes (the summary is as public as the repository; the rest stays out even if a file holds it)."""
    if doc is None or not isinstance(doc.data, dict):
        return None
    if not secret:
        return doc.data
    secrecy = doc.data.get("secrecy") if doc.data.get("secret") is True else None
    listing = {key: secrecy.get(key) for key in ("reason", "basis")} if isinstance(secrecy, dict) else {}
    return {"name": doc.data.get("name"), "secrecy": {k: v for k, v in listing.items() if v is not None}}


def record_changes(before: Path, after: Path, prefix: str) -> list[RecordChange]:
    old, new = _documents(before), _documents(after)
    changes = []
    for rel in sorted(set(old) | set(new)):
        a, b = old.get(rel), new.get(rel)
        if a is not None and b is not None and a.data == b.data:
            continue
        doc = b or a
        assert doc is not None
        secret = is_secret(a) or is_secret(b)
        before_data, after_data = _shown(a, secret), _shown(b, secret)
        if a is not None and b is not None and before_data == after_data:
            continue  # a secret power's change that publishes nothing is not listed at all
        status = "新增" if a is None else "删除" if b is None else "修改"
        fields = field_changes(SecretPower if secret else model_for(doc.kind), before_data, after_data) if status == "修改" else []
        kind = KIND_LABELS["secret-power"] if is_secret(doc) else KIND_LABELS.get(doc.kind, doc.kind)
        changes.append(RecordChange(f"{prefix}/{rel}", kind, _name(b) or _name(a), status, fields))
    return changes


def secret_ids(documents: dict[str, RawDocument]) -> set[str]:
    """Ids of records secret in a tree, read from the files (a file that fails its check still counts)."""
    found: set[str] = set()
    for doc in documents.values():
        if is_secret(doc):
            found |= {doc.path.stem, str(doc.data.get("id"))}
    return found


def _templates(folder: Path) -> dict[str, Any]:
    found = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        data, problem = load_yaml_file(path)
        found[path.name] = data if problem is None else {"（无法解析）": problem.message}
    return found


def template_changes(before: Path, after: Path, prefix: str) -> list[RecordChange]:
    old, new = _templates(before), _templates(after)
    changes = []
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        status = "新增" if a is None else "删除" if b is None else "修改"
        title = str((b or a or {}).get("name", name))
        fields = field_changes(ProcedureTemplate, a, b) if status == "修改" else []
        changes.append(RecordChange(f"{prefix}/{name}", "流程模板", title, status, fields))
    return changes


def _charted(catalogue: Catalogue, hidden: set[str]) -> dict[str, Entry]:
    return {e.id: e for e in catalogue.public() if e.steps and e.id not in hidden}


def chart_sources(catalogue: Catalogue, dot_of: Callable[[Entry], str], hidden: set[str] = frozenset()) -> dict[str, tuple[str, str]]:  # type: ignore[assignment]
    """entry id → (name, DOT source) for every public entry with a procedure, except the `hidden` ones."""
    return {rid: (entry.name, dot_of(entry)) for rid, entry in sorted(_charted(catalogue, hidden).items())}


def render_svg(dot_source: str) -> bytes:
    """A chart body's SVG as the site shows it (node text set, shared legend below)."""
    from generator.charts.render import render_one

    return render_one(dot_source, "流程图")


def chart_changes(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]], out: Path | None,
                  render: Callable[[str], bytes] = render_svg) -> list[ChartChange]:
    changes = []
    for rid in sorted(set(before) | set(after)):
        a, b = before.get(rid), after.get(rid)
        if a is not None and b is not None and a[1] == b[1]:
            continue
        names = {}
        for side, item in (("before", a), ("after", b)):
            if item is not None and out is not None:
                out.mkdir(parents=True, exist_ok=True)
                (out / f"{rid}-{side}.svg").write_bytes(render(item[1]))
            names[side] = f"{rid}-{side}.svg" if item is not None else None
        changes.append(ChartChange(rid, (b or a)[0], names["before"], names["after"]))  # type: ignore[index]
    return changes


def _cell(value: str | None) -> str:
    """A field absent on one side is 未填写 (the page shows 未公布), which is not the same as "none"."""
    return "（未填写）" if value is None else (md_escape(value) or "（空）")


def markdown(records: list[RecordChange], charts: list[ChartChange], artifact_url: str | None) -> str:
    out = ["## 本次修改的记录", ""]
    if not records:
        out += ["没有修改任何记录。", ""]
    rows = 0
    for change in records:
        out.append(f"### {change.status}{md_escape(change.kind)}：{md_escape(change.name) or '（未命名）'}")
        out += ["", f"文件：`{change.path}`", ""]
        if change.fields:
            out += ["| 字段 | 名称 | 修改前 | 修改后 |", "| --- | --- | --- | --- |"]
            for f in change.fields:
                if rows >= MAX_ROWS:
                    out.append("| … | | | 修改过多，其余字段未列出 |")
                    break
                rows += 1
                out.append(f"| `{f.key}` | {md_escape(f.label)} | {_cell(f.before)} | {_cell(f.after)} |")
            out.append("")
    out += ["## 流程图变化", ""]
    if not charts:
        out += ["没有流程图发生变化。", ""]
    for chart in charts:
        out.append(f"- **{md_escape(chart.name)}**（`{chart.entry_id}`）：修改前 {_file(chart.before)}，修改后 {_file(chart.after)}")
    if charts:
        where = f"[本次运行的附件]({artifact_url})" if artifact_url else "本次运行的附件"
        out += ["", f"修改前后的流程图（SVG）已作为附件 `pr-charts` 上传，见{where}。", ""]
    return "\n".join(out) + "\n"


def _file(name: str | None) -> str:
    return f"`{name}`" if name else "（无）"


def summarise(repo: Path, base: str, catalogue: str, flowcharts: str, charts_dir: Path | None, artifact_url: str | None,
              dot_of: Callable[[Entry], str] | None = None) -> str:
    merge_base = git("merge-base", base, "HEAD", cwd=repo).decode().strip()
    if dot_of is None:
        from generator.charts.dot import chart_body_dot as dot_of
    with tempfile.TemporaryDirectory(prefix="gongkai-base-") as tmp:
        old_root = Path(tmp)
        export_tree(repo, merge_base, [catalogue, flowcharts], old_root)
        records = record_changes(old_root / catalogue, repo / catalogue, catalogue)
        records += template_changes(old_root / flowcharts, repo / flowcharts, flowcharts)
        old = check_catalogue(old_root / catalogue, old_root / flowcharts if (old_root / flowcharts).is_dir() else None, root=old_root)
        new = check_catalogue(repo / catalogue, repo / flowcharts if (repo / flowcharts).is_dir() else None, root=repo)
        hidden = secret_ids(_documents(repo / catalogue))  # secret now: not even its earlier chart is drawn
        charts = chart_changes(chart_sources(old.catalogue, dot_of, hidden), chart_sources(new.catalogue, dot_of, hidden), charts_dir)
    return markdown(records, charts, artifact_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.editor.pr_summary", description="列出拉取请求修改的记录、字段和流程图")
    parser.add_argument("--base", required=True, help="目标分支，例如 origin/main")
    parser.add_argument("--catalogue", default="catalogue")
    parser.add_argument("--flowcharts", default="flowcharts")
    parser.add_argument("--charts-dir", type=Path, default=None, help="修改前后流程图 SVG 的输出文件夹")
    parser.add_argument("--artifact-url", default=None, help="附件所在页面的网址，写进摘要")
    parser.add_argument("--out", type=Path, default=None, help="输出文件（默认 $GITHUB_STEP_SUMMARY，否则标准输出）")
    args = parser.parse_args(argv)
    try:
        repo = Path(git("rev-parse", "--show-toplevel", cwd=Path.cwd()).decode().strip())
        text = summarise(repo, args.base, args.catalogue, args.flowcharts, args.charts_dir, args.artifact_url)
    except GongkaiError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    target = args.out or (Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None)
    if target is None:
        sys.stdout.write(text)
    else:
        with target.open("a", encoding="utf-8") as out:
            out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
