"""axe-core (axe-playwright-python in Debian's Chromium): no serious or critical violation on the checked pages."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import PAGE_NAMES, VARIANTS

pytestmark = pytest.mark.e2e

BLOCKING = ("serious", "critical")
# Tested on its own (tests/a11y/test_readability.py) because it is our stricter target, not axe's default set.
SEPARATE = {"color-contrast-enhanced"}


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        lines.append(f"{v['id']}（{v['impact']}）：{v['help']} — {targets}")
    return "\n".join(lines)


def test_pages_are_the_ones_checked(pages) -> None:  # noqa: ANN001
    assert list(pages) == PAGE_NAMES


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_serious_or_critical_violation(name: str, variant: str, axe_results) -> None:  # noqa: ANN001
    """Every page kind, in both modes (普通 / 关怀) and both schemes (light / dark)."""
    result = axe_results(name, variant)
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING and v["id"] not in SEPARATE]
    assert not blocking, f"{name}（{variant}）：\n{describe(blocking)}"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_axe_really_ran_its_rules(name: str, axe_results) -> None:  # noqa: ANN001
    """Guards the check itself: an empty or unstyled page would pass vacuously."""
    passed = {rule["id"] for rule in axe_results(name)["passes"]}
    assert {"html-has-lang", "html-lang-valid", "document-title", "color-contrast", "landmark-one-main"} <= passed, passed
