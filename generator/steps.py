"""Merge a record's procedure with its statutory template into one ordered list of steps."""

from __future__ import annotations

from generator.catalogue import ResolvedStep
from generator.models import ProcedureTemplate
from generator.models.procedure import Procedure, Right, Step, StepTiming, TemplateStep


def _from_template(ts: TemplateStep, own: Step | None, rights: list[Right]) -> ResolvedStep:
    """The record's own statutory limit (its own law, with its basis) replaces the template's; everything else
    the record leaves out comes from the template. `rights`: the record's rights at this step."""
    if own is None:
        return ResolvedStep(ts.id, ts.name, ts.actor, ts.statutory_limit, None, ts.description, ts.article, tuple(ts.branches),
                            tuple(ts.interfaces), ts.disclosure, _step_rights(ts, rights), True, ts.quote,
                            ts.timing or StepTiming.SEQUENTIAL, ts.completes, False)
    return ResolvedStep(
        key=ts.id,
        name=own.name or ts.name,
        post=own.post or ts.actor,
        statutory_limit=own.statutory_limit or ts.statutory_limit,
        promised_limit=own.promised_limit,
        description=own.description or ts.description,
        article=ts.article,
        branches=tuple(ts.branches),
        interfaces=tuple(ts.interfaces) + tuple(own.interfaces),
        disclosure=own.disclosure or ts.disclosure,
        rights=_step_rights(ts, rights),
        from_template=True,
        quote=ts.quote,
        timing=own.timing or ts.timing or StepTiming.SEQUENTIAL,
        completes=own.completes or ts.completes,
        statutory_overridden=bool(own.statutory_limit),
    )


def _step_rights(ts: TemplateStep, own: list[Right]) -> tuple[Right, ...]:
    """Statutory rights of the step, then the record's own; a record right with the same name replaces the statutory one."""
    if not own:
        return tuple(ts.rights)
    names = {r.name for r in own}
    return tuple([r for r in ts.rights if r.name not in names] + own)


def _own(step: Step, index: int, rights_at: dict[str | None, list[Right]]) -> ResolvedStep:
    key = step.id or f"step-{index + 1}"
    return ResolvedStep(
        key=key,
        name=step.name or key,
        post=step.post,
        statutory_limit=step.statutory_limit,
        promised_limit=step.promised_limit,
        description=step.description,
        article=None,
        branches=(),
        interfaces=tuple(step.interfaces),
        disclosure=step.disclosure,
        rights=tuple(rights_at.get(key, ())),
        from_template=False,
        timing=step.timing or StepTiming.SEQUENTIAL,
        completes=step.completes,
    )


def merge_steps(procedure: Procedure | None, template: ProcedureTemplate | None, rights: list[Right]) -> tuple[ResolvedStep, ...]:
    """Template steps in statutory order, filled in by `ref`; own steps inserted after `after` or appended."""
    steps = procedure.steps if procedure else []
    by_ref = {s.ref: s for s in steps if s.ref}
    rights_at: dict[str | None, list[Right]] = {}  # the record's rights by step, in their order
    for right in rights:
        rights_at.setdefault(right.step, []).append(right)
    merged = [_from_template(ts, by_ref.get(ts.id), rights_at.get(ts.id, [])) for ts in (template.steps if template else [])]
    for index, step in enumerate(steps):
        if step.ref:
            continue
        own = _own(step, index, rights_at)
        position = next((i + 1 for i, s in enumerate(merged) if s.key == step.after), len(merged))
        merged.insert(position, own)
    return tuple(merged)
