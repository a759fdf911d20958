"""The department package (一表、一图、一据、一盘): one deterministic ZIP per department.

Holds the department's catalogue table (XLSX), the charts already in the bundle for its public records
(SVG, added by the chart stage), the list of legal bases (CSV) and a read-me (说明.txt).
"""

from __future__ import annotations

from datetime import date, datetime

from generator.catalogue import Catalogue
from generator.exports.columns import CATALOGUE_TABLES, LEGAL_BASES
from generator.exports.deflate import Piece
from generator.exports.records import KINDS
from generator.exports.tabular import to_csv, to_xlsx
from generator.exports.ziputil import build_zip

CHART_SUFFIXES = (".svg",)
EPOCH = date(2000, 1, 1)  # used only when a scope has no records at all


def newest_change(catalogue: Catalogue, department: str | None = None) -> date:
    chosen = catalogue.public() if department is None else (e for k in KINDS for e in catalogue.of_department(department, k))
    dates = [e.record.changed_on for e in chosen]
    return max(dates, default=EPOCH)


def stamp(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def package_path(department_id: str) -> str:
    return f"downloads/{department_id}.zip"


def _charts(catalogue: Catalogue, department_id: str, files: dict[str, bytes]) -> dict[str, bytes]:
    found = {}
    for entry in catalogue.public():
        if entry.department.id != department_id:
            continue
        for suffix in CHART_SUFFIXES:
            content = files.get(f"charts/{entry.id}{suffix}")
            if content is not None:
                found[f"流程图/{entry.id}{suffix}"] = content
    return found


def _readme(catalogue: Catalogue, department_id: str, charts: int, day: date) -> bytes:
    dept = catalogue.departments[department_id].record
    counts = {k: len(catalogue.of_department(department_id, k)) for k in KINDS}
    lines = [
        f"{dept.name} 权力公开资料包",
        "",
        f"数据截至：{day.isoformat()}（本部门记录的最近变更日期）",
        f"行政职权 {counts['powers']} 项，收费依据 {counts['fees']} 项，服务事项 {counts['services']} 项，流程图文件 {charts} 个。",
        "",
        "文件说明：",
        f"  目录表.xlsx   一表：{'、'.join(t.title for t in CATALOGUE_TABLES)}，每个目录一个工作表。",
        "  流程图/        一图：每项职权或服务事项的流程图，SVG 矢量图（可无损放大，浏览器可直接打开和打印），文件名为事项编号。",
        "  实施依据.csv   一据：每条实施依据和收费批准文件一行，UTF-8 编码（带 BOM），可用 Excel 或 WPS 打开。",
        "  说明.txt       本说明。",
        "",
        "本资料包由网站根据公开的记录自动生成，内容与网站一致；涉密不公开的事项不在其中。",
        "各列的含义见网站“数据下载”页面。",
    ]
    # BOM and CRLF so that Notepad on older Windows shows the Chinese text correctly.
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def department_workbook(catalogue: Catalogue, department_id: str, made: dict[str, Piece] | None = None) -> bytes:
    """The department's 一表, shared by data/xlsx/ and the package. `made`: its rows already deflated, by table."""
    name = catalogue.departments[department_id].record.name
    day = stamp(newest_change(catalogue, department_id))
    return to_xlsx(CATALOGUE_TABLES, catalogue, day, department_id, f"{name} 权力公开目录", made)


def department_package(catalogue: Catalogue, department_id: str, files: dict[str, bytes], workbook: bytes | None = None) -> bytes:
    """`workbook`: the department's XLSX when the caller already made it (it is the slowest part)."""
    day = newest_change(catalogue, department_id)
    charts = _charts(catalogue, department_id, files)
    content = {
        "目录表.xlsx": workbook if workbook is not None else department_workbook(catalogue, department_id),
        "实施依据.csv": to_csv(LEGAL_BASES, catalogue, department_id),
        "说明.txt": _readme(catalogue, department_id, len(charts), day),
        **charts,
    }
    return build_zip(content)
