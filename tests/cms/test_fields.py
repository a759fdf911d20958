"""Every model field, however deep, has a form field with its Chinese label, hint and a widget fit for its type."""

from __future__ import annotations

import datetime
import enum
import types
import typing
from typing import Any

import pytest
from pydantic import BaseModel, StrictBool, StrictInt

from generator.cms.fields import Links
from generator.editor.kinds import KINDS, FieldRow, Kind, inner_models, walk
from generator.models.base import Model, Text, field
from tests.cms.conftest import fields_for

LINKS = Links(("demo", "示例县测试局"))


def _find(fields: list[dict[str, Any]], path: tuple[str, ...]) -> dict[str, Any] | None:
    found = None
    for name in path:
        found = next((f for f in fields if f["name"] == name), None)
        if found is None:
            return None
        fields = found.get("fields") or []
    return found


def _optional_object_above(kind: Kind, path: tuple[str, ...]) -> bool:
    """Whether an optional object encloses the field below the nearest list: there the form cannot demand it
    (fields.py); a list's items exist only once added, so the rules start again inside them."""
    model: type[BaseModel] = kind.model
    inside = False
    for name in path[:-1]:
        info = model.model_fields[name]
        if typing.get_origin(_base(info.annotation)) is list:
            inside = False
        elif not info.is_required():
            inside = True
        model = inner_models(info.annotation)[0]
    return inside


def _base(annotation: Any) -> Any:
    """X from X | None and Annotated[X, ...]; list stays list."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _expected_widget(row: FieldRow) -> set[str]:
    base = _base(row.info.annotation)
    if row.name == "department" and row.info.is_required():
        return {"select"}  # the folder's department: a fixed choice (a 联办机构's optional department is text)
    if row.name in ("fee_bases", "template"):
        return {"relation"}
    if typing.get_origin(base) is list:
        return {"list"}
    if row.enum is not None:
        return {"select"}
    if isinstance(base, type) and issubclass(base, BaseModel):
        return {"object"}
    return {bool: {"boolean"}, int: {"number"}, float: {"number"}, datetime.date: {"datetime"}, str: {"string", "text"}}[base]


def missing_widgets(kind: Kind, fields: list[dict[str, Any]]) -> list[str]:
    """Every model field (recursively) without a form field, label, hint, the right widget or required flag."""
    problems = []
    for row in walk(kind.model):
        key = ".".join(row.path)
        found = _find(fields, row.path)
        if found is None or not found.get("widget"):
            problems.append(f"{kind.name}.{key}: 没有表单控件")
            continue
        if not found.get("label") or found["label"] != row.info.title:
            problems.append(f"{kind.name}.{key}: 没有中文名称")
        if not row.info.description or row.info.description not in found.get("hint", ""):
            problems.append(f"{kind.name}.{key}: 没有填写说明")
        if found["widget"] not in _expected_widget(row):
            problems.append(f"{kind.name}.{key}: 控件 {found['widget']} 与类型不符")
        demanded = row.info.is_required() and not _optional_object_above(kind, row.path)
        if found.get("required", True) != demanded:
            problems.append(f"{kind.name}.{key}: 必填与模型不一致")
        if row.enum is not None and found["widget"] == "select" and row.name != "department":
            options = [o["value"] for o in found.get("options") or found.get("field", {}).get("options", [])]
            if options != [m.value for m in row.enum]:
                problems.append(f"{kind.name}.{key}: 选项与模型不一致")
    return problems


CMS_KINDS = {name: kind for name, kind in KINDS.items() if name != "secret-power"}  # a secret power has no form: its
# file holds four fields, written by hand (content/editing/yaml.md)


@pytest.mark.parametrize("kind", CMS_KINDS.values(), ids=list(CMS_KINDS))
def test_every_model_field_has_a_form_field(kind: Kind) -> None:
    assert not missing_widgets(kind, fields_for(kind))


class _Colour(str, enum.Enum):
    RED = "红"


class _Part(Model):
    shade: _Colour = field("色调", "颜色。")


class _Thing(Model):
    id: Text = field("编号", "编号。")
    parts: list[_Part] = field("部件", "部件。", default_factory=list)
    count: StrictInt = field("数量", "数量。", default=1)
    done: StrictBool = field("完成", "是否完成。", default=False)
    unlabelled: Text | None = field("", "", default=None)


def test_the_check_names_a_field_the_form_lacks_or_mislabels() -> None:
    """The test above can fail: a dropped nested field and a field without a Chinese label are reported."""
    kind = Kind("thing", _Thing, "测试", "things")
    from generator.cms.config import kind_fields

    fields = kind_fields(kind, LINKS)
    parts = next(f for f in fields if f["name"] == "parts")
    parts["fields"] = []
    problems = missing_widgets(kind, fields)
    assert "thing.parts.shade: 没有表单控件" in problems
    assert "thing.unlabelled: 没有中文名称" in problems and "thing.unlabelled: 没有填写说明" in problems
    assert not [p for p in problems if p.startswith(("thing.count", "thing.done", "thing.id"))], problems


def test_widgets_follow_the_types() -> None:
    fields = fields_for(KINDS["service"])
    by_name = {f["name"]: f for f in fields}
    assert by_name["changed_on"]["widget"] == "datetime" and by_name["changed_on"]["format"] == "YYYY-MM-DD"
    assert by_name["changed_on"]["time_format"] is False
    assert by_name["handling_type"]["widget"] == "select" and by_name["handling_type"]["required"] is False
    assert by_name["materials"]["widget"] == "list" and by_name["materials"]["summary"] == "{{fields.name}}"
    assert by_name["conditions"]["widget"] == "list" and by_name["conditions"]["field"]["widget"] == "text"
    assert by_name["fee_bases"] == {**by_name["fee_bases"], "widget": "relation", "collection": "fees", "multiple": True}
    assert by_name["department"]["options"] == [{"label": "示例县测试局（demo）", "value": "demo"}]
    template = _find(fields, ("procedure", "template"))
    assert template["widget"] == "relation" and template["collection"] == "procedures"
    copies = _find(fields, ("materials", "copies"))
    assert copies["widget"] == "number" and copies["value_type"] == "int" and (copies["min"], copies["max"]) == (0, 100)
    assert "不填时按" not in copies["hint"] and "未公布" in copies["hint"] and "default" not in copies  # unknown is not 1 份 (issue 21)
    content = _find(fields_for(KINDS["power"]), ("disclosure", "content"))
    assert content["required"] is False and "填写本部分时必填" in content["hint"]  # inside an optional object
    assert by_name["promised_limit"]["required"] is False  # a statutory or a promised limit (issue 21)
    assert "required" not in _find(fields, ("materials", "name"))
    assert by_name["id"]["pattern"][0] == "^[a-z0-9]+(-[a-z0-9]+)*$"
