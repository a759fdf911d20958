"""Build the Pagefind index over a finished site folder.

Runs the `pagefind_extended` binary (the extended build segments Chinese; the plain one does not) on the
staged output, before it is swapped into place. Only record pages are read: the glob limits Pagefind to the
record folders and the theme marks each record's article with `data-pagefind-body`, so nav, header, footer
and listing pages (including the non-disclosure catalogue) never reach the index.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError

# Site folders that hold record pages: Entry.url is "<kind>/<id>" with these kinds.
RECORD_FOLDERS = ("powers", "fees", "services")
RECORD_GLOB = "{" + ",".join(RECORD_FOLDERS) + "}/**/*.html"
BUNDLE_DIR = "pagefind"
LANGUAGE = "zh"  # one index for the whole site; the HTML says lang="zh" anyway
TIMEOUT_SECONDS = 1800

_INDEXED = re.compile(r"Indexed (\d+) (page|word|filter)s?\b")


@dataclass(frozen=True)
class IndexReport:
    pages: int
    words: int
    filters: int
    bundle: Path | None  # None when the site has no record pages to index


def pagefind_executable() -> Path:
    """The extended Pagefind binary shipped by `pagefind[extended]`."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BuildError("缺少 Pagefind 扩展版（中文分词需要）：请运行 pip install 'pagefind[extended]'。") from None
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as exc:
        raise BuildError(f"找不到 Pagefind 扩展版程序：{exc}") from None


def has_record_pages(site_dir: Path) -> bool:
    return any(next((site_dir / folder).rglob("*.html"), None) for folder in RECORD_FOLDERS if (site_dir / folder).is_dir())


def pagefind_command(site_dir: Path) -> list[str]:
    return [
        str(pagefind_executable()),
        "--site", str(site_dir),
        "--output-subdir", BUNDLE_DIR,
        "--glob", RECORD_GLOB,
        "--force-language", LANGUAGE,
    ]


def _counts(output: str) -> dict[str, int]:
    return {kind: int(number) for number, kind in _INDEXED.findall(output)}


def _tail(text: str, lines: int = 8) -> str:
    return "\n".join(line for line in text.strip().splitlines()[-lines:])


def index_site(site_dir: Path) -> IndexReport:
    """Write `<site_dir>/pagefind/`. Raises BuildError with Pagefind's own message when it fails."""
    if not has_record_pages(site_dir):
        return IndexReport(0, 0, 0, None)  # an empty catalogue is valid; the search box then says so
    try:
        proc = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BuildError(f"建立搜索索引失败：无法运行 Pagefind（{exc}）。") from None
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise BuildError(f"建立搜索索引失败（Pagefind 退出码 {proc.returncode}）：\n{_tail(output)}")
    counts = _counts(output)
    if counts.get("page", 0) == 0:
        raise BuildError("建立搜索索引失败：Pagefind 没有收录任何事项页面。")
    return IndexReport(counts.get("page", 0), counts.get("word", 0), counts.get("filter", 0), site_dir / BUNDLE_DIR)
