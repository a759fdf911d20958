"""The public accessibility statement exists, is linked from 关于本站, and states the targets the tests check."""

from __future__ import annotations

import pytest

from tests.a11y import test_readability as readability

pytestmark = pytest.mark.e2e


def test_statement_is_linked_from_about(sample_site) -> None:  # noqa: ANN001
    statement = sample_site.out / "accessibility" / "index.html"
    assert statement.is_file()
    assert 'href="../accessibility/"' in (sample_site.out / "about" / "index.html").read_text(encoding="utf-8")


def test_statement_states_what_the_tests_check(sample_site) -> None:  # noqa: ANN001
    text = (sample_site.catalogue.parent / "content" / "accessibility.md").read_text(encoding="utf-8")
    expected = ["GB/T 37668-2019", "7:1", "4.5:1", f"{readability.BODY_MIN_PX:g} 像素", f"{readability.ANY_MIN_PX:g} 像素",
                f"{readability.REFLOW_WIDTH} 像素", "zh-CN", "axe-core", "Nu HTML Checker", "tests/a11y/"]
    missing = [phrase for phrase in expected if phrase not in text]
    assert not missing, f"无障碍说明缺少：{missing}"
