"""The CMS writes what `gongkai fmt` writes: every sample record, read and written back, edited, or new, comes out
of the browser's YAML format (run in Node) byte-identical to `fmt`'s output, and means what the form held."""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from generator.editor.fmt import format_text, model_for_path
from tests.cms.conftest import fields_for, kind_of, run_format, sample_files

Edit = Callable[[dict[str, Any]], bool]  # changes the data in place; False when it does not apply


def _load(text: str) -> Any:
    from generator.load import _fast_yaml  # the reference loader `check` uses: YAML 1.2, dates kept as text

    return _fast_yaml().load(text)


def _set(key: str, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> bool:
        data[key] = value
        return True
    return edit


def _rename(data: dict[str, Any]) -> bool:
    data["name"] = data["name"] + "（修订）"
    return True


def _dates(data: dict[str, Any]) -> bool:
    if "changed_on" not in data:
        return False
    data["changed_on"], data["change_note"] = "2026-01-05", "依据《某某条例》第三条修订：受理地点调整。"
    return True


def _materials(data: dict[str, Any]) -> bool:
    if not data.get("materials"):
        return False
    data["materials"] = data["materials"][1:] + [{"name": "新增材料：委托书", "form": "复印件", "copies": 2, "note": "委托他人办理的提交"}]
    return True


def _limit(data: dict[str, Any]) -> bool:
    limit = data.get("promised_limit")
    if not isinstance(limit, dict) or not isinstance(limit.get("days"), int):
        return False
    limit["days"] += 1
    return True


def _contact(data: dict[str, Any]) -> bool:
    if "changed_on" not in data and "short_name" not in data:
        return False
    contact = dict(data.get("contact") or {})
    contact.update(phone="12345", hours="8:30", email="xxgk@example.gov.cn")
    data["contact"] = contact
    return True


def _drop_optional(data: dict[str, Any]) -> bool:
    for key in ("result", "online_url", "office", "payment"):
        if key in data:
            del data[key]
            return True
    return False


def _conditions(data: dict[str, Any]) -> bool:
    if "conditions" not in data and "changed_on" not in data:
        return False
    data["conditions"] = ["新增条件：年满 18 周岁"] + list(data.get("conditions") or [])
    return True


# Text that YAML could read as something else, or that needs quotes or a block: tried on one record of each kind.
AWKWARD = ["12345", "1_000", "0o17", "0b101", "true", "null", "~", "2025-01-01", "@team", "#hash", "a: b", "- x",
           "'quoted'", '"double"', "第一行\n第二行", "a  # not a comment", "<<", "=", "1e3", ".inf", "yes", "12:30"]
EDITS: dict[str, Edit] = {
    "rename": _rename, "dates": _dates, "materials": _materials, "limit": _limit, "contact": _contact,
    "drop": _drop_optional, "conditions": _conditions,
}
AWKWARD_FILES = ("id-card-application.yaml", "real-estate-registration.yaml", "passport-fee.yaml")


def _cases() -> list[tuple[Path, str, str, Any]]:
    """(file, edit name, source text, edited data): every sample file gets two of the edits that apply to it
    (taken in turn, so every edit meets every kind), and one record of each kind gets every awkward text."""
    found = []
    names = list(EDITS)
    for n, path in enumerate(sample_files()):
        text = path.read_text(encoding="utf-8")
        edits = [(name, EDITS[name]) for name in names[n % len(names):] + names[:n % len(names)]]
        if path.name in AWKWARD_FILES:
            edits += [(f"awkward{i}", _set("remarks", value)) for i, value in enumerate(AWKWARD)]
        done = 0
        for name, edit in edits:
            data = copy.deepcopy(_load(text))
            if (done < 2 or name.startswith("awkward")) and edit(data):
                found.append((path, name, text, data))
                done += 1
    return found


def _check(path: Path, out: str) -> None:
    assert format_text(out, model_for_path(path)) == out, f"{path.name}: not what `gongkai fmt` writes:\n{out}"


def test_every_sample_record_is_written_back_as_fmt_writes_it() -> None:
    """Saved without a change, a record comes out exactly as `gongkai fmt` would leave it (which for a clean file
    is the file itself, comments and all)."""
    files = sample_files()
    assert len(files) > 50
    results = run_format([{"fields": fields_for(kind_of(p)), "source": p.read_text(encoding="utf-8"), "data": None} for p in files])
    for path, result in zip(files, results):
        expected = format_text(path.read_text(encoding="utf-8"), model_for_path(path))
        assert result.get("text") == expected, f"{path}: {result.get('error') or 'differs from fmt'}"


def test_edited_records_are_fmt_output_and_mean_what_the_form_held() -> None:
    cases = _cases()
    assert len(cases) > 200
    results = run_format([{"fields": fields_for(kind_of(p)), "source": text, "data": data} for p, _, text, data in cases])
    for (path, name, _, data), result in zip(cases, results):
        assert "error" not in result, f"{path.name} {name}: {result['error']}"
        _check(path, result["text"])
        expected = copy.deepcopy(data)
        if isinstance(expected.get("remarks"), str):
            expected["remarks"] = expected["remarks"].strip()
        assert _load(result["text"]) == expected, f"{path.name} {name}"


def test_one_changed_value_changes_one_line() -> None:
    paths = [p for p in sample_files() if "/powers/" in p.as_posix()]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    cases = []
    for text in texts:
        data = _load(text)
        _rename(data)
        cases.append({"fields": fields_for(kind_of(paths[0])), "source": text, "data": data})
    for path, text, result in zip(paths, texts, run_format(cases)):
        clean = format_text(text, model_for_path(path))  # the file as it stands in a repository kept fmt-clean
        changed = [line for line in difflib.unified_diff(clean.splitlines(), result["text"].splitlines(), n=0, lineterm="")
                   if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        assert changed == [f"-name: {_load(text)['name']}", f"+name: {_load(text)['name']}（修订）"], path.name


def test_new_records_are_fmt_output() -> None:
    """A record created in the form has no file yet: the format lays it out from the data alone."""
    files = sample_files()
    datas = [_load(p.read_text(encoding="utf-8")) for p in files]
    results = run_format([{"fields": fields_for(kind_of(p)), "source": None, "data": d} for p, d in zip(files, datas)])
    for path, data, result in zip(files, datas, results):
        _check(path, result["text"])
        assert _load(result["text"]) == _without_blanks(data), path.name


def _without_blanks(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_blanks(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_blanks(v) for v in value]
    return value


def test_blank_form_values_are_not_written() -> None:
    """The form holds empty strings and lists for fields nobody filled in; they do not reach the file."""
    path = next(p for p in sample_files() if p.name == "id-card-application.yaml")
    text = path.read_text(encoding="utf-8")
    data = _load(text)
    data.update(remarks="", result="  ", requirements=[], online_url=None, statutory_limit={})
    data["materials"].append({"name": "户口迁移证明", "issuer": "", "note": "   "})
    [result] = run_format([{"fields": fields_for(kind_of(path)), "source": text, "data": data}])
    added = [line for line in difflib.unified_diff(text.splitlines(), result["text"].splitlines(), n=0, lineterm="")
             if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert "+  - name: 户口迁移证明" in added
    assert not any("issuer" in line or "note" in line for line in added if line.startswith("+")), added
    assert not any(k in result["text"] for k in ("remarks:", "online_url:", "statutory_limit:")), result["text"]
    assert "result:" not in result["text"] and "requirements:" not in result["text"]


@pytest.mark.parametrize("text", ["a: [", "- just\n- a list\n", "id: x\nid: y\n"])
def test_a_file_that_does_not_parse_is_an_error_not_a_guess(text: str) -> None:
    path = sample_files()[0]
    [result] = run_format([{"fields": fields_for(kind_of(path)), "source": text, "data": None}])
    if text.startswith("- just"):
        assert result.get("read") == {}  # not a mapping: the form starts empty rather than with a list
    else:
        assert "error" in result
