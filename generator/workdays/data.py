"""Read and validate one year's holiday file (calendar/<year>.yaml). Dates stay plain ISO strings in YAML."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

from generator.errors import GongkaiError
from generator.paths import display_path


class _StringDates(SafeConstructor):
    """Dates stay strings so that a bad date is our error message, not a parser crash."""


_StringDates.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


class CalendarDataError(GongkaiError):
    """A holiday data file is malformed."""


@dataclass(frozen=True)
class Notice:
    title: str
    number: str  # e.g. 国办发明电〔2024〕12号
    issued_on: str | None = None


@dataclass(frozen=True)
class YearData:
    year: int
    notices: tuple[Notice, ...]
    holidays: dict[date, str]  # date → festival name (weekends inside a holiday period included)
    workdays: dict[date, str]  # weekend make-up workdays (调休上班) → festival they make up for


def _day(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CalendarDataError(f"{where}：日期“{value}”格式不对，应为 YYYY-MM-DD。") from None


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key) if isinstance(item, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise CalendarDataError(f"{where}：缺少“{key}”。")
    return value.strip()


def _holidays(items: list, shown: str) -> dict[date, str]:
    days: dict[date, str] = {}
    for item in items or []:
        name = _text(item, "name", shown)
        start, end = _day(item.get("start"), shown), _day(item.get("end"), shown)
        if end < start:
            raise CalendarDataError(f"{shown}：{name} 的结束日期早于开始日期。")
        day = start
        while day <= end:
            days[day] = name
            day += timedelta(days=1)
    return days


def parse_year(path: Path) -> YearData:
    """Parse calendar/<year>.yaml; every problem is a CalendarDataError naming the file."""
    shown = display_path(path)
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = _StringDates
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise CalendarDataError(f"无法读取节假日数据文件 {shown}：{exc}") from None
    if not isinstance(data, dict) or data.get("year") != int(path.stem):
        raise CalendarDataError(f"{shown}：应有 year: {path.stem}。")
    notices = tuple(Notice(_text(n, "title", shown), _text(n, "number", shown), n.get("issued_on")) for n in data.get("notices") or [])
    if not notices:
        raise CalendarDataError(f"{shown}：必须注明依据的国务院办公厅通知（notices）。")
    workdays = {_day(w.get("date"), shown): _text(w, "for", shown) for w in data.get("workdays") or []}
    return YearData(data["year"], notices, _holidays(data.get("holidays"), shown), workdays)
