"""Validation of a year's holiday file: every problem in Chinese, with its line, nothing guessed.

The 2027 arrangement below is MADE UP for these tests (no 2027 notice had been published when they were written);
it only has the shape a real notice has. It is written to a temporary folder, never to calendar/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.workdays import load_calendar
from generator.workdays.data import CalendarDataError, parse_year

CALENDAR = Path(__file__).resolve().parents[2] / "calendar"

MADE_UP_2027 = """\
# 测试用虚构数据，不是国务院办公厅通知
year: 2027
notices:
  - title: 国务院办公厅关于2027年部分节假日安排的通知（测试用虚构数据）
    number: 国办发明电〔2026〕99号
    issued_on: 2026-11-01
holidays:
  - name: 元旦
    start: 2027-01-01
    end: 2027-01-03
  - name: 春节
    start: 2027-02-05
    end: 2027-02-12
  - name: 清明节
    start: 2027-04-03
    end: 2027-04-05
  - name: 劳动节
    start: 2027-05-01
    end: 2027-05-05
  - name: 端午节
    start: 2027-06-09
    end: 2027-06-09
  - name: 中秋节
    start: 2027-09-15
    end: 2027-09-15
  - name: 国庆节
    start: 2027-10-01
    end: 2027-10-07
workdays:
  - date: 2027-01-31
    for: 春节
  - date: 2027-02-20
    for: 春节
  - date: 2027-05-08
    for: 劳动节
  - date: 2027-09-26
    for: 国庆节
  - date: 2027-10-09
    for: 国庆节
"""


def write(tmp_path: Path, text: str, name: str = "2027.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # messages name files relative to the working directory


def problems(tmp_path: Path, *edits: tuple[str, str]) -> list[str]:
    """The error lines for MADE_UP_2027 with `edits` applied (each old text must occur)."""
    text = MADE_UP_2027
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    with pytest.raises(CalendarDataError) as info:
        parse_year(write(tmp_path, text))
    return str(info.value).splitlines()[1:]


def test_every_shipped_year_passes() -> None:
    assert sorted(load_calendar(CALENDAR).years) == list(range(2020, 2027))


def test_a_complete_arrangement_passes(tmp_path: Path) -> None:
    data = parse_year(write(tmp_path, MADE_UP_2027, "draft.yaml"))  # a draft may be named anything
    assert data.year == 2027 and len(data.workdays) == 5 and data.notices[0].number == "国办发明电〔2026〕99号"


def test_missing_notice_number(tmp_path: Path) -> None:
    assert problems(tmp_path, ("    number: 国办发明电〔2026〕99号\n", "")) == ["2027.yaml:4: 缺少文号（number）。"]


def test_bad_notice_fields(tmp_path: Path) -> None:
    found = problems(tmp_path, ("国办发明电〔2026〕99号", "99号"), ("关于2027年", "关于明年"), ("2026-11-01", "2024-11-01"))
    assert found == [
        "2027.yaml:4: 通知标题“国务院办公厅关于明年部分节假日安排的通知（测试用虚构数据）”没有提到 2027 年。请照抄通知原标题，例如“国务院办公厅关于2027年部分节假日安排的通知”。",
        "2027.yaml:5: 文号“99号”格式不对，应照抄通知文号，例如“国办发明电〔2026〕7号”。",
        "2027.yaml:6: 成文日期 2024-11-01 不在 2026 年或 2027 年内，请核对通知落款日期。",
    ]


def test_no_notice_at_all(tmp_path: Path) -> None:
    text = MADE_UP_2027.split("notices:")[0] + "holidays:" + MADE_UP_2027.split("holidays:")[1]
    with pytest.raises(CalendarDataError, match="必须注明依据的国务院办公厅通知"):
        parse_year(write(tmp_path, text))


def test_impossible_dates(tmp_path: Path) -> None:
    found = problems(tmp_path, ("end: 2027-06-09", "end: 2027-06-31"), ("date: 2027-05-08", "date: 2027-5-8"))
    assert found == [
        "2027.yaml:22: 日期“2027-06-31”不对，应为 YYYY-MM-DD 格式的真实日期。",
        "2027.yaml:34: 日期“2027-5-8”不对，应为 YYYY-MM-DD 格式的真实日期。",
    ]


def test_make_up_day_on_a_weekday(tmp_path: Path) -> None:
    assert problems(tmp_path, ("date: 2027-05-08", "date: 2027-05-07")) == [
        "2027.yaml:34: 调休上班日 2027-05-07 是星期五：调休上班日只能是周六或周日（工作日本来就上班，不必列出）。",
    ]


def test_make_up_day_inside_a_break_or_for_no_festival(tmp_path: Path) -> None:
    found = problems(tmp_path, ("date: 2027-01-31", "date: 2027-02-06"), ("for: 劳动节", "for: 五一"))
    assert "2027.yaml:30: 调休上班日 2027-02-06 在“春节”的放假期间内。" in found
    assert any(line.startswith("2027.yaml:35: “五一”没有对应的放假期间") for line in found)


def test_statutory_day_outside_its_break(tmp_path: Path) -> None:
    found = problems(tmp_path, ("start: 2027-09-15\n    end: 2027-09-15", "start: 2027-09-16\n    end: 2027-09-16"))
    assert found == ["2027.yaml:24: 中秋节的法定假日 2027-09-15（星期三）不在放假期间 2027-09-16 至 2027-09-16 内，请核对日期。"]


def test_missing_festival(tmp_path: Path) -> None:
    found = problems(tmp_path, ("  - name: 端午节\n    start: 2027-06-09\n    end: 2027-06-09\n", ""))
    assert found == ["2027.yaml:7: 缺少端午节的放假期间（法定假日 2027-06-09）。通知每年都安排七个节日，请按通知原文补上。"]


def test_days_off_must_net_to_the_statutory_count(tmp_path: Path) -> None:
    found = problems(tmp_path, ("end: 2027-10-07", "end: 2027-10-08"))
    assert found == ["2027.yaml:26: “国庆节”放假期间有 6 个工作日放假、2 个周末调休上班，相抵后 4 天，与《全国年节及纪念日放假办法》规定的 3 天不符。"
                     "请核对日期和调休上班日；通知确有另外安排（如延长假期）时，在该项加 note 照抄通知原文。"]


def test_a_note_quoting_the_notice_allows_a_longer_break(tmp_path: Path) -> None:
    text = MADE_UP_2027.replace("end: 2027-10-07", "end: 2027-10-08\n    note: （测试）通知原文：国庆节放假延长一天。")
    assert parse_year(write(tmp_path, text)).holidays


def test_unknown_festival_and_key(tmp_path: Path) -> None:
    found = problems(tmp_path, ("name: 端午节", "name: 端阳节"), ("    for: 劳动节", "    for: 劳动节\n    hours: 8"))
    assert "2027.yaml:20: “端阳节”不是《全国年节及纪念日放假办法》第二条规定的节日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）。" in found
    assert "2027.yaml:36: 不认识的键“hours”，可用的键：date、for。" in found


def test_only_the_new_year_break_may_start_in_december(tmp_path: Path) -> None:
    """A 元旦 break and its make-up day may reach back to 20 December (2019's notice: 2018-12-29, 30, 31)."""
    ok = MADE_UP_2027.replace("start: 2027-01-01\n    end: 2027-01-03", "start: 2026-12-31\n    end: 2027-01-01")
    ok = ok.replace("workdays:\n", "workdays:\n  - date: 2026-12-26\n    for: 元旦\n")
    data = parse_year(write(tmp_path, ok))
    assert "元旦" in data.holidays[__import__("datetime").date(2026, 12, 31)]
    found = problems(tmp_path, ("start: 2027-02-05", "start: 2026-12-25"))
    assert found[0].startswith("2027.yaml:12: 放假期间 2026-12-25 至 2027-02-12 超出 2027 年")


def test_overlapping_breaks(tmp_path: Path) -> None:
    found = problems(tmp_path, ("start: 2027-04-03", "start: 2027-04-01"), ("end: 2027-02-12", "end: 2027-02-12\n  - name: 清明节\n    start: 2027-04-02\n    end: 2027-04-02"))
    assert any("清明节已在第" in line for line in found) and any("重叠" in line for line in found)


def test_year_must_match_the_file_name(tmp_path: Path) -> None:
    with pytest.raises(CalendarDataError, match="应为 year: 2028"):
        parse_year(write(tmp_path, MADE_UP_2027, "2028.yaml"))
