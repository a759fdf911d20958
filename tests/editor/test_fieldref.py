"""Every field of every model has a Chinese label and a description; the field reference lists them all."""

from __future__ import annotations

import re

from generator.editor.fieldref import PAGE_PATH, fields_page
from generator.editor.kinds import KINDS, all_models, walk
from generator.site import SiteBundle

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_model_field_has_chinese_label_and_description():
    missing = []
    for model in all_models():
        for name, info in model.model_fields.items():
            if not (info.title and CJK.search(info.title)):
                missing.append(f"{model.__name__}.{name}: 缺少中文名称（title）")
            if not (info.description and CJK.search(info.description)):
                missing.append(f"{model.__name__}.{name}: 缺少说明（description）")
    assert missing == []


def test_walk_reaches_nested_models():
    names = {m.__name__ for m in all_models()}
    assert {"Power", "LegalBasis", "TimeLimit", "Step", "Interface", "Branch", "Channel", "FeeStandard"} <= names


def test_page_lists_every_field_with_label_and_enum_values():
    page = fields_page()
    for kind in KINDS.values():
        for row in walk(kind.model):
            key = ".".join(row.path)
            assert f"| `{key}` | " in page, key
    assert "可选值：行政许可、行政处罚" in page
    assert "| `statutory_limit.unit` | 单位 | 选项 | 选填 |" in page  # a limit is days + unit, or a wording


def test_stage_adds_page_and_schemas_to_bundle():
    from generator.editor.bundle import add_editor_files

    bundle = SiteBundle()
    add_editor_files(bundle)
    assert PAGE_PATH in bundle.pages
    assert {f"schema/{k.schema_file}" for k in KINDS.values()} <= set(bundle.files)
