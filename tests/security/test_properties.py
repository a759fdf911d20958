"""Property tests over load → validate → render: whatever an editor types, the result is Diagnostics or inert pages.

Bounded (max_examples, no deadline) so `make test` stays fast.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check_catalogue
from generator.diagnostics import Diagnostic
from generator.render.pages import PageRenderer, SiteOptions
from tests.security.scan import scan_html

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good"
RECORD = "demo-market/powers/shop-licence.yaml"
# The site's Markdown extensions (mkdocs.yml), so the test sees what MkDocs will make of a page.
EXTENSIONS = ["tables", "attr_list", "admonition", "md_in_html", "toc"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

MARKUP = st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))",
                          "![i](http://evil.example/x.png)", "&lt;b&gt;", "&#x3C;", "{{ x }}", "{: onclick=alert(1) }",
                          "`", "*", "_", "#", "|", "\\", "\n", "\r\n", "\t", "\x00", "\u202e", "\ufeff", "---", "- ", "> "])
TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=12).map("".join)
HUGE = st.integers(0, 3).map(lambda n: "长" * (10 ** (n + 2)))
VALUES = st.one_of(TEXT, HUGE)
TEXT_FIELDS = ("name", "remarks", "office", "result", "service_object", "change_note")
LIST_FIELDS = ("conditions",)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("props")
    shutil.copytree(GOOD, work / "good", ignore=shutil.ignore_patterns(".cache"))
    return work / "good"


def _check(work: Path, data: object) -> object:
    (work / "catalogue" / RECORD).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return check_catalogue(work / "catalogue", work / "flowcharts")


def _assert_inert_page(result) -> None:  # noqa: ANN001 — CheckResult
    entry = result.catalogue.entries["shop-licence"]
    page = PageRenderer(result.catalogue, SiteOptions()).record_page(entry)
    html = markdown.markdown(page.content, extensions=EXTENSIONS)
    findings, _ = scan_html(page.path, html, ("evil.example",))
    assert findings == []
    assert "<script" not in html.lower() and "javascript:" not in html.lower()


@SETTINGS
@given(values=st.fixed_dictionaries({k: VALUES for k in TEXT_FIELDS}), items=st.lists(VALUES, max_size=4))
def test_arbitrary_text_gives_diagnostics_or_inert_pages(workdir: Path, values: dict, items: list) -> None:
    original = yaml.safe_load((GOOD / "catalogue" / RECORD).read_text(encoding="utf-8"))
    result = _check(workdir, original | values | {"conditions": items})
    assert all(isinstance(d, Diagnostic) and d.message for d in result.diagnostics)
    if not result.errors:
        _assert_inert_page(result)


YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20,
)


@SETTINGS
@given(document=YAML_VALUES)
def test_arbitrary_yaml_documents_never_crash(workdir: Path, document: object) -> None:
    result = _check(workdir, document)
    assert result.errors  # a random document is never a valid power, and says why in Chinese
    assert all(isinstance(d, Diagnostic) and d.message for d in result.diagnostics)


@SETTINGS
@given(raw=st.binary(max_size=300) | TEXT)
def test_arbitrary_bytes_never_crash(workdir: Path, raw: bytes | str) -> None:
    path = workdir / "catalogue" / RECORD
    path.write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass"))
    result = check_catalogue(workdir / "catalogue", workdir / "flowcharts")
    assert result.errors  # never silently accepted: a record file that is not a record is an error
