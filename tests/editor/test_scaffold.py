"""`gongkai new`: a model-valid record whose only `check` problems are the placeholders to fill in."""

from __future__ import annotations

import re

import pytest

from generator.check import check_catalogue
from generator.cli import main
from generator.editor.kinds import KINDS
from generator.editor.scaffold import PLACEHOLDER
from generator.load import load_yaml_file
from generator.validate import model_for

FOLDERS = {"power": "powers", "fee": "fees", "service": "services"}


def _new(project, kind: str, *extra: str) -> int:
    return main(["new", kind, "--department", "alpha", "--catalogue", str(project / "catalogue"), "--date", "2025-06-03", *extra])


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_new_record_is_valid_and_only_placeholders_are_reported(project, kind):
    assert _new(project, kind, "--id", f"draft-{kind}") == 0
    path = project / "catalogue" / "alpha" / FOLDERS[kind] / f"draft-{kind}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../../schema/{kind}.schema.json"
    data, problem = load_yaml_file(path)
    assert problem is None
    model_for(FOLDERS[kind]).model_validate(data)  # the models accept it as it is

    result = check_catalogue(project / "catalogue", root=project)
    mine = [d for d in result.diagnostics if d.path.endswith(path.name)]
    placeholder_lines = [n for n, line in enumerate(text.splitlines(), 1) if PLACEHOLDER in line.split("#")[0]]
    assert mine, "placeholders must be reported"
    assert all("占位文字" in d.message and d.is_error for d in mine), [d.message for d in mine]
    assert sorted(d.line for d in mine) == placeholder_lines  # exactly one diagnostic on each placeholder line
    assert all(d.key for d in mine)  # each names its field


def test_filled_in_record_passes_check(project):
    assert _new(project, "service", "--id", "residence-permit") == 0
    path = project / "catalogue" / "alpha" / "services" / "residence-permit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"{PLACEHOLDER}：", "实际内容："), encoding="utf-8")
    result = check_catalogue(project / "catalogue", root=project)
    assert [d for d in result.diagnostics if d.path.endswith(path.name)] == []


def test_default_id_and_refuses_to_overwrite(project, capsys):
    assert _new(project, "power") == 0
    assert _new(project, "power") == 0
    powers = sorted(p.name for p in (project / "catalogue" / "alpha" / "powers").iterdir())
    assert powers == ["new-power-2.yaml", "new-power.yaml"]
    before = (project / "catalogue" / "alpha" / "powers" / "new-power.yaml").read_bytes()
    capsys.readouterr()
    assert _new(project, "power", "--id", "new-power") == 1
    assert "已存在，不会覆盖" in capsys.readouterr().err
    assert (project / "catalogue" / "alpha" / "powers" / "new-power.yaml").read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["--id", "Bad_Id"], "格式不对"),
    (["--department", "nowhere"], "部门“nowhere”不存在"),
])
def test_clear_chinese_errors(project, capsys, args, message):
    argv = ["new", "fee", "--department", "alpha", "--catalogue", str(project / "catalogue"), *args]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_every_kind_has_a_schema_file_name():
    assert {KINDS[k].schema_file for k in FOLDERS} == {"power.schema.json", "fee.schema.json", "service.schema.json"}


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_new_record_names_every_field_of_its_kind(project, kind):
    """Issue 21 item 9: every field, new ones included, is in the draft: filled in, or as a comment with its label."""
    assert _new(project, kind, "--id", f"all-{kind}") == 0
    text = (project / "catalogue" / "alpha" / FOLDERS[kind] / f"all-{kind}.yaml").read_text(encoding="utf-8")
    model = KINDS[kind].model
    missing = [name for name in model.model_fields if not re.search(rf"^(# )?{name}:", text, re.MULTILINE)]
    assert missing == []
    for name, info in model.model_fields.items():
        assert re.search(rf"^{name}:", text, re.MULTILINE) or f"# {name}:  # {info.title}：" in text


def test_a_schema_folder_name_that_is_not_utf8_is_refused_and_leaves_no_file(project, capsys):
    # found by tests/security/test_cli_fuzz.py: the modeline could not be written, and an empty file stayed behind
    assert _new(project, "fee", "--id", "odd-schema", "--schema-dir", "bad-\udcff") == 1
    err = capsys.readouterr().err
    assert "含有无法识别的字符" in err and "内部错误" not in err and "Traceback" not in err
    assert not (project / "catalogue" / "alpha" / "fees" / "odd-schema.yaml").exists()
