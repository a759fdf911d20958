"""Stage 4, resolve: cross-record references, folder ownership, inheritance and templates."""

from __future__ import annotations

import os
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from generator.catalogue import Catalogue, DepartmentEntry, Entry
from generator.diagnostics import Diagnostic, Severity
from generator.load import RawDocument
from generator.models import Department, Power, ProcedureTemplate, SecretPower, ServiceItem
from generator.models.charging import fee_ids
from generator.rules import present, problem
from generator.steps import merge_steps
from generator.validate import Validated


def _source(raw: RawDocument, root: Path) -> str:
    """The file relative to the project root, as `Path.resolve().relative_to(...)` gives it, or as shown."""
    resolved, base = _resolved(raw.path), _resolved_folder(str(root))
    prefix = base if base.endswith(os.sep) else base + os.sep
    if not resolved.startswith(prefix):
        return raw.shown
    rest = resolved[len(prefix):]
    return rest if os.sep == "/" else Path(rest).as_posix()


@lru_cache(maxsize=4096)
def _resolved_folder(folder: str) -> str:
    return str(Path(folder).resolve())


@lru_cache(maxsize=4096)
def _links_in(folder: str) -> frozenset[str]:
    """The names of the symbolic links in a folder: one scandir (its file types) instead of an lstat per file."""
    try:
        with os.scandir(folder or ".") as scan:
            return frozenset(entry.name for entry in scan if entry.is_symlink())
    except OSError:
        return frozenset()


def _resolved(path: Path) -> str:
    """str(path.resolve()), one realpath per folder instead of per file (a symlinked file is resolved itself)."""
    folder, name = os.path.split(str(path))
    if name in ("", ".", "..") or name in _links_in(folder):
        return str(path.resolve())
    return os.path.join(_resolved_folder(folder or "."), name)


def _known_ids(documents: list[RawDocument], kind: str) -> set[str]:
    """Ids present in files of a kind, valid or not, so one broken record does not cascade into many."""
    return {str(d.data.get("id")) for d in documents if d.kind == kind and isinstance(d.data, dict)}


def _department_checks(items: list[Validated], documents: list[RawDocument]) -> Iterator[Diagnostic]:
    for item in items:
        if item.raw.kind == "department" and item.record.id != item.raw.folder:
            yield problem(item, ("id",), f"部门编号“{item.record.id}”应与所在文件夹“{item.raw.folder}”相同。")
    with_department = {d.folder for d in documents if d.kind == "department"}
    reported: set[str] = set()
    for doc in documents:
        if doc.folder not in with_department and doc.folder not in reported:
            reported.add(doc.folder)
            yield Diagnostic(doc.shown, 1, 1, message=f"部门文件夹“{doc.folder}”缺少 department.yaml。请先为该部门建立部门信息文件。")


def _identity_checks(items: list[Validated]) -> Iterator[Diagnostic]:
    first_seen: dict[str, Validated] = {}
    for item in items:
        rid = item.record.id
        if item.raw.kind != "department" and rid != item.raw.path.stem:
            yield problem(item, ("id",), f"编号“{rid}”应与文件名“{item.raw.path.stem}”相同。请修改编号或重命名文件。")
        key = f"{item.raw.kind == 'department'}:{rid}"
        if key in first_seen:
            yield problem(item, ("id",), f"编号“{rid}”已被 {first_seen[key].raw.shown} 使用。编号必须全目录唯一，请换一个编号。")
        else:
            first_seen[key] = item


def _reference_checks(item: Validated, known: dict[str, set[str]], templates: dict[str, ProcedureTemplate]) -> Iterator[Diagnostic]:
    record = item.record
    departments = known["department"]
    if record.department not in departments:
        choices = f"已有的部门编号：{'、'.join(sorted(departments))}" if departments else "部门编号；目录中还没有部门，请先建立 department.yaml"
        yield problem(item, ("department",), f"部门“{record.department}”不存在。请填写 catalogue/ 下{choices}。")
    elif record.department != item.raw.folder:
        yield problem(item, ("department",), f"记录属于部门“{record.department}”，却放在了部门“{item.raw.folder}”的文件夹中。请把文件移到 catalogue/{record.department}/ 下，或改正实施主体。")
    fees = known["fees"]
    for loc, fee_id in _fee_references(record):
        if fee_id not in fees:
            yield problem(item, loc, f"收费依据“{fee_id}”不存在。请填写 fees/ 中已有的收费依据编号。")
    for i, body in enumerate(getattr(record, "joint_bodies", [])):
        if body.department and body.department not in departments:
            yield problem(item, ("joint_bodies", i, "department"), f"部门“{body.department}”不存在。联办机构不在本目录中的，只填名称，不填部门编号。")
    yield from _procedure_checks(item, templates)


def _fee_references(record: object) -> Iterator[tuple[tuple, str]]:
    for i, fee_id in enumerate(getattr(record, "fee_bases", [])):
        yield ("fee_bases", i), fee_id
    for c, condition in enumerate(getattr(record, "fee_conditions", [])):
        for i, fee_id in enumerate(condition.fee_bases):
            yield ("fee_conditions", c, "fee_bases", i), fee_id


def _procedure_checks(item: Validated, templates: dict[str, ProcedureTemplate]) -> Iterator[Diagnostic]:
    record = item.record
    procedure = getattr(record, "procedure", None)
    if procedure is None:
        return
    template = templates.get(procedure.template) if procedure.template else None
    if procedure.template and template is None:
        yield problem(item, ("procedure", "template"), f"流程模板“{procedure.template}”不存在。可用模板：{'、'.join(sorted(templates))}。")
        return
    template_steps = {s.id: s for s in template.steps} if template else {}
    known = set(template_steps) | {s.id for s in procedure.steps if s.id}
    for i, step in enumerate(procedure.steps):
        loc = ("procedure", "steps", i)
        if step.ref and step.ref not in template_steps:
            hint = f"模板“{procedure.template}”的环节有：{'、'.join(template_steps)}。" if template else "引用模板环节前，请先填写流程模板（template）。"
            yield problem(item, loc + ("ref",), f"模板环节“{step.ref}”不存在。{hint}")
        if step.after and step.after not in known:
            yield problem(item, loc + ("after",), f"插入位置“{step.after}”不是已有的环节编号。")
    for i, right in enumerate(getattr(record, "rights", [])):
        if right.step and right.step not in known:
            yield problem(item, ("rights", i, "step"), f"所在环节“{right.step}”不是本流程中的环节编号。")


def _template_suggestion(item: Validated, templates: dict[str, ProcedureTemplate], fitting_by_category: dict[str, list[str]]) -> Iterator[Diagnostic]:
    record = item.record
    if not isinstance(record, Power):
        return
    category = record.category.value
    if category not in fitting_by_category:  # once per category, not per record
        fitting_by_category[category] = sorted(t.id for t in templates.values() if category in t.applies_to)
    fitting = fitting_by_category[category]
    # Any template serving the category will do; only a general one (not one law's procedure) makes it expected.
    general = [t for t in fitting if templates[t].general]
    procedure = record.procedure
    if general and (procedure.template if procedure else None) not in fitting and not (procedure and procedure.no_template_reason):
        yield problem(item, ("procedure", "template"), f"“{record.category.value}”有法定程序模板（{'、'.join(general)}），本职权未使用。请在办理流程中填写 template。", Severity.WARNING)


def _inherit(item: Validated, department: Department, templates: dict[str, ProcedureTemplate], root: Path) -> Entry:
    record = item.record
    if isinstance(record, SecretPower):  # nothing to inherit: only its non-disclosure entry is ever shown
        return Entry(kind=item.raw.kind, record=record, source=_source(item.raw, root), department=department, contact=None, supervision=None, complaints=())
    procedure = getattr(record, "procedure", None)
    template = templates.get(procedure.template) if procedure and procedure.template else None
    return Entry(
        kind=item.raw.kind,
        record=record,
        source=_source(item.raw, root),
        department=department,
        contact=record.contact or department.contact,
        supervision=record.supervision or department.supervision,
        complaints=tuple(record.complaint_channels if record.complaint_channels is not None else department.complaint_channels),
        steps=merge_steps(procedure, template, getattr(record, "rights", [])) if procedure or template else (),
        template=template,
    )


def _channel_checks(item: Validated, entry: Entry) -> Iterator[Diagnostic]:
    if entry.is_secret or not isinstance(entry.record, (Power, ServiceItem)):
        return
    supervision = entry.supervision

    def at(key: str) -> tuple | None:  # an inherited value is missing: point at the `department:` line
        return None if present(item, key) else ("department",)

    if isinstance(entry.record, Power) and not (supervision and (supervision.internal or supervision.external)):
        yield problem(item, ("supervision",), "没有监督方式：本记录和所属部门都没有填写监督机构或监督渠道。请在部门或本记录中填写 supervision。", at=at("supervision"))
    if not entry.complaints:
        yield problem(item, ("complaint_channels",), "没有投诉举报途径：本记录和所属部门都没有填写。请在部门或本记录中填写 complaint_channels（例如 12345 热线）。", at=at("complaint_channels"))
    if not (entry.contact and entry.contact.phone):
        yield problem(item, ("contact",), "缺少咨询电话：本记录和所属部门都没有填写联系电话。请在部门或本记录的 contact 中填写 phone。", Severity.WARNING, at=at("contact"))
    for channel in (supervision.internal + supervision.external if supervision else []) + list(entry.complaints):
        if not channel.has_contact():
            yield problem(item, ("supervision",), f"监督或投诉渠道“{channel.name}”没有联系方式（电话、地址、网址或邮箱）。", Severity.WARNING)
            break


def _fee_users(entries: dict[str, Entry]) -> dict[str, list[Entry]]:
    users: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries.values():
        if not entry.is_secret:
            for fee_id in fee_ids(entry.record):
                users[fee_id].append(entry)
    return dict(users)


def reference_diagnostics(items: list[Validated], documents: list[RawDocument], templates: dict[str, ProcedureTemplate]) -> list[Diagnostic]:
    """What is wrong between records (folders, ids, departments, fees, templates), without building the catalogue:
    `check` finds these in a helper process while this one resolves (generator/check.py)."""
    diagnostics = list(_department_checks(items, documents)) + list(_identity_checks(items))
    known = {kind: _known_ids(documents, kind) for kind in ("department", "fees")}  # once, not per record (O(N²) at 10k)
    fitting_by_category: dict[str, list[str]] = {}
    for item in items:
        if item.raw.kind != "department":
            diagnostics += _reference_checks(item, known, templates)
            diagnostics += _template_suggestion(item, templates, fitting_by_category)
    return diagnostics


def resolve(items: list[Validated], documents: list[RawDocument], templates: dict[str, ProcedureTemplate], root: Path,
            references: bool = True) -> tuple[Catalogue, list[Diagnostic]]:
    """The catalogue, and the problems found on the way; `references=False`: without reference_diagnostics (the
    caller finds them itself, or has no use for them)."""
    _resolved_folder.cache_clear()  # folders are resolved once per run: a long `serve` sees renamed links
    _links_in.cache_clear()
    diagnostics = reference_diagnostics(items, documents, templates) if references else []
    departments = {i.record.id: DepartmentEntry(i.record, _source(i.raw, root)) for i in items if i.raw.kind == "department"}
    entries: dict[str, Entry] = {}
    for item in items:
        if item.raw.kind == "department":
            continue
        department = departments.get(item.record.department)
        if department is None or item.record.id in entries:
            continue
        entry = _inherit(item, department.record, templates, root)
        diagnostics += _channel_checks(item, entry)
        entries[entry.id] = entry
    return catalogue_of(departments, entries, templates), diagnostics


def catalogue_of(departments: dict[str, DepartmentEntry], entries: dict[str, Entry], templates: dict[str, ProcedureTemplate]) -> Catalogue:
    """The catalogue of resolved departments and entries, in the order every stage reads them."""
    ordered = dict(sorted(entries.items(), key=lambda kv: (kv[1].kind, kv[1].department.id, kv[0])))
    return Catalogue(dict(sorted(departments.items())), ordered, templates, _fee_users(ordered))
