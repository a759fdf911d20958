"""`gongkai new`: a new record that the models accept, with placeholders `check` reports until they are filled."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.editor.kinds import KINDS, Kind, field_order
from generator.editor.schema import SCHEMA_DIR
from generator.errors import GongkaiError
from generator.files import is_printable, printable
from generator.models.base import ID_PATTERN

PLACEHOLDER = "待填写"

_POWER = """\
id: {id}
name: 待填写：职权的规范名称，与权力清单一致
department: {department}
# 职权类别，可选：行政许可、行政处罚、行政强制、行政征收、行政裁决、行政确认、行政给付、行政检查、
# 非行政许可审批、行政奖励、其他行政执法权、行政事业性收费、重大事项决策、内部管理、其他
category: 行政许可
exercise_mode: 依申请  # 依申请 或 依职权
legal_basis:
  - title: 待填写：法律、法规或规章的全称
    level: 法律  # 法律、行政法规、国务院决定、地方性法规、自治条例和单行条例、部门规章、地方政府规章、规范性文件
    article: 待填写：具体条款，例如 第十二条第一款
    text: 待填写：条款原文，照录
office: 待填写：承办的内设机构
materials:  # 申请材料（一次性告知）；确实不需要任何材料的写 materials: []
  - name: 待填写：材料的规范名称
    # 原文写明形式和份数的，去掉下面两行行首的“# ”并核对；没有写明的不要填（页面显示“未公布”）
    # form: 原件  # 原件、复印件、原件和复印件 或 电子材料
    # copies: 1
handling_type: 承诺件  # 即办件、承诺件 或 一审一核
statutory_limit: {{days: 20, unit: 工作日}}  # 法律规定的时限，核对天数和单位
promised_limit: {{days: 10, unit: 工作日}}  # 承诺时限不得长于法定时限
charged: false  # 核对：原文写明不收费的填 false，收费的填 true 并填写收费依据，没有写明的删掉这一行
procedure:
  template: licensing  # 法定程序模板（flowcharts/ 中的文件名），须与职权类别相符
  steps:
    - ref: accept  # 模板中的环节编号
      post: 待填写：承办岗位，例如 窗口受理岗
      promised_limit: {{days: 1, unit: 工作日}}
changed_on: {today}
change_note: 待填写：新增本事项的原因或依据的文件
"""

_FEE = """\
id: {id}
name: 待填写：收费项目的规范名称
department: {department}
fee_type: 行政事业性收费  # 行政事业性收费、政府性基金 或 经营服务性收费
standards:
  - item: 待填写：收费子项
    amount: 待填写：金额，例如 80 元
    unit: 待填写：计费单位，例如 每件
approving_documents:
  - title: 待填写：批准收费的文件全称
    number: 待填写：文号，例如 发改价规〔2016〕2559号
    issuer: 待填写：发文机关
payer: 待填写：缴费对象
changed_on: {today}
change_note: 待填写：新增本事项的原因或依据的文件
"""

_SERVICE = """\
id: {id}
name: 待填写：服务事项的规范名称
department: {department}
description: 待填写：为群众办什么事，一两句话
conditions:
  - 待填写：办理条件
materials:  # 申请材料（一次性告知）；确实不需要任何材料的写 materials: []
  - name: 待填写：材料的规范名称
    # 原文写明形式和份数的，去掉下面两行行首的“# ”并核对；没有写明的不要填（页面显示“未公布”）
    # form: 原件  # 原件、复印件、原件和复印件 或 电子材料
    # copies: 1
handling_type: 即办件  # 即办件、承诺件 或 一审一核
promised_limit: {{days: 0, unit: 工作日}}  # 当场办结填 0；核对天数和单位
charged: false  # 核对：原文写明不收费的填 false，收费的填 true 并填写收费依据，没有写明的删掉这一行
location: 待填写：办理窗口的地址
changed_on: {today}
change_note: 待填写：新增本事项的原因或依据的文件
"""

TEMPLATES = {"power": _POWER, "fee": _FEE, "service": _SERVICE}


class ScaffoldError(GongkaiError):
    """The new record cannot be written (unknown department, bad id, file exists)."""


@dataclass(frozen=True)
class NewRecord:
    kind: Kind
    department: str
    record_id: str
    catalogue: Path
    today: date

    @property
    def path(self) -> Path:
        return self.catalogue / self.department / str(self.kind.folder) / f"{self.record_id}.yaml"


def schema_comment(record_path: Path, schema_dir: Path, kind: Kind) -> str:
    """The yaml-language-server modeline, with the schema path relative to the record (as VS Code resolves it)."""
    relative = os.path.relpath(schema_dir / kind.schema_file, record_path.parent)
    if not is_printable(relative):  # a folder name that is not UTF-8 cannot be written into a UTF-8 record
        raise ScaffoldError(f"JSON Schema 文件夹名“{printable(str(schema_dir))}”含有无法识别的字符。请用 --schema-dir 指定名称只含正常字符的文件夹。")
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}\n"


def optional_fields(kind: Kind, body: str) -> str:
    """Every field the draft does not fill in, as a comment with its label: the models list what a record may say,
    so a new field appears here without editing the templates (issue 21). Left as comments, they state nothing."""
    written = set(re.findall(r"^([a-z_]+):", body, re.MULTILINE))
    lines = ["", "# 以下字段按原文填写：原文有的，去掉行首的“# ”并填写；原文没有的，不要填（页面显示“未公布”），不要写“待定”“暂无”。"]
    for name in field_order(kind.model):
        info = kind.model.model_fields[name]
        if name not in written:
            first = (info.description or "").split("。")[0]
            lines.append(f"# {name}:  # {info.title}：{first}")
    return "\n".join(lines) + "\n" if len(lines) > 2 else ""


def render(new: NewRecord, schema_dir: Path) -> str:
    body = TEMPLATES[new.kind.name].format(id=new.record_id, department=new.department, today=new.today.isoformat())
    return schema_comment(new.path, schema_dir, new.kind) + body + optional_fields(new.kind, body)


def default_id(kind: Kind, department_dir: Path) -> str:
    """new-power, new-power-2, …: the first that is free, so two drafts never collide."""
    base, n = f"new-{kind.name}", 1
    while (department_dir / str(kind.folder) / f"{base if n == 1 else f'{base}-{n}'}.yaml").exists():
        n += 1
    return base if n == 1 else f"{base}-{n}"


def validate_request(new: NewRecord) -> None:
    department_dir = new.catalogue / new.department
    if not (department_dir / "department.yaml").is_file():
        known = sorted(p.parent.name for p in new.catalogue.glob("*/department.yaml"))
        raise ScaffoldError(f"部门“{new.department}”不存在（没有 {department_dir / 'department.yaml'}）。已有的部门：{'、'.join(known) or '无'}。")
    if not re.match(ID_PATTERN, new.record_id) or len(new.record_id) > 80:
        raise ScaffoldError(f"编号“{new.record_id}”格式不对：只能用小写字母 a-z、数字 0-9 和连字符 -，例如 food-business-licence。")
    if new.path.exists():
        raise ScaffoldError(f"{new.path} 已存在，不会覆盖。请换一个编号（--id），或直接编辑该文件。")


def create(new: NewRecord, schema_dir: Path) -> Path:
    validate_request(new)
    text = render(new, schema_dir)  # before the file exists: a failure leaves nothing behind
    new.path.parent.mkdir(parents=True, exist_ok=True)
    with new.path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even if a file appeared meanwhile
        out.write(text)
    return new.path


def kind_named(name: str) -> Kind:
    return KINDS[name]


__all__ = ["NewRecord", "PLACEHOLDER", "SCHEMA_DIR", "ScaffoldError", "create", "default_id", "render"]
