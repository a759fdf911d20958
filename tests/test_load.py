"""Stage 1, load: safe parsing, placement rules, and hostile input that must never raise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.load import MAX_DEPTH, classify, load_catalogue, load_yaml_file

DEPARTMENT = "id: demo\nname: 示例县测试局\n"


def _catalogue(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    root = tmp_path / "catalogue"
    for rel, content in {"demo/department.yaml": DEPARTMENT, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def _only_problem(tmp_path: Path, content: bytes | str, name: str = "demo/powers/x.yaml") -> str:
    result = load_catalogue(_catalogue(tmp_path, {name: content}))
    assert len(result.diagnostics) == 1, result.diagnostics
    d = result.diagnostics[0]
    assert d.path.endswith(name)
    return f"{d.line}:{d.col}:{d.subject()}{d.message}"


def test_good_files_load_with_kind_and_folder(tmp_path: Path) -> None:
    result = load_catalogue(_catalogue(tmp_path, {"demo/powers/a.yaml": "id: a\nchanged_on: 2025-01-01\n"}))
    assert result.diagnostics == [] and result.files == 2
    kinds = {(d.kind, d.folder) for d in result.documents}
    assert kinds == {("department", "demo"), ("powers", "demo")}
    power = next(d for d in result.documents if d.kind == "powers")
    assert power.data["changed_on"] == "2025-01-01"  # dates stay text until validation gives them a line


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "1:1:文件是空的。请填写记录内容，或删除这个文件。"),
        ("# 只有注释\n", "1:1:文件是空的。请填写记录内容，或删除这个文件。"),
        ("- a\n- b\n", "1:1:文件内容应为“字段: 值”形式的记录，当前为空或不是键值对。"),
        ("42\n", "1:1:文件内容应为“字段: 值”形式的记录，当前为空或不是键值对。"),
        ("id: a\n---\nid: b\n", "1:1:一个文件只能写一条记录，请删除多余的“---”分隔线。"),
        (b"\xff\xfe\x00\x01garbage\x80", "1:1:文件不是 UTF-8 编码。请在编辑器中以 UTF-8 编码另存。"),
        ("id: a\nname: 中文\n".encode("gbk"), "2:1:文件不是 UTF-8 编码。请在编辑器中以 UTF-8 编码另存。"),
        ("id: a\x00b\n", "1:1:YAML 格式错误：文件中有不可见的控制字符。请删除它们后再保存。"),
        ("id: x\n\tname: tab\n", "2:1:YAML 格式错误：不能用 Tab 缩进，请改用空格。"),
        ('id: x\nname: "open\n', "3:1:YAML 格式错误：引号没有闭合。请检查这一行的引号是否成对。"),
        ("id: !!python/object:os.system x\n", "1:5:YAML 格式错误：不支持 YAML 标签（以 ! 开头的写法）。请去掉标签，直接写值。"),
        ("a: &x [1]\nb: *x\n", "1:4:不允许使用 YAML 锚点或别名（&x / *x）。请把内容直接写出来。"),
        ("? [a, b]\n: c\n", "1:1:字段名“[a, b]”不是文字。字段名应为英文小写字段名，例如 name；若是值，请写在冒号后面。"),
        ("id: a\nid: b\n", "2:1:重复字段 (id): 字段“id”重复出现。同一层级的字段只能写一次，请删除或合并重复的一项。"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", f"1:23:YAML 嵌套层级过深（超过 {MAX_DEPTH} 层）。记录用不到这么多层，请检查缩进和括号。"),
        # the C composer recursed once per level: 30,000 crashed the process (a segmentation fault, no message)
        ("id: " + "[" * 30000 + "\n", f"1:24:YAML 嵌套层级过深（超过 {MAX_DEPTH} 层）。记录用不到这么多层，请检查缩进和括号。"),
        ("id: " + "{a: " * 30000 + "\n", f"1:81:YAML 嵌套层级过深（超过 {MAX_DEPTH} 层）。记录用不到这么多层，请检查缩进和括号。"),
    ],
    ids=["empty", "comment-only", "list", "scalar", "two-documents", "binary", "gbk", "nul", "tab", "open-quote",
         "python-tag", "alias", "complex-key", "duplicate", "deep", "deeper-than-the-stack", "deep-mappings"],
)
def test_hostile_file_gives_one_plain_problem(tmp_path: Path, content: bytes | str, expected: str) -> None:
    assert _only_problem(tmp_path, content) == expected


def test_deep_block_mapping_is_refused(tmp_path: Path) -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n"
    assert "嵌套层级过深" in _only_problem(tmp_path, text)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("demo/power/x.yaml", "文件位置不对。"),
        ("demo/powers/nested/x.yaml", "文件位置不对。"),
        ("stray.yaml", "文件位置不对。"),
        ("demo/powers/x.yml", "文件扩展名应为 .yaml，请把 .yml 改为 .yaml。"),
    ],
)
def test_misplaced_files_are_reported_not_loaded(tmp_path: Path, name: str, message: str) -> None:
    result = load_catalogue(_catalogue(tmp_path, {name: "id: x\n"}))
    assert [d.message[: len(message)] for d in result.diagnostics] == [message]
    assert all(d.kind == "department" for d in result.documents)


def test_classify(tmp_path: Path) -> None:
    root = tmp_path
    assert classify(root, root / "d" / "department.yaml") == ("department", "d")
    assert classify(root, root / "d" / "fees" / "f.yaml") == ("fees", "d")
    assert classify(root, root / "d" / "other" / "f.yaml") is None
    assert classify(root, root / "department.yaml") is None


def test_big_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(b"a: " + b"x" * (1024 * 1024) + b"\n")
    data, problem = load_yaml_file(path)
    assert data is None and problem is not None and problem.message.startswith("文件过大（1048580 字节）")


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    data, problem = load_yaml_file(missing)
    assert data is None and problem is not None and problem.message.startswith("无法读取文件")


def test_forked_loading_gives_the_same_result_as_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large catalogues are parsed in a forked helper too; the order, data, bytes and problems must not change."""
    import generator.load as load

    files: dict[str, bytes | str] = {f"demo/powers/p{i:02}.yaml": f"id: p{i:02}\nname: 职权{i}\nn: {i}\n" for i in range(30)}
    files |= {
        "demo/powers/dup.yaml": "id: a\nid: b\n",  # a problem from the reference loader
        "demo/powers/deep.yaml": "a: " + "[" * 30 + "]" * 30 + "\n",  # data too deep for the fast path
        "demo/powers/set.yaml": "id: s\nv: !!set {a, b}\n",  # a set: refused by the reference loader (no order)
        "demo/powers/gbk.yaml": "id: g\nname: 中文\n".encode("gbk"),
        "demo/fees/x.yml": "id: x\n",
    }
    catalogue = _catalogue(tmp_path, files)
    serial = load_catalogue(catalogue)
    monkeypatch.setattr(load, "PARALLEL_FROM", 1)
    monkeypatch.setattr(load.os, "cpu_count", lambda: 3)
    forked = load_catalogue(catalogue)
    assert forked.diagnostics == serial.diagnostics and len(serial.diagnostics) == 5
    assert [(d.path, d.shown, d.kind, d.data, d.raw) for d in forked.documents] == [
        (d.path, d.shown, d.kind, d.data, d.raw) for d in serial.documents
    ]
    assert len(serial.documents) == 31 and serial.documents[0].raw == DEPARTMENT.encode()


def test_a_view_loads_the_files_it_names_in_the_same_order_and_reports_a_gone_one(tmp_path: Path) -> None:
    files: dict[str, bytes | str] = {f"demo/powers/p{i:02}.yaml": f"id: p{i:02}\nname: 职权{i}\n" for i in (3, 1, 2)}
    catalogue = _catalogue(tmp_path, files)
    whole = load_catalogue(catalogue)
    only = frozenset({"demo/department.yaml", "demo/powers/p02.yaml", "demo/powers/p01.yaml"})
    view = load_catalogue(catalogue, only)
    assert [d.path for d in view.documents] == [d.path for d in whole.documents if d.path.relative_to(catalogue).as_posix() in only]
    (catalogue / "demo/powers/p01.yaml").unlink()  # a part job's files changed after the check: said, not skipped
    gone = load_catalogue(catalogue, only)
    assert len(gone.documents) == 2 and any("p01.yaml" in d.path for d in gone.diagnostics)


def test_discover_matches_rglob_order_and_rules(tmp_path: Path) -> None:
    """discover() uses scandir; it must find and order regular files exactly as sorted(rglob) + is_file() did,
    and leave out every link, file or folder (they are refused, see test_links_and_special_files_are_refused)."""
    from generator.load import discover

    for rel in ("a-b/x.yaml", "a/b.yaml", "a/b/c.yml", "a/.yaml", "a/z.txt", "A/x.yaml", "a/b/d.yaml.bak", "é/x.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("id: x\n", encoding="utf-8")
    (tmp_path / "a" / "link.yaml").symlink_to(tmp_path / "a" / "b.yaml")
    (tmp_path / "a" / "broken.yaml").symlink_to(tmp_path / "missing.yaml")
    (tmp_path / "linked-dir").symlink_to(tmp_path / "a", target_is_directory=True)
    expected = sorted(p for p in tmp_path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file() and not p.is_symlink())
    found, refused = discover(tmp_path)
    assert found == expected and len(expected) == 5
    assert sorted(d.path.rsplit("/", 1)[-1] for d in refused) == ["broken.yaml", "link.yaml", "linked-dir"]


def test_links_and_special_files_are_refused_unread(tmp_path: Path) -> None:
    catalogue = _catalogue(tmp_path, {"demo/powers/a.yaml": "id: a\n"})
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: secret\nname: 仓库外的文件\n", encoding="utf-8")
    (catalogue / "demo" / "powers" / "linked.yaml").symlink_to(outside)
    (catalogue / "demo" / "powers" / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(catalogue / "demo" / "powers" / "pipe.yaml")  # opening it for reading would wait for a writer
    (catalogue / "other").symlink_to(catalogue / "demo", target_is_directory=True)
    (catalogue / "demo" / "fees").mkdir()
    (catalogue / "demo" / "fees" / os.fsdecode(b"\xff.yaml")).write_text("id: x\n", encoding="utf-8")
    result = load_catalogue(catalogue)
    assert [d.data["id"] for d in result.documents if d.kind == "powers"] == ["a"]
    messages = {d.path.rsplit("/", 1)[-1]: d.message for d in result.diagnostics}
    assert set(messages) == {"linked.yaml", "zero.yaml", "pipe.yaml", "other", "\ufffd.yaml"}
    assert messages["zero.yaml"].startswith("这是符号链接，不是普通文件，未读取。")
    assert messages["pipe.yaml"].startswith("这是命名管道（FIFO），不是普通文件，未读取。")
    assert messages["\ufffd.yaml"].startswith("文件名或文件夹名不是有效的 UTF-8 文字")
    assert result.files == 7


def test_a_link_given_as_a_single_file_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").symlink_to("/dev/zero")
    data, problem = load_yaml_file(tmp_path / "t.yaml")
    assert data is None and problem is not None and problem.message.startswith("这是符号链接")


def test_display_paths_equal_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.paths import display_path, display_paths

    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    paths = [Path(p) for p in ("catalogue/a/b.yaml", "x.yaml", "..x.yaml", "../other/c.yaml", "catalogue/../q.yaml", ".")]
    paths += [tmp_path / "work" / "catalogue" / "d.yaml", tmp_path / "elsewhere.yaml", Path("/"), tmp_path / "work" / "..a" / "e.yaml"]
    paths += [Path(".."), Path("a/.."), Path("/f.yaml"), Path("//srv/g.yaml")]  # the parent's text by os.path.split
    assert display_paths(paths) == [display_path(p) for p in paths]
