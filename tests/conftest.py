"""Shared fixtures: the CLI runner, the small good catalogue, and ONE sample-site build per session.

`sample_site` is the built sample site (the real catalogue/ and mkdocs.yml), shared by every test that
needs a whole site, so the suite stays fast. Under pytest-xdist each worker builds it at most once.

`make test` hands tests to its workers in units (`work_unit`), so that a module's or a package's shared fixtures are
made on one worker only.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.search.measure import CHROMIUM as CHROMIUM_PATH
from generator.search.measure import CHROMIUM_ARGS  # the bench's browser and flags: tests browse offline too

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
UPDATE_GOLDEN = os.environ.get("GONGKAI_UPDATE_GOLDEN") == "1"


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run `gongkai <args>` in-process; returns exit code, stdout and stderr."""

    from generator.cli import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()  # drop anything printed before
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def good_catalogue(tmp_path: Path) -> Path:
    """A private, writable copy of tests/fixtures/good (catalogue/ + flowcharts/)."""
    target = tmp_path / "good"
    shutil.copytree(GOOD, target)
    return target


CHROMIUM = Path(CHROMIUM_PATH)  # Debian's /usr/bin/chromium unless GONGKAI_CHROMIUM says otherwise


@pytest.fixture(scope="session")
def chromium():  # noqa: ANN201 — playwright Browser
    """Debian's chromium, launched once per test process: Playwright's sync API allows one driver per thread, so
    every browser test shares this one (tests make their own contexts and pages)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.fail("需要 Debian 的 chromium（make system-deps 会安装）")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


ENGINES = ("mkdocs", "zensical")

# How `make test` (`-n 2 --dist loadscope`) hands tests to its workers: in units, each run whole by one worker.
# A module is one unit (xdist's loadscope), so its module-scoped fixtures (a published tree, a parts build …) are made
# once. Exceptions:
# - modules whose tests are long and share nothing costly: each test is a unit, so they run side by side;
ONE_TEST_UNITS = ("tests/bench/test_bench.py",)
# - packages whose modules share costly fixtures through their conftest (the sample site served and its browser
#   contexts, the cached axe answer of each page and reading setting in tests/a11y, the search site built per engine in
#   tests/search): one unit per site engine, so those fixtures are made on one worker, and pytest, which makes a
#   parametrized session fixture again whenever the next test wants the other engine, makes it once per unit. The two
#   engines' halves run side by side.
PACKAGE_UNITS = ("tests/a11y/", "tests/phone/", "tests/search/")


def work_unit(nodeid: str) -> str:
    """The unit of the test `nodeid` (see above)."""
    path, _, name = nodeid.partition("::")
    if path in ONE_TEST_UNITS:
        return nodeid
    package = next((p for p in PACKAGE_UNITS if path.startswith(p)), None)
    if package is None:
        return nodeid.rsplit("::", 1)[0]  # xdist's loadscope: the module (or the class)
    ids = name.partition("[")[2].removesuffix("]").split("-")
    engine = next((e for e in ENGINES if e in ids), None)  # the id of engine_site / built_site
    return package.rstrip("/") + (f"[{engine}]" if engine else "")


def pytest_xdist_make_scheduler(config: pytest.Config, log):  # noqa: ANN001, ANN201 — xdist's Producer and Scheduling
    """`--dist loadscope` with the units of `work_unit`. (xdist_group marks cannot do it: `--dist loadgroup` groups
    nothing on pytest 9.2, pytest-dev/pytest-xdist#1386.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class WorkUnits(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return WorkUnits(config, log)


def compile_sample(engine: str):  # noqa: ANN201 — generator.site.SiteBundle
    """The real sample's bundle, with site options read by the named engine's door (run from the project folder)."""
    from generator.compile import compile_catalogue
    from generator.engines import engine as door

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return compile_catalogue(ROOT / "catalogue", door(engine).site_options_from(ROOT / "mkdocs.yml")).bundle
    finally:
        os.chdir(cwd)  # generator/engines/: every site engine the sample must build on


@dataclass(frozen=True)
class SampleSite:
    out: Path  # the built site folder
    catalogue: Path
    flowcharts: Path
    engine: str = "mkdocs"


@pytest.fixture(scope="session")
def sample_site_on(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 — Callable[[str], SampleSite]
    """`sample_site_on(engine)`: `gongkai build --engine <engine>` of the real sample, built at most once per session."""
    from generator.build import BuildRequest, build

    built: dict[str, SampleSite] = {}

    def on(engine: str) -> SampleSite:
        if engine not in built:
            out = tmp_path_factory.mktemp(f"sample-{engine}") / "site"
            cwd = os.getcwd()
            os.chdir(ROOT)  # mkdocs.yml refers to content/ and catalogue/ relative to the project
            try:
                build(BuildRequest(ROOT / "catalogue", out, ROOT / "mkdocs.yml", engine=engine))
            finally:
                os.chdir(cwd)
            built[engine] = SampleSite(out, ROOT / "catalogue", ROOT / "flowcharts", engine)
        return built[engine]

    return on


@pytest.fixture(scope="session")
def sample_site(sample_site_on) -> SampleSite:  # noqa: ANN001
    """`gongkai build --catalogue catalogue --out <tmp>` of the real sample (default engine), built once per session."""
    return sample_site_on("mkdocs")


@pytest.fixture(scope="session", params=ENGINES)
def engine_site(request: pytest.FixtureRequest, sample_site_on) -> SampleSite:  # noqa: ANN001
    """The sample built on each engine in turn: tests using it run once per engine."""
    return sample_site_on(request.param)
