"""Stage 4, resolve: references, folder ownership, inheritance and template merging."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.models import ProcedureTemplate
from generator.resolve import resolve
from tests.helpers import DEPARTMENT, power, secret_power, service, validated

TEMPLATE = ProcedureTemplate.model_validate({
    "id": "licensing", "name": "行政许可", "law": "行政许可法", "applies_to": ["行政许可"], "mode": "依申请",
    "steps": [
        {"id": "accept", "name": "受理", "article": "第三十二条", "quote": "应当当场或者在五日内一次告知",
         "statutory_limit": {"days": 5, "unit": "工作日"}, "actor": "窗口"},
        {"id": "review", "name": "审查", "article": "第三十四条", "quote": "行政机关应当对申请人提交的申请材料进行审查。"},
        {"id": "decide", "name": "决定", "article": "第四十二条", "quote": "自受理行政许可申请之日起二十日内作出行政许可决定",
         "statutory_limit": {"days": 20, "unit": "工作日"}},
    ],
})


def _resolve(*items, templates=None):
    items = [validated(DEPARTMENT, "department"), *items]
    return resolve(items, [i.raw for i in items], templates if templates is not None else {"licensing": TEMPLATE}, Path("."))


def _messages(diagnostics) -> list[tuple[str, str]]:
    return [(d.key, d.message) for d in diagnostics]


def test_records_inherit_department_defaults_unless_they_override() -> None:
    catalogue, problems = _resolve(validated(power(id="a")), validated(power(id="b", contact={"phone": "110"})))
    assert problems == []
    assert catalogue.entries["a"].contact.phone == "0000-1234567"
    assert catalogue.entries["b"].contact.phone == "110"
    assert catalogue.entries["a"].complaints[0].name == "12345 政务服务便民热线"


def test_empty_list_overrides_inheritance_and_is_then_an_error() -> None:
    _, problems = _resolve(validated(power(complaint_channels=[])))
    assert [d.key for d in problems] == ["complaint_channels"]
    assert problems[0].loc == ("complaint_channels",)  # present in the record: point at it


def test_template_steps_merge_in_statutory_order_with_own_steps_inserted() -> None:
    procedure = {"template": "licensing", "steps": [
        {"ref": "decide", "post": "批准岗", "promised_limit": {"days": 10, "unit": "工作日"}},
        {"id": "visit", "name": "现场核查", "after": "review", "post": "核查岗"},
        {"id": "notify", "name": "告知", "post": "窗口"},
    ]}
    rights = [{"name": "陈述、申辩", "step": "visit"}]
    catalogue, problems = _resolve(validated(power(category="行政许可", procedure=procedure, rights=rights)))
    assert problems == []
    steps = catalogue.entries["p"].steps
    assert [s.key for s in steps] == ["accept", "review", "visit", "decide", "notify"]
    assert steps[0].post == "窗口" and steps[3].post == "批准岗" and steps[3].statutory_limit.days == 20
    assert [r.name for r in steps[2].rights] == ["陈述、申辩"]


def test_reference_errors() -> None:
    procedure = {"template": "licensing", "steps": [{"ref": "nope"}, {"name": "x", "post": "y", "after": "ghost"}]}
    _, problems = _resolve(validated(power(category="行政许可", procedure=procedure, fee_bases=["no-fee"], charged=True,
                                           rights=[{"name": "听证", "step": "hearing"}])))
    assert _messages(problems) == [
        ("fee_bases", "收费依据“no-fee”不存在。请填写 fees/ 中已有的收费依据编号。"),
        ("ref", "模板环节“nope”不存在。模板“licensing”的环节有：accept、review、decide。"),
        ("after", "插入位置“ghost”不是已有的环节编号。"),
        ("step", "所在环节“hearing”不是本流程中的环节编号。"),
    ]


def test_template_suggestion_is_a_warning() -> None:
    _, problems = _resolve(validated(power(category="行政许可")))
    assert [(d.key, d.severity.value) for d in problems] == [("template", "警告")]


def test_identity_checks() -> None:
    dept = validated({**DEPARTMENT, "id": "other"}, "department", folder="demo")
    _, problems = resolve([dept], [dept.raw], {}, Path("."))
    assert _messages(problems) == [("id", "部门编号“other”应与所在文件夹“demo”相同。")]
    _, problems = _resolve(validated(power(id="same")), validated(service(id="same"), "services"))
    assert _messages(problems) == [("id", "编号“same”已被 catalogue/demo/powers/same.yaml 使用。编号必须全目录唯一，请换一个编号。")]


def test_fee_users_and_secret_entries() -> None:
    fee = validated({"id": "f", "name": "工本费", "department": "demo", "fee_type": "行政事业性收费",
                     "standards": [{"item": "证", "amount": "10 元"}],
                     "approving_documents": [{"title": "通知", "number": "1号", "issuer": "省发改委"}],
                     "payer": "申请人", "changed_on": "2025-01-01", "change_note": "首次制定"}, "fees")
    secret = validated(secret_power(id="hidden"))
    public = validated(power(id="open", charged=True, fee_bases=["f"]))
    catalogue, problems = _resolve(fee, secret, public)
    assert problems == []
    assert [e.id for e in catalogue.fee_users["f"]] == ["open"]  # a secret power never shows up as a user
    assert [e.id for e in catalogue.secret_powers()] == ["hidden"]
    assert [e.id for e in catalogue.public()] == ["f", "open"]


def test_source_matches_path_resolve_with_symlinks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """_source resolves once per folder; it must equal path.resolve().relative_to(root.resolve()) or fall back."""
    from generator.load import RawDocument
    from generator.resolve import _links_in, _resolved_folder, _source

    folder = tmp_path / "proj" / "catalogue" / "x" / "powers"
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text("id: a\n", encoding="utf-8")
    (folder / "l.yaml").symlink_to(folder / "a.yaml")
    (tmp_path / "link").symlink_to(tmp_path / "proj", target_is_directory=True)
    monkeypatch.chdir(tmp_path)

    def original(raw: RawDocument, root: Path) -> str:
        try:
            return raw.path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return raw.shown

    cases = [("proj/catalogue/x/powers/a.yaml", "proj"), (str(tmp_path / "link/catalogue/x/powers/a.yaml"), str(tmp_path / "proj")),
             ("link/catalogue/x/powers/l.yaml", "link"), ("proj/catalogue/x/powers/a.yaml", "/"),
             ("proj/catalogue/x/powers/a.yaml", str(tmp_path / "other")), ("proj/catalogue/x/powers/../powers/a.yaml", "proj")]
    for path, root in cases:
        _resolved_folder.cache_clear()
        _links_in.cache_clear()
        raw = RawDocument(Path(path), "shown", "powers", "x", {})
        assert _source(raw, Path(root)) == original(raw, Path(root)), (path, root)
