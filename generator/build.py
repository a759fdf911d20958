"""`gongkai build`: compile → engine → swap into place. A failed build leaves the previous output untouched."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.cache import caching_disabled
from generator.compile import Compiled, compile_catalogue
from generator.errors import BuildError
from generator.exports.sitemap import fix_sitemap
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


def swap_into_place(staged: Path, out: Path) -> None:
    """Replace `out` with `staged` with two renames, so readers never see a half-written site."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    try:
        staged.rename(out)
    except OSError:
        if old.exists() and not out.exists():
            old.rename(out)  # put the previous site back rather than leave none
        raise
    shutil.rmtree(old, ignore_errors=True)


def build(request: BuildRequest) -> Compiled:
    from generator.mkdocs_adapter.engine import build_site, site_options_from  # the engine stays behind one seam

    compiled = compile_catalogue(request.catalogue, site_options_from(request.config_file), request.flowcharts, request.strict)
    try:
        request.out.parent.mkdir(parents=True, exist_ok=True)
        # Absolute: MkDocs resolves a relative site_dir against the config file's folder, not the working directory.
        staged = Path(tempfile.mkdtemp(prefix=f".{request.out.name}-", dir=request.out.parent)).resolve()
    except OSError as exc:
        raise BuildError(f"无法创建输出目录 {request.out}：{exc}") from None
    try:
        caches = request.catalogue.resolve().parent / ".cache"
        warnings = build_site(compiled.bundle, request.config_file, staged, strict=request.warn is None, versioned=request.versioned,
                              page_cache=caches / "pages")
        for warning in warnings if request.warn else ():
            request.warn(warning)
        fix_sitemap(staged, compiled.checked.catalogue)  # lastmod from records, not the build clock
        # search index over the staged HTML, before readers can see it; unchanged shards come from the cache
        index_site(staged, cache_dir=None if caching_disabled() else caches / "search")
        swap_into_place(staged, request.out)
    except OSError as exc:
        raise BuildError(f"写入输出目录失败：{exc}") from None
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return compiled
