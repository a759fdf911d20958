"""Golden files: one rendered page of each kind from tests/fixtures/good (not the sample, which changes).

GONGKAI_UPDATE_GOLDEN=1 rewrites tests/render/golden/; review the diff before keeping it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.compile import compile_catalogue
from generator.render.pages import SiteOptions
from generator.site import SiteBundle
from tests.conftest import GOOD, UPDATE_GOLDEN

GOLDEN = Path(__file__).parent / "golden"
OPTIONS = SiteOptions(site_name="示例县政务公开", edit_base="https://example.invalid/repo/edit/main/")
PAGES = {
    "powers/shop-licence.md": "power.md",
    "powers/sign-penalty.md": "power-ex-officio.md",
    "fees/licence-fee.md": "fee.md",
    "services/residence-certificate.md": "service.md",
    "departments/demo-market.md": "department.md",
    "departments/index.md": "departments-index.md",
    "index.md": "home.md",
    "catalogue/powers.md": "catalogue-powers.md",
    "catalogue/fees.md": "catalogue-fees.md",
    "catalogue/services.md": "catalogue-services.md",
    "catalogue/secret.md": "catalogue-secret.md",
    "categories/licensing.md": "category-licensing.md",
}


@pytest.fixture(scope="module")
def bundle() -> SiteBundle:
    return compile_catalogue(GOOD / "catalogue", OPTIONS, GOOD / "flowcharts").bundle


@pytest.mark.parametrize("page", sorted(PAGES))
def test_golden_page(bundle: SiteBundle, page: str) -> None:
    golden = GOLDEN / PAGES[page]
    content = bundle.pages[page].content
    if UPDATE_GOLDEN:
        golden.write_text(content, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with GONGKAI_UPDATE_GOLDEN=1 and review"
    assert content == golden.read_text(encoding="utf-8")


def test_secret_power_has_no_page_and_only_name_reason_basis(bundle: SiteBundle) -> None:
    assert "powers/secret-check.md" not in bundle.pages
    everything = "\n".join(p.content + p.title for p in bundle.pages.values()) + "".join(
        c.decode("utf-8", "replace") for c in bundle.files.values())
    assert "SENTINEL" not in everything
    secret = bundle.pages["catalogue/secret.md"].content
    assert "涉密专项检查" in secret and "涉及国家秘密" in secret


def test_record_text_is_inert(bundle: SiteBundle) -> None:
    page = bundle.pages["powers/shop-licence.md"].content
    assert "<b>" not in page and "*不是*" not in page
    assert "测试记录 &#60;b&#62;不是&#60;/b&#62; HTML &#38; &#42;不是&#42; Markdown" in page


def test_pages_link_both_ways(bundle: SiteBundle) -> None:
    assert "](../departments/demo-market.md)" in bundle.pages["powers/shop-licence.md"].content
    assert "](../fees/licence-fee.md)" in bundle.pages["powers/shop-licence.md"].content
    assert "](../powers/shop-licence.md)" in bundle.pages["fees/licence-fee.md"].content
    assert "](../powers/shop-licence.md)" in bundle.pages["departments/demo-market.md"].content


def test_edit_link_points_at_the_yaml(bundle: SiteBundle) -> None:
    page = bundle.pages["powers/shop-licence.md"]
    assert page.edit_url == "https://example.invalid/repo/edit/main/catalogue/demo-market/powers/shop-licence.yaml"


def test_power_page_gives_the_reason_for_not_using_a_template() -> None:
    import dataclasses

    from generator.check import check_catalogue
    from generator.render.pages import PageRenderer

    catalogue = check_catalogue(GOOD / "catalogue", GOOD / "flowcharts").catalogue
    entry = next(e for e in catalogue.of_kind("powers") if e.steps)
    procedure = entry.record.procedure.model_copy(update={"template": None, "no_template_reason": "适用《特别法》规定的特别程序"})
    special = dataclasses.replace(entry, record=entry.record.model_copy(update={"procedure": procedure}), template=None)
    content = PageRenderer(catalogue, OPTIONS).record_page(special).content
    assert "未使用通用程序模板的理由：适用《特别法》规定的特别程序" in content
    assert "适用程序：" not in content


# A long list (over context.LISTED_ONE_BY_ONE items) is shown by department: here the limit is 0, so every list of
# the fixture is.
GROUPED = {
    "categories/licensing.md": "category-licensing-by-department.md",
    "catalogue/fees.md": "catalogue-fees-by-department.md",
    "catalogue/services.md": "catalogue-services-by-department.md",
}


@pytest.fixture(scope="module")
def grouped_bundle() -> SiteBundle:
    from generator.render import context

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(context, "LISTED_ONE_BY_ONE", 0)
        return compile_catalogue(GOOD / "catalogue", OPTIONS, GOOD / "flowcharts").bundle


@pytest.mark.parametrize("page", sorted(GROUPED))
def test_long_lists_are_shown_by_department(grouped_bundle: SiteBundle, bundle: SiteBundle, page: str) -> None:
    golden = GOLDEN / GROUPED[page]
    content = grouped_bundle.pages[page].content
    if UPDATE_GOLDEN:
        golden.write_text(content, encoding="utf-8")
    assert content == golden.read_text(encoding="utf-8")
    assert "按实施部门列出" in content and "按实施部门列出" not in bundle.pages[page].content
    assert "](../departments/" in content
