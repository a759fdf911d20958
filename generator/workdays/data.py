"""Read and validate one year's holiday file (calendar/<year>.yaml). Dates stay plain ISO strings in YAML.

Every problem is collected with its key path (for the line number) and a fix hint, then reported together.
A file is checked against 《全国年节及纪念日放假办法》 (see statutory.py): each festival's statutory days lie in
its break, and a break gives as many weekdays off, net of its make-up weekends, as the 办法 grants — unless
the entry carries a `note` quoting the notice that departs from it (the 2020 春节 extension).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from generator.errors import GongkaiError
from generator.load import load_yaml_file
from generator.paths import display_path
from generator.positions import locate
from generator.workdays.statutory import FESTIVALS, FIRST_YEAR, LAST_YEAR, statutory_days, version_for

REACH_BACK = (12, 20)  # a notice may set days from 20 December of the year before: its 元旦 break and make-up days
LONGEST_BREAK = 10  # days; the longest so far is 春节 2020 (24 January – 2 February, extended by 国办发明电〔2020〕1号)
NOTICE_NUMBER = re.compile(r"^\S+〔\d{4}〕\d+号$")  # e.g. 国办发明电〔2025〕7号
WEEKDAYS = "一二三四五六日"
LABELS = {"year": "年份", "notices": "通知", "holidays": "放假安排", "workdays": "调休上班日", "title": "通知标题", "number": "文号",
          "issued_on": "成文日期", "name": "节日名称", "start": "开始日期", "end": "结束日期", "date": "日期", "for": "所调休的节日", "note": "说明"}
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    loc: Loc
    message: str


class CalendarDataError(GongkaiError):
    """A holiday data file is malformed; carries every problem with its file and key path."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        shown = display_path(path)
        lines = [f"{shown}:{locate(path, p.loc)[0]}: {p.message}" for p in problems]
        super().__init__("节假日数据文件有误：\n" + "\n".join(lines))


@dataclass(frozen=True)
class Notice:
    title: str
    number: str  # e.g. 国办发明电〔2024〕12号
    issued_on: str | None = None


@dataclass(frozen=True)
class Period:
    names: tuple[str, ...]  # 国庆节、中秋节 share one break in some years
    start: date
    end: date
    note: str | None
    index: int  # position in the file's holidays list

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


@dataclass(frozen=True)
class YearData:
    year: int
    notices: tuple[Notice, ...]
    holidays: dict[date, str]  # date → festival name (weekends inside a holiday period included)
    workdays: dict[date, str]  # weekend make-up workdays (调休上班) → festival they make up for


def weekday_name(day: date) -> str:
    return "星期" + WEEKDAYS[day.weekday()]


class _Reader:
    """Collects problems while reading one year's mapping."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.problems: list[Problem] = []

    def fail(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(loc, message))

    def mapping(self, value: Any, loc: Loc, keys: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict | None:
        if not isinstance(value, dict):
            self.fail(loc, f"应为包含 {'、'.join(keys)} 的一项。")
            return None
        for key in value:
            if key not in keys + optional:
                self.fail(loc + (key,), f"不认识的键“{key}”，可用的键：{'、'.join(keys + optional)}。")
        for key in keys:
            if key not in value:
                self.fail(loc, f"缺少{LABELS[key]}（{key}）。")
        return value

    def text(self, item: dict, key: str, loc: Loc) -> str | None:
        value = item.get(key)
        if key in item and (not isinstance(value, str) or not value.strip()):
            self.fail(loc + (key,), f"“{key}”应为非空的文字。")
            return None
        return value.strip() if isinstance(value, str) else None

    def day(self, item: dict, key: str, loc: Loc) -> date | None:
        if key not in item:
            return None
        try:
            return date.fromisoformat(str(item[key]))
        except ValueError:
            self.fail(loc + (key,), f"日期“{item[key]}”不对，应为 YYYY-MM-DD 格式的真实日期。")
            return None

    def items(self, data: dict, key: str) -> list:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail((key,), f"“{key}”应为列表（每项以“- ”开头）。")
            return []
        return value

    @property
    def earliest(self) -> date:
        return date(self.year - 1, *REACH_BACK)


def _notices(r: _Reader, data: dict) -> tuple[Notice, ...]:
    found = []
    for i, raw in enumerate(r.items(data, "notices")):
        loc = ("notices", i)
        item = r.mapping(raw, loc, ("title", "number", "issued_on"))
        if item is None:
            continue
        title, number, issued = r.text(item, "title", loc), r.text(item, "number", loc), r.day(item, "issued_on", loc)
        if title and str(r.year) not in title:
            r.fail(loc + ("title",), f"通知标题“{title}”没有提到 {r.year} 年。请照抄通知原标题，例如“国务院办公厅关于{r.year}年部分节假日安排的通知”。")
        if number and not NOTICE_NUMBER.match(number):
            r.fail(loc + ("number",), f"文号“{number}”格式不对，应照抄通知文号，例如“国办发明电〔{r.year - 1}〕7号”。")
        if issued and not date(r.year - 1, 1, 1) <= issued <= date(r.year, 12, 31):
            r.fail(loc + ("issued_on",), f"成文日期 {issued} 不在 {r.year - 1} 年或 {r.year} 年内，请核对通知落款日期。")
        if title and number and issued:
            found.append(Notice(title, number, issued.isoformat()))
    if not found and not any(p.loc[:1] == ("notices",) for p in r.problems):
        r.fail(("notices",) if "notices" in data else (), "必须注明依据的国务院办公厅通知（notices：标题 title、文号 number、成文日期 issued_on）。")
    return tuple(found)


def _periods(r: _Reader, data: dict) -> tuple[list[Period], set[str]]:
    """The valid breaks, and every festival named at all (a break with a bad date is not also reported missing)."""
    periods, named = [], set()
    for i, raw in enumerate(r.items(data, "holidays")):
        loc = ("holidays", i)
        item = r.mapping(raw, loc, ("name", "start", "end"), ("note",))
        if item is None:
            continue
        name, start, end, note = r.text(item, "name", loc), r.day(item, "start", loc), r.day(item, "end", loc), r.text(item, "note", loc)
        names = tuple(name.split("、")) if name else ()
        named.update(names)
        for part in names:
            if part not in FESTIVALS:
                r.fail(loc + ("name",), f"“{part}”不是《全国年节及纪念日放假办法》第二条规定的节日（{'、'.join(FESTIVALS)}）。")
        if not (names and start and end):
            continue
        period = Period(names, start, end, note, i)
        if _period_in_year(r, period, loc):
            periods.append(period)
    return periods, named


def _period_in_year(r: _Reader, p: Period, loc: Loc) -> bool:
    if p.end < p.start:
        r.fail(loc + ("end",), f"结束日期 {p.end} 早于开始日期 {p.start}。")
        return False
    first = r.earliest if "元旦" in p.names else date(r.year, 1, 1)
    if p.start < first or p.end > date(r.year, 12, 31):
        r.fail(loc + ("start",), f"放假期间 {p.start} 至 {p.end} 超出 {r.year} 年（只有元旦假期可从上一年 12 月 {REACH_BACK[1]} 日起）。请核对通知原文。")
        return False
    if len(p.days()) > LONGEST_BREAK:
        r.fail(loc + ("end",), f"放假期间 {p.start} 至 {p.end} 共 {len(p.days())} 天，超过 {LONGEST_BREAK} 天，请核对通知原文。")
        return False
    return True


def _workdays(r: _Reader, data: dict) -> dict[date, tuple[str, int]]:
    found: dict[date, tuple[str, int]] = {}
    for i, raw in enumerate(r.items(data, "workdays")):
        loc = ("workdays", i)
        item = r.mapping(raw, loc, ("date", "for"))
        if item is None:
            continue
        day, festival = r.day(item, "date", loc), r.text(item, "for", loc)
        if day is None or festival is None:
            continue
        if day.weekday() < 5:
            r.fail(loc + ("date",), f"调休上班日 {day} 是{weekday_name(day)}：调休上班日只能是周六或周日（工作日本来就上班，不必列出）。")
        if not r.earliest <= day <= date(r.year, 12, 31):
            r.fail(loc + ("date",), f"调休上班日 {day} 不在 {r.year} 年（最早可为上一年 12 月 {REACH_BACK[1]} 日的元旦调休）。")
        if day in found:
            r.fail(loc + ("date",), f"调休上班日 {day} 重复列出。")
        found[day] = (festival, i)
    return found


def _cross_check(r: _Reader, periods: list[Period], named: set[str], makeup: dict[date, tuple[str, int]]) -> None:
    """Breaks against each other, the make-up days and the 办法's statutory days."""
    taken: dict[date, Period] = {}
    seen: dict[str, Period] = {}
    for p in periods:
        for name in p.names:
            if name in seen:
                r.fail(("holidays", p.index, "name"), f"{name}已在第 {seen[name].index + 1} 项列出，同一节日只能有一个放假期间。")
            seen[name] = p
        clash = next((taken[d] for d in p.days() if d in taken), None)
        if clash is not None:
            r.fail(("holidays", p.index, "start"), f"放假期间与“{'、'.join(clash.names)}”（{clash.start} 至 {clash.end}）重叠。")
        taken.update({d: p for d in p.days()})
    for day, (festival, i) in makeup.items():
        if day in taken:
            r.fail(("workdays", i, "date"), f"调休上班日 {day} 在“{'、'.join(taken[day].names)}”的放假期间内。")
        if festival not in named:
            r.fail(("workdays", i, "for"), f"“{festival}”没有对应的放假期间；for 应写所调休的节日名称（{'、'.join(FESTIVALS)}）。")
    _statutory_days_inside(r, seen, named)
    if any(p.loc[:1] == ("workdays",) for p in r.problems):
        return  # a make-up day that could not be read would make every count below wrong
    for p in periods:
        if all(name in FESTIVALS for name in p.names):
            _net_days(r, p, [d for d, (f, _) in makeup.items() if f in p.names])


def _statutory_days_inside(r: _Reader, seen: dict[str, Period], named: set[str]) -> None:
    by_festival: dict[str, list[date]] = {}
    for day, festival in statutory_days(r.year):
        by_festival.setdefault(festival, []).append(day)
    for festival, days in by_festival.items():
        period = seen.get(festival)
        if period is None and festival in named:
            continue  # its break has a bad date, reported already
        if period is None:
            r.fail(("holidays",), f"缺少{festival}的放假期间（法定假日 {'、'.join(map(str, days))}）。通知每年都安排七个节日，请按通知原文补上。")
            continue
        for day in days:
            if not period.start <= day <= period.end:
                r.fail(("holidays", period.index, "start"), f"{festival}的法定假日 {day}（{weekday_name(day)}）不在放假期间 {period.start} 至 {period.end} 内，请核对日期。")


def _net_days(r: _Reader, p: Period, makeup: list[date]) -> None:
    """Weekdays off minus make-up weekends equals the statutory days (第二条; 第六条's 补休 included)."""
    if p.note:
        return
    granted = sum(version_for(r.year).counts(r.year)[name] for name in p.names)
    off = sum(d.weekday() < 5 for d in p.days())
    if off - len(makeup) != granted:
        r.fail(("holidays", p.index, "name"),
               f"“{'、'.join(p.names)}”放假期间有 {off} 个工作日放假、{len(makeup)} 个周末调休上班，相抵后 {off - len(makeup)} 天，"
               f"与《全国年节及纪念日放假办法》规定的 {granted} 天不符。请核对日期和调休上班日；通知确有另外安排（如延长假期）时，在该项加 note 照抄通知原文。")


def read_year(data: Any, year: int | None = None) -> tuple[YearData | None, list[Problem]]:
    """Validate one parsed file; `year` is what the file name or the command says it must be."""
    if not isinstance(data, dict):
        return None, [Problem((), "文件内容应为一个映射，含 year、notices、holidays、workdays。")]
    found = data.get("year")
    if not isinstance(found, int) or isinstance(found, bool) or not FIRST_YEAR <= found <= LAST_YEAR:
        return None, [Problem(("year",) if "year" in data else (), f"应有 year：{FIRST_YEAR} 至 {LAST_YEAR} 之间的年份。")]
    if year is not None and found != year:
        return None, [Problem(("year",), f"应为 year: {year}（与文件名一致）。")]
    r = _Reader(found)
    r.mapping(data, (), ("year",), ("notices", "holidays", "workdays"))
    if "workdays" not in data:
        r.fail((), "缺少“workdays”（调休上班的周末）。通知没有调休上班日时写 workdays: []。")
    notices, (periods, named), makeup = _notices(r, data), _periods(r, data), _workdays(r, data)
    _cross_check(r, periods, named, makeup)
    if r.problems:
        return None, r.problems
    holidays = {d: "、".join(p.names) for p in periods for d in p.days()}
    return YearData(found, notices, holidays, {d: f for d, (f, _) in makeup.items()}), []


def load_yaml(path: Path) -> Any:
    """The records' reader: dates stay strings; a link, a device, an alias or deep nesting is refused unread."""
    data, problem = load_yaml_file(path)
    if problem is not None:
        raise CalendarDataError(path, [Problem((), f"无法读取（第 {problem.line or 1} 行）：{problem.message}")])
    return data


def parse_year(path: Path, year: int | None = None) -> YearData:
    """Parse and validate a year file; every problem is reported in one CalendarDataError naming the file.

    Files in calendar/ must hold the year of their name; a draft given to `gongkai calendar add` may be named anything.
    """
    if year is None and path.stem.isdigit():
        year = int(path.stem)
    data, problems = read_year(load_yaml(path), year)
    if problems:
        raise CalendarDataError(path, problems)
    assert data is not None
    return data
