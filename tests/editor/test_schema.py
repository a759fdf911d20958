"""The generated JSON Schema accepts every sample record and rejects what the models reject."""

from __future__ import annotations

import copy
import functools
import json

import jsonschema
import pytest
from pydantic import ValidationError

from generator.editor.kinds import BY_FOLDER, KINDS
from generator.editor.schema import all_schemas, editor_schema, schema_for
from generator.load import load_catalogue, load_yaml_file
from generator.paths import PROJECT_ROOT

CATALOGUE = PROJECT_ROOT / "catalogue"
FLOWCHARTS = PROJECT_ROOT / "flowcharts"


@functools.lru_cache(maxsize=None)
def _validator(kind_name: str) -> jsonschema.Draft202012Validator:
    schema = editor_schema(KINDS[kind_name])
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _kind_name(doc_kind: str) -> str:
    return "department" if doc_kind == "department" else BY_FOLDER[doc_kind].name


def _samples() -> list[tuple[str, str, dict]]:
    docs = load_catalogue(CATALOGUE).documents
    found = [(d.shown, _kind_name(d.kind), d.data) for d in docs]
    for path in sorted(FLOWCHARTS.glob("*.yaml")):
        data, problem = load_yaml_file(path)
        assert problem is None
        found.append((path.name, "procedure", data))
    return found


def test_every_sample_record_is_accepted():
    samples = _samples()
    assert len(samples) >= 3
    for shown, kind, data in samples:
        errors = [e.message for e in _validator(kind).iter_errors(data)]
        assert errors == [], f"{shown}: {errors}"


def _power() -> dict:
    data, problem = load_yaml_file(CATALOGUE / "market-regulation" / "powers" / "food-business-licence.yaml")
    assert problem is None
    return data


def _bad(mutate) -> dict:
    data = copy.deepcopy(_power())
    mutate(data)
    return data


BAD = {
    "unknown key": lambda d: d.update(legal_bases=[]),
    "nested unknown key": lambda d: d["legal_basis"][0].update(page=3),
    "wrong type": lambda d: d.update(charged="否"),
    "bare number time limit": lambda d: d.update(statutory_limit=20),
    "float days": lambda d: d.update(promised_limit={"days": 1.5, "unit": "工作日"}),
    "missing required": lambda d: d.pop("change_note"),
    "missing nested required": lambda d: d["legal_basis"][0].pop("text"),
    "bad enum": lambda d: d.update(category="许可"),
    "bad nested enum": lambda d: d.update(statutory_limit={"days": 20, "unit": "天"}),
    "bad id pattern": lambda d: d.update(id="Food_Licence"),
    "bad fee id": lambda d: d.update(fee_bases=["Fee 1"]),
    "blank text": lambda d: d.update(name="   "),
    "empty text": lambda d: d.update(office=""),
    "impossible date": lambda d: d.update(changed_on="2024-02-30"),
    "negative days": lambda d: d.update(statutory_limit={"days": -1, "unit": "工作日"}),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_record_rejected_by_models_and_schema(case):
    from generator.models import Power

    data = _bad(BAD[case])
    with pytest.raises(ValidationError):
        Power.model_validate(data)
    assert list(_validator("power").iter_errors(data)), f"schema accepted: {case}"


def _secret(**extra) -> dict:
    return {"id": "hidden", "name": "涉密职权", "department": "public-security", "secret": True,
            "secrecy": {"reason": "涉及国家秘密", "basis": "保密法"}, "changed_on": "2025-01-01", **extra}


@pytest.mark.parametrize("extra", [{"legal_basis": []}, {"category": "行政检查"}, {"change_note": "调整"}, {"anything": 1}])
def test_secret_power_file_allows_only_its_fields(extra):
    assert not list(_validator("power").iter_errors(_secret()))
    assert list(_validator("power").iter_errors(_secret(**extra))), f"schema accepted {extra}"
    assert list(_validator("power").iter_errors({k: v for k, v in _secret().items() if k != "secrecy"}))


def test_titles_and_descriptions_are_chinese():
    schema = schema_for(KINDS["power"])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "行政职权"
    category = schema["properties"]["category"]
    assert category["title"] == "职权类别" and "行政许可" in category["description"]
    assert "行政处罚" in schema["$defs"]["Category"]["enum"]
    assert "title" not in schema["$defs"]["Category"]  # no English class names or docstrings reach the editor


def test_committed_schema_is_current():
    """schema/ is committed so records can point at it; `gongkai schema` must have been run after a model change."""
    for name, text in all_schemas().items():
        committed = PROJECT_ROOT / "schema" / name
        assert committed.read_text(encoding="utf-8") == text, f"schema/{name} 已过期：请运行 gongkai schema"
        json.loads(text)


def test_schema_is_deterministic():
    assert all_schemas() == all_schemas()
