"""`gongkai synth`: a realistic, deterministic synthetic catalogue for benchmarks and tests.

The plan (which record of which kind, category and template goes to which department) is drawn first,
then each record from the same `random.Random(seed)`; files are written in sorted order. The templates
are read from flowcharts/ at synth time, so the catalogue follows whatever statutory templates exist.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConfigError
from generator.models import Category, ProcedureTemplate
from generator.synth import records as build
from generator.synth import vocab
from generator.synth.yamlout import dump
from generator.templates import load_templates

MARKER = ".gongkai-synth"

# Share of powers per category in a county list: penalties dominate (as in real 权力清单).
CATEGORY_WEIGHTS = {
    Category.PENALTY: 45, Category.LICENSING: 12, Category.INSPECTION: 10, Category.COERCION: 6,
    Category.CONFIRMATION: 4, Category.LEVY: 3, Category.BENEFIT: 3, Category.ADJUDICATION: 2,
    Category.NON_LICENSING_APPROVAL: 2, Category.REWARD: 2, Category.OTHER_ENFORCEMENT: 3, Category.FEE: 2,
    Category.MAJOR_DECISION: 2, Category.INTERNAL: 2, Category.OTHER: 2,
}
SLUGS = {
    Category.PENALTY: "penalty", Category.LICENSING: "licence", Category.INSPECTION: "inspection",
    Category.COERCION: "coercion", Category.CONFIRMATION: "confirmation", Category.LEVY: "levy",
    Category.BENEFIT: "benefit", Category.ADJUDICATION: "adjudication", Category.NON_LICENSING_APPROVAL: "approval",
    Category.REWARD: "reward", Category.OTHER_ENFORCEMENT: "enforcement", Category.FEE: "fee-power",
    Category.MAJOR_DECISION: "decision", Category.INTERNAL: "internal", Category.OTHER: "other",
}
SECRET_SHARE = 0.02


@dataclass(frozen=True)
class SynthSummary:
    departments: int
    powers: int
    secret_powers: int
    fees: int
    services: int
    templates_used: tuple[str, ...]
    bytes_written: int

    @property
    def records(self) -> int:
        return self.powers + self.fees + self.services


def department_specs(count: int) -> list[build.DepartmentSpec]:
    """`count` departments; beyond the 14 base departments, numbered branches (分局) of them."""
    specs = []
    for i in range(count):
        fid, name, short, offices, domains = vocab.DEPARTMENTS[i % len(vocab.DEPARTMENTS)]
        round_ = i // len(vocab.DEPARTMENTS)
        if round_:
            fid, name, short = f"{fid}-{round_ + 1}", f"{name}第{round_ + 1}分局", f"{short}第{round_ + 1}分局"
        specs.append(build.DepartmentSpec(fid, name, short, offices, domains))
    return specs


class TemplatePicker:
    """Chooses a template per power so that every template in flowcharts/ is used and none draws a warning."""

    def __init__(self, templates: dict[str, ProcedureTemplate]) -> None:
        self.fitting = {c: sorted(t for t, tpl in templates.items() if c.value in tpl.applies_to) for c in Category}
        covered = {t for ids in self.fitting.values() for t in ids}
        # Templates that fit no category go to powers of categories without a statutory template.
        self.spare = sorted(set(templates) - covered)
        self.templates = templates
        self.counts: dict[Category, int] = {c: 0 for c in Category}

    def pick(self, category: Category) -> ProcedureTemplate | None:
        options = self.fitting[category] or self.spare
        n = self.counts[category]
        self.counts[category] += 1
        if not options or (not self.fitting[category] and n % 2):  # half the unconstrained powers: own steps only
            return None
        return self.templates[options[(n // (1 if self.fitting[category] else 2)) % len(options)]]


def _categories(rng: random.Random, count: int) -> list[Category]:
    """Every category first (so small catalogues still cover them), then weighted draws."""
    first = list(Category)[:count]
    rest = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()), k=max(0, count - len(first)))
    return first + rest


def _kind_counts(records: int) -> tuple[int, int, int]:
    fees = max(1, round(records * 0.06))
    services = round(records * 0.2)
    return records - fees - services, fees, services


def plan_records(records: int, departments: int, seed: int, templates: dict[str, ProcedureTemplate]) -> tuple[dict[str, str], SynthSummary]:
    """Relative path → YAML text for the whole catalogue."""
    if records < 1 or departments < 1:
        raise ConfigError("记录数和部门数都必须至少为 1。")
    rng = random.Random(seed)
    specs = department_specs(departments)
    n_powers, n_fees, n_services = _kind_counts(records)
    files: dict[str, str] = {}
    for i, spec in enumerate(specs):
        files[f"{spec.id}/department.yaml"] = dump(build.department(spec, i))
    owner = [specs[i % len(specs)] if i < len(specs) else rng.choice(specs) for i in range(records)]
    fee_ids = [f"{owner[i].id}-fee-{i:05d}" for i in range(n_fees)]
    for i, rid in enumerate(fee_ids):
        files[f"{owner[i].id}/fees/{rid}.yaml"] = dump(build.fee(rng, rid, owner[i]))
    picker = TemplatePicker(templates)
    used: set[str] = set()
    secret = 0
    for j, category in enumerate(_categories(rng, n_powers)):
        dept = owner[n_fees + j]
        rid = f"{dept.id}-{SLUGS[category]}-{j:05d}"
        if j >= len(Category) and rng.random() < SECRET_SHARE:
            secret += 1
            files[f"{dept.id}/powers/{rid}.yaml"] = dump(build.secret_power(rng, rid, dept))
            continue
        template = picker.pick(category)
        used |= {template.id} if template else set()
        files[f"{dept.id}/powers/{rid}.yaml"] = dump(build.power(rng, rid, dept, category.value, template, fee_ids))
    for k in range(n_services):
        dept = owner[n_fees + n_powers + k]
        rid = f"{dept.id}-service-{k:05d}"
        files[f"{dept.id}/services/{rid}.yaml"] = dump(build.service(rng, rid, dept, fee_ids))
    size = sum(len(t.encode()) for t in files.values())
    summary = SynthSummary(len(specs), n_powers, secret, n_fees, n_services, tuple(sorted(used)), size)
    return files, summary


def _prepare(out: Path) -> None:
    """Refuse to overwrite a folder we did not create: synth wipes its own earlier output only."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ConfigError(f"输出目录 {out} 不是空目录，也不是 gongkai synth 生成的目录。请换一个目录或先清空。")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def synthesize(out: Path, records: int, departments: int, seed: int, flowcharts: Path) -> SynthSummary:
    templates, problems = load_templates(flowcharts)
    if not templates:
        raise ConfigError(f"在 {flowcharts} 中没有找到可用的流程模板，无法生成合成目录。")
    files, summary = plan_records(records, departments, seed, templates)
    _prepare(out)
    (out / MARKER).write_text(f"records={records} departments={departments} seed={seed}\n", encoding="utf-8")
    for rel in sorted(files):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[rel], encoding="utf-8")
    return summary
