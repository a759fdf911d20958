"""`gongkai build`: guard the output → compile → engine → swap into place. A failed build leaves the previous output untouched."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.cache import caching_disabled
from generator.compile import Compiled, compile_catalogue
from generator.engines import DEFAULT_ENGINE, engine
from generator.errors import BuildError
from generator.exports.sitemap import fix_sitemap
from generator.files import describe, printable
from generator.output import Staging, check_out_dir, check_replaceable
from generator.render.pages import SiteOptions
from generator.search.index import index_site


@dataclass(frozen=True)
class BuildRequest:
    catalogue: Path
    out: Path
    config_file: Path
    flowcharts: Path | None = None
    strict: bool = False
    # None: every engine warning (a broken link or anchor) fails the build. The preview server passes a printer
    # instead, so a draft's broken link is reported without stopping the preview.
    warn: Callable[[str], None] | None = None
    versioned: bool = False  # `gongkai publish`: pages offer the revisions listed in ../versions.json
    engine: str = DEFAULT_ENGINE  # "mkdocs" (MkDocs or ProperDocs) or "zensical": generator/engines/
    part: str | None = None  # "K/N": one part of a split build (generator/parts/)
    plan: Path | None = None  # the check job's plan for a split build; without it the part checks the whole catalogue
    notice: str | None = None  # a line shown above every page (a revision rebuilt from its snapshot says so)


def check_site_out(out: Path, catalogue: Path, config_file: Path, flowcharts: Path | None = None,
                   engine_name: str = DEFAULT_ENGINE) -> None:
    """The one check of an output folder, for every command that writes a site (build, serve, publish), before it
    writes anything: not the project, the working directory or a source folder, nor inside one (ConfigError)."""
    sources = engine(engine_name).site_sources(config_file)  # the engine stays behind one seam
    check_out_dir(out, catalogue, flowcharts, sources=sources, homes=[config_file.parent])


def build(request: BuildRequest) -> Compiled:
    """The whole site in one piece; one part of a split build is generator.parts.build_part's job."""
    if request.part is not None:
        raise ValueError("build() makes the whole site: use generator.parts.build_part for a part")
    check_site_out(request.out, request.catalogue, request.config_file, request.flowcharts, request.engine)
    check_replaceable(request.out)  # the build replaces the whole folder: never someone's documents
    compiled = compile_catalogue(request.catalogue, site_options_for(request.config_file, request.engine),
                                 request.flowcharts, request.strict)
    with staged(request.out) as staging:
        engine_build(compiled, request, staging.site)
        fix_sitemap(staging.site, compiled.checked.catalogue)  # lastmod from records, not the build clock
        # search index over the staged HTML, before readers can see it; unchanged shards come from the cache
        index_site(staging.site, cache_dir=search_cache(request.catalogue))
        staging.commit()
    return compiled


def site_options_for(config_file: Path, engine_name: str = DEFAULT_ENGINE) -> SiteOptions:
    return engine(engine_name).site_options_from(config_file)  # the engine stays behind one seam


def search_cache(catalogue: Path) -> Path | None:
    return None if caching_disabled() else catalogue.resolve().parent / ".cache" / "search"


def engine_build(compiled: Compiled, request: BuildRequest, site: Path) -> None:
    """The engine renders the bundle and the hand-written pages into the staged `site`."""
    adapter = engine(request.engine)
    caches = request.catalogue.resolve().parent / ".cache"
    warnings = adapter.build_site(compiled.bundle, request.config_file, site, strict=request.warn is None,
                                  versioned=request.versioned, page_cache=caches / adapter.CACHE_NAME,
                                  notice=request.notice)
    for warning in warnings if request.warn else ():
        request.warn(warning)


@contextmanager
def staged(out: Path) -> Iterator[Staging]:
    """Staging(out), with a write failure said in Chinese; the previous output stays as it was."""
    try:
        with Staging(out) as staging:
            yield staging
    except OSError as exc:
        raise BuildError(f"写入输出目录失败：{describe(exc)}（{printable(str(getattr(exc, 'filename', '') or out))}）") from None
