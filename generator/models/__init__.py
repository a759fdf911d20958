"""Typed record models: the single source for validation, the editor's JSON Schema and the field reference."""

from generator.models.department import Department
from generator.models.fee import FeeBasis
from generator.models.power import SECRET_FIELDS, Category, HandlingType, Power, PowerClass, SecretPower
from generator.models.procedure import ProcedureTemplate
from generator.models.service import ServiceItem

# Folder name inside a department folder → record model.
RECORD_KINDS: dict[str, type] = {"powers": Power, "fees": FeeBasis, "services": ServiceItem}
KIND_LABELS: dict[str, str] = {"powers": "行政职权", "fees": "收费依据", "services": "服务事项", "department": "部门", "secret-power": "涉密职权"}

__all__ = [
    "Category",
    "Department",
    "FeeBasis",
    "HandlingType",
    "KIND_LABELS",
    "Power",
    "PowerClass",
    "ProcedureTemplate",
    "RECORD_KINDS",
    "SECRET_FIELDS",
    "SecretPower",
    "ServiceItem",
]
