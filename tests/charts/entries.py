"""Small fixture entries for chart tests: one power per statutory template, built straight from the models."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue import Entry
from generator.models import Department, Power, ProcedureTemplate
from generator.models.common import Channel, Contact, Supervision
from generator.steps import merge_steps
from generator.templates import load_templates

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES, _PROBLEMS = load_templates(ROOT / "flowcharts")

CATEGORY = {"行政许可": "行政许可", "行政处罚": "行政处罚", "行政强制": "行政强制", "行政征收": "行政征收",
            "行政确认": "行政确认", "行政给付": "行政给付", "行政检查": "行政检查"}


def department(text: str = "") -> Department:
    return Department(
        id="test-dept", name=f"清河县测试局{text}",
        contact=Contact(phone=f"0000-1234567{text}"),
        supervision=Supervision(internal=[Channel(name=f"机关纪委{text}", phone="0000-1111111", address=f"人民路 1 号{text}")],
                                external=[Channel(name=f"县司法局执法监督科{text}", phone="0000-2222222")]),
        complaint_channels=[Channel(name=f"12345 热线{text}", phone="12345", website="https://example.gov.cn/12345")],
    )


def power_data(template: ProcedureTemplate, text: str = "") -> dict:
    """A record that fills in every text field the chart shows; `text` is appended to each (hostile strings)."""
    first, last = template.steps[0], template.steps[-1]
    category = template.applies_to[0] if template.applies_to else "其他行政执法权"
    return {
        "id": f"fixture-{template.id}", "name": f"测试职权{text}", "department": "test-dept", "category": category,
        "legal_basis": [{"title": f"测试法{text}", "level": "法律", "article": f"第一条{text}", "text": "原文"}],
        "exercise_mode": template.mode.value, "trigger": f"投诉举报{text}", "conditions": [f"符合条件{text}"],
        "result": f"决定书{text}", "changed_on": "2025-01-02", "change_note": f"新增{text}",
        "statutory_limit": {"days": 20, "unit": "工作日", "note": f"说明{text}"},
        "promised_limit": {"days": 10, "unit": "工作日"},
        "procedure": {"template": template.id, "steps": [
            {"ref": first.id, "post": f"受理岗{text}", "promised_limit": {"days": 1, "unit": "工作日"},
             "interfaces": [{"kind": "征求意见", "party": f"县自然资源局{text}", "note": f"5 日内{text}"}],
             "disclosure": f"公开受理信息{text}", "description": f"办理标准{text}"},
            {"id": "own-step", "name": f"自增环节{text}", "after": first.id, "post": f"核查岗{text}",
             "statutory_limit": {"days": 3, "unit": "工作日"}, "promised_limit": {"days": 2, "unit": "工作日"}},
            {"ref": last.id, "post": f"办结岗{text}"},
        ]},
        "rights": [{"name": f"陈述、申辩{text}", "step": "own-step", "deadline": f"5 个工作日内{text}",
                    "basis": {"title": f"测试法{text}", "article": f"第二条{text}", "text": "原文"}, "description": f"书面{text}"},
                   {"name": f"要求说明理由{text}", "deadline": f"当场{text}"}],
    }


def make_entry(template_id: str, text: str = "") -> Entry:
    template = TEMPLATES[template_id]
    power = Power.model_validate(power_data(template, text))
    dept = department(text)
    return Entry(kind="powers", record=power, source="catalogue/test-dept/powers/x.yaml", department=dept,
                 contact=dept.contact, supervision=dept.supervision, complaints=tuple(dept.complaint_channels),
                 steps=merge_steps(power.procedure, template, power.rights), template=template)


HOSTILE = [
    '"quoted" \'single\'', "{braces} [brackets] ;", "back\\slash \\N \\G \\l", "trailing backslash\\",
    "<b>tag</b> <<B>x</B>> </svg>", "javascript:alert(1)", "line\nbreak\r\nand\ttab", "&amp; &#60; &lt;",
    '"]; evil [label="x"', "<TABLE><TR><TD HREF=\"javascript:alert(1)\">x</TD></TR></TABLE>",
    "onload=alert(1) xlink:href=http://evil.example/x.png", "} digraph g { a -> b", "-- ->", "\x00\x07ctl",
]
