"""Builders for one synthetic record of each kind, as plain dicts ready for the YAML writer.

Every builder draws only from the `random.Random` it is given, so a seed fixes the whole catalogue.
The records are shaped to pass `check --strict`: step promises stay within their statutory limits and count
from the same event, a record's promise is what its steps' promises add up to, charged records name fee
bases, every step referenced by a right exists.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from generator.limits.timeline import Plan, Segment, latest_end
from generator.models import ProcedureTemplate
from generator.models.common import TimeLimit
from generator.models.procedure import Procedure, StepTiming
from generator.steps import merge_steps
from generator.synth import vocab

CN_DIGITS = "零一二三四五六七八九"
SYNTH_REMARK = "本记录为合成测试数据，由 gongkai synth 生成，不代表任何真实机关的职权。"
FIRST_DAY = date(2022, 1, 1)
LAST_DAY = date(2026, 6, 30)


@dataclass(frozen=True)
class DepartmentSpec:
    id: str
    name: str
    short_name: str
    offices: tuple[str, ...]
    domains: tuple[str, ...]


def article(rng: random.Random) -> str:
    n = rng.randint(2, 89)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 0 else ("" if tens == 1 else CN_DIGITS[tens]) + "十") + ("" if ones == 0 else CN_DIGITS[ones])
    return f"第{text}条" + (f"第{CN_DIGITS[rng.randint(1, 3)]}款" if rng.random() < 0.4 else "")


def _fill(text: str, dept: DepartmentSpec, domain: str) -> str:
    return text.format(domain=domain, dept=dept.short_name, law=domain)


def legal_basis(rng: random.Random, dept: DepartmentSpec, domain: str) -> dict:
    pool = vocab.LAWS["domain"] if rng.random() < 0.7 else vocab.LAWS["common"]
    title, level = rng.choice(pool)
    clause = _fill(rng.choice(vocab.CLAUSE_OPENINGS) + rng.choice(vocab.CLAUSE_BODIES), dept, domain)
    if rng.random() < 0.5:
        clause += "；" + _fill(rng.choice(vocab.CLAUSE_BODIES), dept, domain)
    return {"title": _fill(title, dept, domain), "level": level, "article": article(rng), "text": clause + "。"}


def limit(days: int, unit: str = "工作日", starts: str | None = None) -> dict:
    return {"days": days, "unit": unit} | ({"starts": starts} if starts else {})


def _add_days(point: int, days: TimeLimit) -> int:
    return point + (days.days or 0)


def promised_total(procedure: dict, template: ProcedureTemplate | None) -> tuple[int, str] | None:
    """The whole promise the steps' promises add up to (days, unit), so the record's total never contradicts them;
    None when no step promises a number of days."""
    steps = merge_steps(Procedure.model_validate(procedure), template, [])
    segments = tuple(Segment(i, s.name, s.promised_limit, s.statutory_limit, s.timing, s.completes) for i, s in enumerate(steps))
    promised = [g.promised for g in segments if g.promised and g.promised.counted and g.timing is not StepTiming.EXCLUDED]
    units = {p.unit for p in promised}
    if len(units) != 1:
        return None
    return int(latest_end(Plan(segments, None, None), _add_days, 0)), units.pop().value


def changed(rng: random.Random, dept: DepartmentSpec, domain: str) -> dict:
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    fields = {"changed_on": day.isoformat(), "change_note": _fill(rng.choice(vocab.CHANGE_NOTES), dept, domain + "管理条例")}
    if rng.random() < 0.15:
        fields["change_kind"] = "文字修改"
    return fields


def materials(rng: random.Random, domain: str, count: int) -> list[dict]:
    chosen = rng.sample(vocab.MATERIALS, count)
    out = []
    for name, issuer, form in chosen:
        item = {"name": name.format(domain=domain), "issuer": issuer, "form": form}
        if rng.random() < 0.2:
            item["copies"] = rng.randint(2, 3)
        if rng.random() < 0.15:
            item["required"] = False
            item["note"] = "委托他人代为办理的提交"
        out.append(item)
    return out


def department(spec: DepartmentSpec, index: int) -> dict:
    phone = f"0000-66{index:05d}"
    return {
        "id": spec.id,
        "name": vocab.COUNTY + spec.name,
        "short_name": "县" + spec.short_name,
        "unified_code": f"11{index:06d}MB{index % 97:02d}00000X",
        "description": f"负责全县{'、'.join(spec.domains[:3])}等方面的监督管理和公共服务工作。",
        "owner_team": f"@qinghe-county/{spec.id}",
        "contact": {"phone": phone, "address": f"清河县人民路 {index + 1} 号", "hours": "工作日 8:30-12:00，14:00-17:30"},
        "supervision": {
            "internal": [{"name": f"县{spec.short_name}机关纪委", "phone": f"0000-67{index:05d}"}],
            "external": [{"name": "县纪委监委派驻纪检监察组", "phone": "0000-6618800"},
                         {"name": "县司法局行政执法监督科", "phone": "0000-6613300"}],
        },
        "complaint_channels": [{"name": "12345 政务服务便民热线", "phone": "12345"}],
    }


def fee(rng: random.Random, rid: str, dept: DepartmentSpec) -> dict:
    domain = rng.choice(dept.domains)
    item = rng.choice(vocab.FEE_ITEMS)
    standards = [{"item": f"{domain}{item}", "amount": rng.choice(vocab.FEE_AMOUNTS), "unit": "每件"}]
    if rng.random() < 0.4:
        standards.append({"item": f"{domain}{item}（补发）", "amount": rng.choice(vocab.FEE_AMOUNTS), "unit": "每证",
                          "note": "证件遗失或者损毁申请补发的适用"})
    year = rng.randint(2016, 2024)
    record = {
        "id": rid, "name": f"{domain}{item}", "department": dept.id, "fee_type": "行政事业性收费",
        "standards": standards,
        "approving_documents": [{"title": f"关于{domain}{item}收费标准的通知", "number": f"发改价格〔{year}〕{rng.randint(100, 2999)}号",
                                 "issuer": rng.choice(vocab.FEE_ISSUERS), "issued_on": f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}],
        "payer": f"申请办理{domain}相关事项的单位和个人",
        "exemptions": rng.sample(vocab.EXEMPTIONS, rng.randint(0, 2)),
        "payment": "窗口刷卡、扫码缴费或者通过政务服务网在线缴纳",
        "valid_from": f"{year + 1}-01-01",
        "remarks": SYNTH_REMARK,
    }
    return record | changed(rng, dept, domain)


def _template_steps(rng: random.Random, template: ProcedureTemplate, posts: list[str]) -> list[dict]:
    """Each step with a statutory number of days promises part of it, counted from the same event (never less than
    an earlier promise from that event); steps outside the count (送达 and 执行 after a penalty decision …)
    promise nothing."""
    steps = []
    floor: dict[str | None, int] = {}  # the latest promise so far from each starting event
    for ts in template.steps:
        step: dict = {"ref": ts.id, "post": rng.choice(posts)}
        law = ts.statutory_limit
        if law and law.counted and law.days and ts.timing is not StepTiming.EXCLUDED:
            starts = law.starts.value if law.starts else None
            low = max(1, law.days // 3, floor.get(starts, 0) if starts else 0)
            if low <= law.days:
                days = rng.randint(low, law.days)
                step["promised_limit"] = limit(days, law.unit.value, starts)
                floor[starts] = days
        if rng.random() < 0.5:
            step["description"] = rng.choice(vocab.STEP_DESCRIPTIONS)
        if rng.random() < 0.2:
            kind, party = rng.choice(vocab.INTERFACES)
            step["interfaces"] = [{"kind": kind, "party": party}]
        steps.append(step)
    return steps


def _own_steps(rng: random.Random, taken: set[str], after: list[str], count: int, promised: bool) -> list[dict]:
    """A record's own steps; beside a template's steps they promise nothing of their own (their time is inside the
    template steps' promises)."""
    steps = []
    for sid, name, post in rng.sample(vocab.OWN_STEPS, count):
        if sid in taken:
            continue
        step = {"id": sid, "name": name, "post": post, "description": rng.choice(vocab.STEP_DESCRIPTIONS)}
        if promised:
            step["promised_limit"] = limit(rng.randint(1, 5))
        if after:
            step["after"] = rng.choice(after)
        steps.append(step)
        taken.add(sid)
    return steps


def procedure(rng: random.Random, template: ProcedureTemplate | None, posts: list[str]) -> tuple[dict, list[str]]:
    """A procedure and the keys of all its steps (for rights)."""
    steps = _template_steps(rng, template, posts) if template else []
    keys = [s["ref"] for s in steps]
    own = _own_steps(rng, set(keys), keys, rng.randint(0 if template else 2, 2 if template else 4), template is None)
    result: dict = {"template": template.id} if template else {}
    result["steps"] = steps + own
    return result, keys + [s["id"] for s in own]


def secret_power(rng: random.Random, rid: str, dept: DepartmentSpec) -> dict:
    """Only what a secret power's file may hold (models.SecretPower); the same random draws as a public record's."""
    domain = rng.choice(dept.domains)
    reason, basis = rng.choice(vocab.SECRET_REASONS)
    record = {"id": rid, "name": f"{domain}涉密事项处置", "department": dept.id, "secret": True, "secrecy": {"reason": reason, "basis": basis}}
    return record | {"changed_on": changed(rng, dept, domain)["changed_on"]}


def power(rng: random.Random, rid: str, dept: DepartmentSpec, category: str, template: ProcedureTemplate | None,
          fee_ids: list[str]) -> dict:
    domain = rng.choice(dept.domains)
    post_specs = rng.sample(vocab.POSTS, rng.randint(2, 4))
    mode = template.mode.value if template else ("依申请" if category in ("行政许可", "行政确认", "行政给付") else "依职权")
    statutory = rng.choice([15, 20, 30, 60])
    record: dict = {
        "id": rid, "name": rng.choice(vocab.POWER_NAMES[category]).format(domain=domain), "department": dept.id,
        "basic_code": f"{rng.randint(10000, 99999)}{rng.randint(100000, 999999)}",
        "implementation_code": f"1133{rng.randint(10000000, 99999999)}{rng.randint(1000, 9999)}",
        "category": category, "exercise_mode": mode,
        "service_object": rng.choice(vocab.SERVICE_OBJECTS),
        "legal_basis": [legal_basis(rng, dept, domain) for _ in range(rng.randint(1, 3))],
        "office": rng.choice(dept.offices),
        "posts": [{"name": n, "duties": d, "accountability": a} for n, d, a in post_specs],
    }
    if mode == "依职权":
        record["trigger"] = "、".join(rng.sample(vocab.TRIGGERS, 3))
    record["conditions"] = [c.format(domain=domain) for c in rng.sample(vocab.CONDITIONS, rng.randint(1, 4))]
    if mode == "依申请":
        record["materials"] = materials(rng, domain, rng.randint(2, 6))
    record["procedure"], keys = procedure(rng, template, [p[0] for p in post_specs])
    total = promised_total(record["procedure"], template)
    days, unit = total if total else (rng.randint(max(1, statutory // 4), statutory), "工作日")
    record["handling_type"] = "即办件" if days == 0 else "承诺件"
    record["statutory_limit"] = limit(max(days, statutory), unit)
    record["promised_limit"] = limit(days, unit)
    record |= _charge(rng, fee_ids)
    record["result"] = vocab.RESULTS[category].format(domain=domain)
    if category == "行政处罚":  # drawn from nothing random, so the rest of the catalogue stays as it was
        record["penalty"] = {"kinds": ["警告", "罚款"], "range": f"责令改正，给予警告，可以并处 {statutory * 100} 元以上 {statutory * 500} 元以下罚款"}
    rights = rng.sample(vocab.RIGHTS, rng.randint(1, 3))
    record["rights"] = [{"name": n, "step": rng.choice(keys), "deadline": d} for n, d in rights] if keys else [
        {"name": n, "deadline": d} for n, d in rights]
    record["disclosure"] = {"content": "事项名称、依据、条件、材料、流程、时限、结果", "form": "县政府门户网站、政务服务大厅公示栏",
                            "scope": "面向社会公开", "time": "信息形成或变更之日起 20 个工作日内"}
    if rng.random() < 0.2:
        record["contact"] = {"phone": f"0000-68{rng.randint(10000, 99999)}", "address": f"清河县政务服务中心二楼 {rng.randint(1, 40)} 号窗口"}
    record["remarks"] = SYNTH_REMARK
    return record | changed(rng, dept, domain)


def _charge(rng: random.Random, fee_ids: list[str]) -> dict:
    if fee_ids and rng.random() < 0.15:
        return {"charged": True, "fee_bases": sorted(set(rng.choices(fee_ids, k=rng.randint(1, 2))))}
    return {"charged": False}


def service(rng: random.Random, rid: str, dept: DepartmentSpec, fee_ids: list[str]) -> dict:
    domain = rng.choice(dept.domains)
    name = rng.choice(vocab.SERVICE_NAMES).format(domain=domain)
    posts = [p[0] for p in rng.sample(vocab.POSTS, 2)]
    steps = procedure(rng, None, posts)[0]
    promised = (promised_total(steps, None) or (0, "工作日"))[0]
    record: dict = {
        "id": rid, "name": name, "department": dept.id,
        "description": f"为群众和企业提供{name}服务，{rng.choice(vocab.STEP_DESCRIPTIONS)}。",
        "service_object": rng.choice(vocab.SERVICE_OBJECTS),
        "conditions": [c.format(domain=domain) for c in rng.sample(vocab.CONDITIONS, rng.randint(1, 3))],
        "materials": materials(rng, domain, rng.randint(1, 4)),
        "requirements": rng.sample(["本人到场", "提前通过政务服务网预约", "携带身份证原件"], rng.randint(0, 2)),
        "handling_type": "即办件" if promised == 0 else "承诺件",
        "promised_limit": limit(promised),
    }
    record |= _charge(rng, fee_ids)
    record["location"] = f"县政务服务中心一楼 {rng.randint(1, 60)} 号窗口"
    record["online_url"] = f"https://zwfw.example.gov.cn/qinghe/{rid}"
    record["result"] = f"{domain}办理结果通知"
    record["procedure"] = steps
    record["remarks"] = SYNTH_REMARK
    return record | changed(rng, dept, domain)
