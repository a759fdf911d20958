"""Statutory procedure templates: flowcharts/<id>.yaml, validated like records."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.load import RawDocument, load_yaml_file
from generator.models import ProcedureTemplate
from generator.paths import display_path
from generator.validate import pydantic_diagnostic

from pydantic import ValidationError


def load_templates(folder: Path) -> tuple[dict[str, ProcedureTemplate], list[Diagnostic]]:
    templates: dict[str, ProcedureTemplate] = {}
    diagnostics: list[Diagnostic] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        data, problem = load_yaml_file(path)
        if problem:
            diagnostics.append(problem)
            continue
        raw = RawDocument(path, display_path(path), "template", "", data)
        try:
            template = ProcedureTemplate.model_validate(data)
        except ValidationError as exc:
            diagnostics.extend(pydantic_diagnostic(raw, ProcedureTemplate, e) for e in exc.errors(include_url=False))
            continue
        if template.id != path.stem:
            diagnostics.append(Diagnostic(raw.shown, label="模板编号", key="id", loc=("id",),
                                          message=f"模板编号“{template.id}”应与文件名“{path.stem}”相同。"))
        templates[template.id] = template
    return templates, diagnostics
