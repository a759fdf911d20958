"""`gongkai fmt`: canonical key order, comments kept, idempotent, invalid YAML untouched."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from generator.editor.fmt import format_text, model_for_path
from generator.editor.kinds import field_order
from generator.models import Power
from generator.paths import PROJECT_ROOT

SHUFFLED = """\
# yaml-language-server: $schema=../../../schema/power.schema.json
# 文件开头的说明
change_note: 示例  # 行尾注释
category: 行政许可
legal_basis:
- level: 法律
  title: 中华人民共和国行政许可法   # 依据
  text: 原文
  article: 第十二条
statutory_limit: {unit: 工作日, days: 20}
department: demo
# 关于编号的说明
id: shuffled
changed_on: 2024-03-01
name: "打乱顺序的职权"
"""


def _power_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalogue" / "demo" / "powers" / "shuffled.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def _top_keys(text: str) -> list[str]:
    return [line.split(":")[0] for line in text.splitlines() if line and line[0] not in " #-"]


def test_key_order_follows_models_and_comments_are_kept():
    out = format_text(SHUFFLED, Power)
    keys = _top_keys(out)
    order = field_order(Power)
    assert keys == sorted(keys, key=order.index)
    assert keys[:3] == ["id", "name", "department"] and keys[-2:] == ["changed_on", "change_note"]
    for comment in ("# yaml-language-server: $schema=../../../schema/power.schema.json", "# 文件开头的说明", "# 行尾注释",
                    "# 依据", "# 关于编号的说明"):
        assert comment in out
    assert out.startswith("# yaml-language-server:")
    assert "  - title: 中华人民共和国行政许可法" in out  # nested keys ordered too, lists indented under their key
    assert "{days: 20, unit: 工作日}" in out  # flow style kept, keys ordered
    assert 'name: "打乱顺序的职权"' in out  # quotes kept


def test_idempotent_on_shuffled_and_sample_records():
    once = format_text(SHUFFLED, Power)
    assert format_text(once, Power) == once
    for path in sorted((PROJECT_ROOT / "catalogue").rglob("*.yaml")) + sorted((PROJECT_ROOT / "flowcharts").glob("*.yaml")):
        model = model_for_path(path)
        first = format_text(path.read_text(encoding="utf-8"), model)
        assert format_text(first, model) == first, path


def test_fmt_twice_gives_same_bytes(tmp_path, monkeypatch):
    path = _power_file(tmp_path, SHUFFLED)
    assert main(["fmt", str(path)]) == 0
    once = path.read_bytes()
    assert once != SHUFFLED.encode()
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == once
    assert main(["fmt", "--check", str(path)]) == 0


def test_check_mode_reports_and_does_not_write(tmp_path, capsys):
    path = _power_file(tmp_path, SHUFFLED)
    assert main(["fmt", "--check", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == SHUFFLED
    assert "需要整理格式" in capsys.readouterr().err


def test_invalid_yaml_is_reported_and_untouched(tmp_path, capsys):
    broken = "id: broken\nname: x\n  department: demo\n"
    path = _power_file(tmp_path, broken)
    assert main(["fmt", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == broken
    err = capsys.readouterr().err
    assert "无法解析" in err and "未修改" in err and "Traceback" not in err


def test_missing_path_is_a_plain_error(tmp_path, capsys):
    assert main(["fmt", str(tmp_path / "nope")]) == 1
    assert "找不到" in capsys.readouterr().err
