"""Small builders for unit tests: raw documents and validated records without touching the disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.load import RawDocument
from generator.validate import Validated, validate_document

DEPARTMENT: dict[str, Any] = {
    "id": "demo",
    "name": "示例县测试局",
    "contact": {"phone": "0000-1234567"},
    "supervision": {"internal": [{"name": "县测试局机关纪委", "phone": "0000-1234568"}]},
    "complaint_channels": [{"name": "12345 政务服务便民热线", "phone": "12345"}],
}
BASIS = [{"title": "中华人民共和国行政许可法", "level": "法律", "article": "第十二条", "text": "下列事项可以设定行政许可"}]


def power(**fields: Any) -> dict[str, Any]:
    base = {"id": "p", "name": "示例职权", "department": "demo", "category": "行政确认", "legal_basis": BASIS,
            "changed_on": "2025-01-01", "change_note": "首次制定"}
    return {**base, **fields}


def secret_power(**fields: Any) -> dict[str, Any]:
    base = {"id": "hidden", "name": "涉密职权", "department": "demo", "secret": True,
            "secrecy": {"reason": "涉及国家秘密", "basis": "《中华人民共和国保守国家秘密法》第九条"}, "changed_on": "2025-01-01"}
    return {**base, **fields}


def service(**fields: Any) -> dict[str, Any]:
    base = {"id": "s", "name": "示例服务", "department": "demo", "description": "开具证明。", "charged": False, "materials": [],
            "promised_limit": {"days": 1, "unit": "工作日"}, "changed_on": "2025-01-01", "change_note": "首次制定"}
    return {**base, **fields}


def raw(data: Any, kind: str = "powers", folder: str = "demo", name: str | None = None) -> RawDocument:
    stem = name or (str(data.get("id")) if isinstance(data, dict) else "x")
    path = Path(f"catalogue/{folder}/department.yaml") if kind == "department" else Path(f"catalogue/{folder}/{kind}/{stem}.yaml")
    return RawDocument(path, path.as_posix(), kind, folder, data)


def validated(data: Any, kind: str = "powers", folder: str = "demo") -> Validated:
    document = raw(data, kind, folder)
    record, problems = validate_document(document)
    assert record is not None, problems
    return Validated(document, record)
