"""`gongkai fmt`: canonical key order, comments kept, idempotent, invalid YAML untouched."""

from __future__ import annotations

import json
import os
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
    assert "第 3 行：YAML 格式错误：这里不能出现“字段: 值”。" in err and "未修改" in err and "Traceback" not in err


def test_missing_path_is_a_plain_error(tmp_path, capsys):
    assert main(["fmt", str(tmp_path / "nope")]) == 1
    assert "找不到" in capsys.readouterr().err


def test_links_pipes_alias_bombs_and_deep_nesting_are_refused_unread_and_unwritten(tmp_path, capsys):
    outside = tmp_path / "outside.yaml"
    outside.write_text(SHUFFLED, encoding="utf-8")  # would be rewritten if fmt wrote through the link
    folder = _power_file(tmp_path, SHUFFLED).parent
    (folder / "linked.yaml").symlink_to(outside)
    os.mkfifo(folder / "pipe.yaml")
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12))
    (folder / "bomb.yaml").write_text(bomb, encoding="utf-8")  # 9^12 nodes when expanded
    (folder / "deep.yaml").write_text("id: " + "[" * 30000 + "\n", encoding="utf-8")
    assert main(["fmt", str(tmp_path / "catalogue")]) == 1
    err = capsys.readouterr().err
    assert outside.read_text(encoding="utf-8") == SHUFFLED and (folder / "linked.yaml").is_symlink()
    assert "linked.yaml: 这是符号链接，不是普通文件，未读取。" in err
    assert "pipe.yaml: 这是命名管道（FIFO），不是普通文件，未读取。" in err
    assert "bomb.yaml: 第 1 行：不允许使用 YAML 锚点或别名" in err
    assert "deep.yaml: 第 1 行：YAML 嵌套层级过深" in err
    assert "共 5 个文件，已整理 1 个，未能处理 4 个" in err
    assert main(["fmt", "--check", str(folder / "linked.yaml")]) == 1  # named directly: still not read
    assert "这是符号链接" in capsys.readouterr().err


def test_fmt_keeps_the_files_permissions(tmp_path):
    path = _power_file(tmp_path, SHUFFLED)
    path.chmod(0o640)
    assert main(["fmt", str(path)]) == 0
    assert path.stat().st_mode & 0o777 == 0o640 and path.read_text(encoding="utf-8") != SHUFFLED
    assert sorted(p.name for p in path.parent.iterdir()) == ["shuffled.yaml"]  # no temporary file left


def test_hidden_folders_are_not_walked(tmp_path, monkeypatch, capsys):
    path = _power_file(tmp_path, SHUFFLED)
    hidden = tmp_path / ".venv" / "lib" / "powers"
    hidden.mkdir(parents=True)
    (hidden / "x.yaml").write_text(SHUFFLED, encoding="utf-8")
    (tmp_path / ".venv" / "python").symlink_to("/usr/bin/python3")
    monkeypatch.chdir(tmp_path)
    assert main(["fmt", "--check", "."]) == 1
    err = capsys.readouterr().err
    assert "shuffled.yaml: 需要整理格式" in err and ".venv" not in err and path.read_text(encoding="utf-8") == SHUFFLED


def _plain(text: str) -> object:
    from generator.load import _fast_yaml

    return json.loads(json.dumps(_fast_yaml().load(text), default=str, sort_keys=True))


def test_records_migrate_without_loss():
    """Issue 21 item 9: every record written before the new fields (the sample) and the real-records corpus keep
    every value and every comment through fmt, and the result validates."""
    from generator.models import SecretPower
    from generator.validate import model_for

    paths = sorted((PROJECT_ROOT / "catalogue").rglob("*.yaml")) + sorted((PROJECT_ROOT / "tests/fixtures/real/catalogue").rglob("*.yaml"))
    assert len(paths) > 80
    for path in paths:
        text = path.read_text(encoding="utf-8")
        out = format_text(text, model_for_path(path))
        assert _plain(out) == _plain(text), path
        comments = [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line and not line.lstrip().startswith(("-", "'", '"'))]
        assert all(c in out for c in comments), path
        kind = "department" if path.name == "department.yaml" else path.parent.name
        data = _plain(out)
        secret = kind == "powers" and data.get("secret") is True  # a secret power's file holds only SecretPower's keys
        (SecretPower if secret else model_for(kind)).model_validate(data)


def test_the_sample_is_already_formatted(capsys):
    # the pull-request workflow runs `gongkai fmt --check`: the sample shows editors the canonical layout
    assert main(["fmt", "--check", "--catalogue", str(PROJECT_ROOT / "catalogue"),
                 "--flowcharts", str(PROJECT_ROOT / "flowcharts")]) == 0, capsys.readouterr().err


def test_check_on_a_catalogue_names_the_unformatted_file(tmp_path, capsys):
    path = _power_file(tmp_path, SHUFFLED)
    tidy = tmp_path / "catalogue" / "demo" / "powers" / "tidy.yaml"
    tidy.write_text(format_text(SHUFFLED, Power), encoding="utf-8")
    assert main(["fmt", "--check", "--catalogue", str(tmp_path / "catalogue")]) == 1
    err = capsys.readouterr().err
    assert f"{path}: 需要整理格式" in err and "tidy.yaml" not in err and "需要整理 1 个" in err
    assert path.read_text(encoding="utf-8") == SHUFFLED
