"""One-off: write calendar/<year>.yaml from the chinese-calendar package. Afterwards the files are the source of truth.

    python -m generator.workdays.seed 2025 [--out calendar]

The notice citation must be known (NOTICES below) — we never write a year without its official source.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",  # 2020: 10月1日 was both; the data labels all 8 days 国庆节
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

# year → notices (title, number, issued_on). Mid-year amendments follow the original notice.
NOTICES: dict[int, list[tuple[str, str, str]]] = {
    2020: [
        ("国务院办公厅关于2020年部分节假日安排的通知", "国办发明电〔2019〕16号", "2019-11-21"),
        ("国务院办公厅关于延长2020年春节假期的通知", "国办发明电〔2020〕1号", "2020-01-26"),
    ],
    2021: [("国务院办公厅关于2021年部分节假日安排的通知", "国办发明电〔2020〕27号", "2020-11-25")],
    2022: [("国务院办公厅关于2022年部分节假日安排的通知", "国办发明电〔2021〕11号", "2021-10-25")],
    2023: [("国务院办公厅关于2023年部分节假日安排的通知", "国办发明电〔2022〕16号", "2022-12-08")],
    2024: [("国务院办公厅关于2024年部分节假日安排的通知", "国办发明电〔2023〕7号", "2023-10-25")],
    2025: [("国务院办公厅关于2025年部分节假日安排的通知", "国办发明电〔2024〕12号", "2024-11-12")],
    2026: [("国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2025〕7号", "2025-11-04")],
}


def _ranges(days: dict[date, str]) -> list[tuple[date, date, list[str]]]:
    """Group consecutive holiday dates into one period each (国庆 and 中秋 may share one)."""
    out: list[tuple[date, date, list[str]]] = []
    for day in sorted(days):
        name = NAMES[days[day]]
        if out and out[-1][1] + timedelta(days=1) == day:
            start, _, names = out[-1]
            out[-1] = (start, day, names if name in names else names + [name])
        else:
            out.append((day, day, [name]))
    return out


def _notice_year(day: date, name: str) -> int:
    """The notice that set a make-up day: a December one for 元旦 belongs to the next year's (2018-12-29, 2019's)."""
    return day.year + 1 if day.month == 12 and name == "New Year's Day" else day.year


def render_year(year: int) -> str:
    from chinese_calendar.constants import holidays, workdays

    # A 元旦 break starting in late December is set by the next year's notice: keep it in that year's file.
    held = {d: n for d, n in holidays.items() if date(year - 1, 12, 1) <= d <= date(year + 1, 1, 31)}
    makeup = {d: n for d, n in workdays.items() if _notice_year(d, n) == year and d.weekday() >= 5}
    lines = [f"# {year} 年节假日安排，依据下列国务院办公厅通知。初稿由 chinese-calendar 生成，此后以本文件为准；通知如有调整，请按原文修改本文件。", f"year: {year}", "notices:"]
    for title, number, issued in NOTICES[year]:
        lines += [f"  - title: {title}", f"    number: {number}", f"    issued_on: {issued}"]
    lines.append("holidays:  # 放假期间的每一天（含其中的周末）")
    for start, end, names in (r for r in _ranges(held) if r[1].year == year):
        lines += [f"  - name: {'、'.join(names)}", f"    start: {start.isoformat()}", f"    end: {end.isoformat()}"]
    lines.append("workdays:  # 调休上班的周末" + (" —— 本年没有" if not makeup else ""))
    if not makeup:
        lines[-1] = "workdays: []  # 本年没有调休上班的周末"
    for day in sorted(makeup):
        lines += [f"  - date: {day.isoformat()}", f"    for: {NAMES[makeup[day]]}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="从 chinese-calendar 生成某年的节假日数据文件")
    parser.add_argument("years", type=int, nargs="+")
    parser.add_argument("--out", type=Path, default=Path("calendar"))
    args = parser.parse_args()
    for year in args.years:
        (args.out / f"{year}.yaml").write_text(render_year(year), encoding="utf-8")


if __name__ == "__main__":
    main()
