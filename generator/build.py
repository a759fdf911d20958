"""`gongkai build`: guard the output → compile → engine → swap into place. A failed build leaves the previous output untouched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.cache import caching_disabled
from generator.compile import Compiled, compile_catalogue
from generator.errors import BuildError
from generator.exports.sitemap import fix_sitemap
from generator.files import describe, printable
from generator.output import Staging, check_out_dir, check_replaceable
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
    notice: str | None = None  # a line shown above every page (a revision rebuilt from its snapshot says so)


def check_site_out(out: Path, catalogue: Path, config_file: Path, flowcharts: Path | None = None) -> None:
    """The one check of an output folder, for every command that writes a site (build, serve, publish), before it
    writes anything: not the project, the working directory or a source folder, nor inside one (ConfigError)."""
    from generator.mkdocs_adapter.engine import site_sources  # the engine stays behind one seam

    check_out_dir(out, catalogue, flowcharts, sources=site_sources(config_file), homes=[config_file.parent])


def build(request: BuildRequest) -> Compiled:
    from generator.mkdocs_adapter.engine import build_site, site_options_from

    check_site_out(request.out, request.catalogue, request.config_file, request.flowcharts)
    check_replaceable(request.out)  # the build replaces the whole folder: never someone's documents
    compiled = compile_catalogue(request.catalogue, site_options_from(request.config_file), request.flowcharts, request.strict)
    caches = request.catalogue.resolve().parent / ".cache"
    try:
        with Staging(request.out) as staging:
            warnings = build_site(compiled.bundle, request.config_file, staging.site, strict=request.warn is None,
                                  versioned=request.versioned, page_cache=caches / "pages", notice=request.notice)
            for warning in warnings if request.warn else ():
                request.warn(warning)
            fix_sitemap(staging.site, compiled.checked.catalogue)  # lastmod from records, not the build clock
            # search index over the staged HTML, before readers can see it; unchanged shards come from the cache
            index_site(staging.site, cache_dir=None if caching_disabled() else caches / "search")
            staging.commit()
    except OSError as exc:
        raise BuildError(f"写入输出目录失败：{describe(exc)}（{printable(str(getattr(exc, 'filename', '') or request.out))}）") from None
    return compiled
