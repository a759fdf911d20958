"""Make MkDocs' sitemap deterministic: `lastmod` from the records' changed_on instead of the build date.

MkDocs writes the build date (or SOURCE_DATE_EPOCH) into every <lastmod> and the gzip header of
sitemap.xml.gz; both would change on every build. Called by build.py on the staged site.
"""

from __future__ import annotations

import gzip
import re
from datetime import date
from pathlib import Path

from generator.catalogue import Catalogue
from generator.exports.package import newest_change

_URL = re.compile(r"<url>(.*?)</url>", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.S)
_LASTMOD = re.compile(r"\s*<lastmod>.*?</lastmod>", re.S)


def page_dates(catalogue: Catalogue) -> dict[str, date]:
    """Source page path → date it last changed, for the pages derived from records."""
    dates: dict[str, date] = {}
    for entry in catalogue.public():
        dates[entry.url + ".md"] = entry.record.changed_on
    for dept_id, dept in catalogue.departments.items():
        if any(e.department.id == dept_id for e in catalogue.public()):  # else: the site-wide default
            dates[dept.url + ".md"] = dates[f"responsibility/{dept_id}.md"] = newest_change(catalogue, dept_id)
    return dates


def _source_of(loc: str, site_url: str) -> str:
    path = loc[len(site_url):] if site_url and loc.startswith(site_url) else loc.split("://", 1)[-1].partition("/")[2]
    if path == "" or path.endswith("/"):
        return path + "index.md" if path == "" else path.rstrip("/") + ".md"
    return path.removesuffix(".html") + ".md"


def _fix_url(block: str, site_url: str, dates: dict[str, date], default: date) -> str:
    loc = _LOC.search(block)
    if loc is None:
        return block
    source = _source_of(loc.group(1).strip(), site_url)
    day = dates.get(source) or dates.get(source.removesuffix(".md") + "/index.md") or default
    stripped = _LASTMOD.sub("", block)
    return stripped.replace("</loc>", f"</loc>\n         <lastmod>{day.isoformat()}</lastmod>", 1)


def fix_sitemap(site_dir: Path, catalogue: Catalogue, site_url: str = "") -> bool:
    """Rewrite sitemap.xml and sitemap.xml.gz in `site_dir` if present; returns whether a sitemap was found."""
    xml = site_dir / "sitemap.xml"
    if not xml.is_file():
        return False
    dates, default = page_dates(catalogue), newest_change(catalogue)
    text = _URL.sub(lambda m: "<url>" + _fix_url(m.group(1), site_url, dates, default) + "</url>", xml.read_text("utf-8"))
    xml.write_text(text, "utf-8")
    # mtime=0 and no file name: the gzip header carries no clock.
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return True
