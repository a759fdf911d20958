"""`gongkai build`: compile → engine → swap into place. A failed build leaves the previous output untouched."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.compile import Compiled, compile_catalogue
from generator.errors import BuildError


@dataclass(frozen=True)
class BuildRequest:
    catalogue: Path
    out: Path
    config_file: Path
    flowcharts: Path | None = None
    strict: bool = False


def swap_into_place(staged: Path, out: Path) -> None:
    """Replace `out` with `staged` with two renames, so readers never see a half-written site."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staged.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def build(request: BuildRequest) -> Compiled:
    from generator.mkdocs_adapter.engine import build_site, site_options_from  # the engine stays behind one seam

    compiled = compile_catalogue(request.catalogue, site_options_from(request.config_file), request.flowcharts, request.strict)
    request.out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{request.out.name}-", dir=request.out.parent))
    try:
        build_site(compiled.bundle, request.config_file, staged)
        swap_into_place(staged, request.out)
    except OSError as exc:
        raise BuildError(f"写入输出目录失败：{exc}") from None
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return compiled
