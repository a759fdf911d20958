"""The columns of every table export (CSV, XLSX, department package), defined once.

The downloads page documents exactly these columns, so the published documentation cannot drift
from the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from generator.catalogue import Catalogue, Entry
from generator.exports import elements as el
from generator.models import FeeBasis, Power, ServiceItem
from generator.models.charging import ChargeStatus, charge_status
from generator.models.common import LegalBasis, TimeLimit

Row = dict[str, str]
SEP = el.SEP


@dataclass(frozen=True)
class Column:
    header: str  # Chinese column header, as in the file
    doc: str  # what the column holds, for the downloads page
    get: Callable[..., object]


@dataclass(frozen=True)
class Table:
    key: str  # file stem, e.g. "powers"
    title: str  # sheet / catalogue name, e.g. 行政职权目录
    doc: str
    columns: tuple[Column, ...]
    rows: Callable[[Catalogue, str | None], Iterator[tuple]]  # (catalogue, department id or None) → row sources


STEP_LIMITS_HEADER = "环节时限"
STEP_LIMITS_DOC = ("各办理环节的法定时限和承诺时限，与页面和流程图相同；法律另有规定、由本事项改写的法定时限写明依据；"
                   "多个环节以“；”分隔。")


def _limit(limit: TimeLimit | None) -> str:
    return limit.text() if limit else ""


def _step_limits(entry: Entry) -> str:
    """Each step with a limit, worded as on the page: 名称：法定 …，承诺 …（计时方式）."""
    parts = []
    for step in entry.steps:
        said = [f"法定 {step.statutory_text()}" if step.statutory_limit else "",
                f"承诺 {step.promised_limit.describe()}" if step.promised_limit else "", step.timing_note()]
        if step.statutory_limit or step.promised_limit:
            parts.append(f"{step.name}：" + "，".join(x for x in said if x))
    return SEP.join(parts)


def _basis(b: LegalBasis) -> str:
    return f"《{b.title}》{b.article}"


def _phone(entry: Entry) -> str:
    return entry.contact.phone or "" if entry.contact else ""


def _fees(catalogue: Catalogue, entry: Entry) -> str:
    return SEP.join(f.name for f in catalogue.fees_of(entry))


def _charging(entry: Entry) -> str:
    """The record's charge status in words; empty for a power exercised ex officio (no fee to speak of)."""
    status = charge_status(entry.record)
    return "" if status is ChargeStatus.NOT_APPLICABLE else {ChargeStatus.CHARGED: "是", ChargeStatus.FREE: "否",
                                                              ChargeStatus.UNKNOWN: "未公布"}.get(status, status.value)


def _listed(items: list[str] | None) -> str:
    return "未公布" if items is None else SEP.join(items) or "无"


def _departments(catalogue: Catalogue, department: str | None) -> list[str]:
    """The whole catalogue's tables list department after department (id order), each with all its kinds, so that
    a department's rows are one run: its share of a split build (generator/exports/whole.py)."""
    return sorted(catalogue.departments) if department is None else [department]


def _entries(kind: str) -> Callable[[Catalogue, str | None], Iterator[tuple]]:
    def rows(catalogue: Catalogue, department: str | None) -> Iterator[tuple]:
        for one in _departments(catalogue, department):
            for entry in sorted(catalogue.of_department(one, kind), key=lambda e: e.id):
                yield (catalogue, entry)

    return rows


def _fee_rows(catalogue: Catalogue, department: str | None) -> Iterator[tuple]:
    for _, entry in _entries("fees")(catalogue, department):
        for standard in entry.record.standards:  # type: ignore[union-attr]
            yield (catalogue, entry, standard)


def _post_rows(catalogue: Catalogue, department: str | None) -> Iterator[tuple]:
    for _, entry in _entries("powers")(catalogue, department):
        for post in entry.record.posts:  # type: ignore[union-attr]
            yield (catalogue, entry, post)


def _common(name_header: str) -> tuple[Column, ...]:
    return (
        Column("编号", "记录编号，也是单条 JSON 文件名和页面地址的一部分。", lambda c, e, *_: e.id),
        Column(name_header, "事项的规范名称。", lambda c, e, *_: e.name),
        Column("实施主体", "负责本事项的部门全称。", lambda c, e, *_: e.department.name),
        Column("部门编号", "实施主体的部门编号。", lambda c, e, *_: e.department.id),
    )


def _tail() -> tuple[Column, ...]:
    return (
        Column("变更日期", "记录最近一次变更的日期（YYYY-MM-DD）。", lambda c, e, *_: e.record.changed_on.isoformat()),
        Column("页面地址", "网站上本事项页面的相对地址。", lambda c, e, *_: e.url + "/"),
    )


def _elements(record: Callable[[Entry], Power | ServiceItem]) -> tuple[Column, ...]:
    """The 办事指南 elements a power and a service item share (issue 21); empty where the record says nothing."""
    r = record
    return (
        Column("实施层级", "国家级、省级、市级、县级、乡镇（街道）级等，多项以“；”分隔。", lambda c, e: el.joined(r(e).levels)),
        Column("受理机关", "接收申请的机关（与实施主体不同时）。", lambda c, e: r(e).accepting_body or ""),
        Column("决定机关", "作出决定的机关（与实施主体不同时）。", lambda c, e: r(e).deciding_body or ""),
        Column("委托实施", "委托机关（委托文件、委托事项和权限、委托期限）。", lambda c, e: el.entrustment(r(e).entrustment)),
        Column("联办机构", "联办机构（承担的工作），多项以“；”分隔。", lambda c, e: el.joint_bodies(r(e).joint_bodies)),
        Column("办理方式", "窗口办理、网上办理、自助办理、邮寄办理，多项以“；”分隔。", lambda c, e: el.joined(r(e).handling_methods)),
        Column("网上办理深度", "可在网上完成的环节，多项以“；”分隔。", lambda c, e: el.joined(r(e).online_depth)),
        Column("网办深度等级", "省级平台公布的网办深度等级。", lambda c, e: r(e).online_grade or ""),
        Column("到办事现场次数", "申请人最多到现场的次数；空表示记录没有写明。", lambda c, e: "" if r(e).onsite_visits is None else str(r(e).onsite_visits)),
        Column("必须到现场的原因", "需要到现场的原因。", lambda c, e: r(e).onsite_reason or ""),
        Column("数量限制", "办理数量的限制。", lambda c, e: r(e).quantity_limit or ""),
        Column("中介服务", "名称（是否必须，提供机构，收费，依据），多项以“；”分隔。", lambda c, e: el.intermediaries(r(e).intermediaries)),
        Column("特别程序", "名称（时限，依据），所需时间不计算在办理时限内；多项以“；”分隔。", lambda c, e: el.special_procedures(r(e).special_procedures)),
        Column("特定情形收费", "一般不收费、特定情形收费的情形（收费依据），多项以“；”分隔。", lambda c, e: el.fee_conditions(c, e, r(e).fee_conditions)),
        Column("结果样本", "办理结果样本的网址。", lambda c, e: r(e).result_sample or ""),
        Column("送达方式", "办理结果的送达方式，多项以“；”分隔。", lambda c, e: el.joined(r(e).delivery)),
        Column("容缺受理", "可容缺的材料：补正承诺。", lambda c, e: el.waiver(r(e).deficiency_acceptance)),
        Column("告知承诺制", "以承诺代替的材料：承诺内容。", lambda c, e: el.waiver(r(e).commitment)),
        Column("常见问题", "问：… 答：…，多项以“；”分隔。", lambda c, e: el.faq(r(e).faq)),
    )


def _power(entry: Entry) -> Power:
    assert isinstance(entry.record, Power)
    return entry.record


def _service(entry: Entry) -> ServiceItem:
    assert isinstance(entry.record, ServiceItem)
    return entry.record


def _fee(entry: Entry) -> FeeBasis:
    assert isinstance(entry.record, FeeBasis)
    return entry.record


POWERS = Table(
    "powers", "行政职权目录", "每项公开的行政职权一行。",
    _common("职权名称") + (
        Column("职权类别", "行政许可、行政处罚等职权类别。", lambda c, e: _power(e).category.value),
        Column("权力类型", "所属的“五权”类型，例如 行政执法权。", lambda c, e: _power(e).category.power_class.value),
        Column("行使方式", "依申请 或 依职权。", lambda c, e: _power(e).exercise_mode.value if _power(e).exercise_mode else ""),
        Column("承办机构", "具体承办的内设机构。", lambda c, e: _power(e).office or ""),
        Column("实施依据", "《文件名称》条款，多条以“；”分隔。", lambda c, e: SEP.join(_basis(b) for b in _power(e).legal_basis)),
        Column("办件类型", "即办件、承诺件 或 一审一核。", lambda c, e: _power(e).handling_type.value if _power(e).handling_type else ""),
        Column("法定时限", "法定办理时限，含单位（工作日或自然日）和起算点；不是天数的时限照原文写。", lambda c, e: _limit(_power(e).statutory_limit)),
        Column("承诺时限", "承诺办理时限，含单位。", lambda c, e: _limit(_power(e).promised_limit)),
        Column(STEP_LIMITS_HEADER, STEP_LIMITS_DOC, lambda c, e: _step_limits(e)),
        Column("是否收费", "是、否、一般不收费，特定情形收费、特定情形收费 或 未公布（记录没有写明）；依职权的职权为空。", lambda c, e: _charging(e)),
        Column("收费依据", "收费项目名称，多项以“；”分隔。", lambda c, e: _fees(c, e)),
        Column("办理结果", "办理结果的名称。", lambda c, e: _power(e).result or ""),
        Column("基本编码", "GB/T 39046-2020 事项基本编码。", lambda c, e: _power(e).basic_code or ""),
        Column("实施编码", "GB/T 39046-2020 事项实施编码。", lambda c, e: _power(e).implementation_code or ""),
        Column("所属主项", "权力清单中本职权所属主项的名称。", lambda c, e: _power(e).main_item or ""),
        Column("办理地点", "办理窗口地址。", lambda c, e: _power(e).location or ""),
        Column("网上办理地址", "网上办理网址。", lambda c, e: _power(e).online_url or ""),
        Column("处罚种类", "行政处罚的种类，多项以“；”分隔。", lambda c, e: el.penalty(_power(e).penalty, lambda p: el.joined(p.kinds))),
        Column("处罚幅度", "罚则规定的处罚幅度。", lambda c, e: el.penalty(_power(e).penalty, lambda p: p.range)),
        Column("裁量基准", "裁量基准文件（裁量等级：适用情形，处罚标准）。", lambda c, e: el.penalty(_power(e).penalty, el.discretion)),
        Column("责任事项", "权责清单的责任事项，多项以“；”分隔。", lambda c, e: el.joined(_power(e).responsibilities)),
        Column("追责情形", "权责清单的追责情形，多项以“；”分隔。", lambda c, e: el.joined(_power(e).accountability)),
        Column("追责依据", "《文件名称》条款，多项以“；”分隔。", lambda c, e: el.citations(_power(e).accountability_basis)),
    ) + _elements(_power) + (
        Column("咨询电话", "咨询电话（未填写时为部门电话）。", lambda c, e: _phone(e)),
    ) + _tail(),
    _entries("powers"),
)

FEES = Table(
    "fees", "收费目录", "每个收费子项一行；同一收费项目的多个子项编号相同。",
    _common("收费项目名称") + (
        Column("收费类别", "行政事业性收费、政府性基金、经营服务性收费 或 保证金。", lambda c, e, s: _fee(e).fee_type.value),
        Column("收费子项", "收费的具体项目。", lambda c, e, s: s.item),
        Column("收费标准", "金额或计算方法；分档收费的见“分档标准”。", lambda c, e, s: s.amount_text()),
        Column("计费单位", "例如 每件、每证。", lambda c, e, s: s.unit or ""),
        Column("分档方式", "超额累进 或 按档计收。", lambda c, e, s: s.tier_mode.value if s.tier_mode else ""),
        Column("分档标准", "档次：标准，多档以“；”分隔。", lambda c, e, s: s.tiers_text()),
        Column("批准文件", "批准文件名称和文号，多份以“；”分隔。", lambda c, e, s: SEP.join(f"《{d.title}》（{d.number}）" for d in _fee(e).approving_documents)),
        Column("缴费对象", "谁需要缴费。", lambda c, e, s: _fee(e).payer),
        Column("减免政策", "免收、减收的情形，多条以“；”分隔；“无”表示记录写明没有减免，“未公布”表示记录没有写明。",
               lambda c, e, s: _listed(_fee(e).exemptions)),
        Column("执行日期", "开始执行的日期。", lambda c, e, s: _fee(e).valid_from.isoformat() if _fee(e).valid_from else ""),
        Column("截止日期", "停止执行的日期；空表示长期有效。", lambda c, e, s: _fee(e).valid_until.isoformat() if _fee(e).valid_until else ""),
        Column("收缴机构", "实际收取或代收费用的机构。", lambda c, e, s: _fee(e).collected_by or ""),
        Column("退还条件", "保证金、押金的退还条件。", lambda c, e, s: _fee(e).refund or ""),
    ) + _tail(),
    _fee_rows,
)

SERVICES = Table(
    "services", "服务事项目录", "每项服务事项一行。",
    _common("服务事项名称") + (
        Column("服务内容", "为群众办什么事。", lambda c, e: _service(e).description or ""),
        Column("办理依据", "《文件名称》条款，多条以“；”分隔。", lambda c, e: SEP.join(_basis(b) for b in _service(e).legal_basis)),
        Column("服务对象", "服务的对象。", lambda c, e: _service(e).service_object or ""),
        Column("办件类型", "即办件、承诺件 或 一审一核。", lambda c, e: _service(e).handling_type.value if _service(e).handling_type else ""),
        Column("法定时限", "法定办理时限，含单位。", lambda c, e: _limit(_service(e).statutory_limit)),
        Column("承诺时限", "承诺办理时限，含单位或时限表述。", lambda c, e: _limit(_service(e).promised_limit)),
        Column(STEP_LIMITS_HEADER, STEP_LIMITS_DOC, lambda c, e: _step_limits(e)),
        Column("是否收费", "是、否、一般不收费，特定情形收费、特定情形收费 或 未公布（记录没有写明）。", lambda c, e: _charging(e)),
        Column("收费依据", "收费项目名称，多项以“；”分隔。", lambda c, e: _fees(c, e)),
        Column("申请材料", "材料名称，多项以“；”分隔；“无”表示记录写明不需要材料，“未公布”表示记录没有列出。",
               lambda c, e: _listed(None if _service(e).materials is None else [m.name for m in _service(e).materials])),
        Column("办理地点", "办理窗口地址。", lambda c, e: _service(e).location or ""),
        Column("网上办理地址", "网上办理网址。", lambda c, e: _service(e).online_url or ""),
        Column("办理结果", "办理结果。", lambda c, e: _service(e).result or ""),
    ) + _elements(_service) + (
        Column("咨询电话", "咨询电话（未填写时为部门电话）。", lambda c, e: _phone(e)),
    ) + _tail(),
    _entries("services"),
)

RESPONSIBILITY = Table(
    "responsibility", "责任清单", "每项公开职权的每个承办岗位一行：岗位职责和追责情形。",
    (
        Column("职权编号", "行政职权的记录编号。", lambda c, e, p: e.id),
        Column("职权名称", "行政职权的规范名称。", lambda c, e, p: e.name),
        Column("职权类别", "行政许可、行政处罚等职权类别。", lambda c, e, p: _power(e).category.value),
        Column("实施主体", "负责本职权的部门全称。", lambda c, e, p: e.department.name),
        Column("部门编号", "实施主体的部门编号。", lambda c, e, p: e.department.id),
        Column("承办机构", "具体承办的内设机构。", lambda c, e, p: _power(e).office or ""),
        Column("岗位名称", "承办岗位。", lambda c, e, p: p.name),
        Column("岗位职责", "该岗位在本职权中的职责。", lambda c, e, p: p.duties or ""),
        Column("追责情形", "追究该岗位责任的情形，多条以“；”分隔。", lambda c, e, p: SEP.join(p.accountability)),
    ),
    _post_rows,
)

LEGAL_BASES = Table(
    "legal-bases", "实施依据", "部门资料包中的依据清单：每条实施依据或收费批准文件一行。",
    (
        Column("事项类别", "行政职权 或 收费依据。", lambda c, e, b: "行政职权" if e.kind == "powers" else "收费依据"),
        Column("事项编号", "记录编号。", lambda c, e, b: e.id),
        Column("事项名称", "事项名称。", lambda c, e, b: e.name),
        Column("文件名称", "法律、法规、规章或批准文件的全称。", lambda c, e, b: b.title),
        Column("效力层级", "依据的效力层级；收费批准文件为发文机关。", lambda c, e, b: b.level.value if isinstance(b, LegalBasis) else b.issuer),
        Column("条款", "具体条款。", lambda c, e, b: b.article or ""),
        Column("文号", "文件的文号。", lambda c, e, b: (b.document_number if isinstance(b, LegalBasis) else b.number) or ""),
        Column("条款原文", "所引条款的原文。", lambda c, e, b: b.text or ""),
    ),
    lambda c, d: _basis_rows(c, d),
)


def _basis_rows(catalogue: Catalogue, department: str | None) -> Iterator[tuple]:
    for one in _departments(catalogue, department):
        for _, entry in _entries("powers")(catalogue, one):
            for basis in _power(entry).legal_basis:
                yield (catalogue, entry, basis)
        for _, entry in _entries("fees")(catalogue, one):
            for doc in _fee(entry).approving_documents:
                yield (catalogue, entry, doc)


def _material_rows(catalogue: Catalogue, department: str | None) -> Iterator[tuple]:
    for one in _departments(catalogue, department):
        for kind in ("powers", "services"):
            for _, entry in _entries(kind)(catalogue, one):
                for i, material in enumerate(entry.record.materials or (), start=1):  # type: ignore[union-attr]
                    yield (catalogue, entry, i, material)


MATERIALS = Table(
    "materials", "申请材料清单", "每项行政职权和服务事项的每项申请材料一行；没有写明的要求留空，表示未公布。",
    (
        Column("事项编号", "行政职权或服务事项的记录编号。", lambda c, e, i, m: e.id),
        Column("事项名称", "事项名称。", lambda c, e, i, m: e.name),
        Column("事项类别", "行政职权 或 服务事项。", lambda c, e, i, m: "行政职权" if e.kind == "powers" else "服务事项"),
        Column("部门编号", "实施主体的部门编号。", lambda c, e, i, m: e.department.id),
        Column("序号", "材料在一次性告知中的序号。", lambda c, e, i, m: str(i)),
        Column("材料名称", "材料的规范名称。", lambda c, e, i, m: m.name),
    ) + tuple(Column(header, doc, (lambda h: lambda c, e, i, m: el.material_terms(m)[h])(header)) for header, doc in (
        ("或者提交", "可以代替本材料的其他材料，多项以“；”分隔。"), ("适用情形", "本材料只适用的申请人或情形。"), ("出具单位", "材料由谁出具。"),
        ("原件或复印件", "原件、复印件、原件和复印件 或 电子材料。"), ("纸质或电子", "纸质、电子、纸质或电子、纸质和电子。"),
        ("份数", "提交份数。"), ("是否必需", "是 或 否。"), ("免提交（共享获取）", "办理机关通过数据共享获取、申请人免于提交的，写明来源。"),
        ("空白表格", "空白表格的网址。"), ("示例样表", "示例样表的网址。"), ("设定依据", "要求提交本材料的依据。"), ("说明", "其他说明。"),
    )),
    _material_rows,
)

CATALOGUE_TABLES: tuple[Table, ...] = (POWERS, FEES, SERVICES, RESPONSIBILITY, MATERIALS)


def rows(table: Table, catalogue: Catalogue, department: str | None = None) -> list[list[str]]:
    """The table's cells as strings, in a stable order (department, then kind, then record id)."""
    return [[_cell(col.get(*source)) for col in table.columns] for source in table.rows(catalogue, department)]


def headers(table: Table) -> list[str]:
    return [col.header for col in table.columns]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


__all__ = ["CATALOGUE_TABLES", "Column", "FEES", "LEGAL_BASES", "MATERIALS", "POWERS", "RESPONSIBILITY", "SERVICES", "Table", "headers", "rows"]
