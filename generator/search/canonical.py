"""Make a Pagefind bundle's bytes depend on its pages only.

Pagefind 1.5.2 writes each filter's values, and the list of filters in the bundle's metadata, in hash-map order,
which changes from run to run; the files are named by a hash of their content, so two runs over the same pages
gave differently named filter and metadata files. A shard copied from the search cache then differed from one
indexed afresh, and no two builds were byte-identical. This sorts both lists (the search page orders facet values
itself), renames the files after their new content and points the entry file at the new metadata. The files are
Pagefind's own format: gzip of a signature followed by CBOR.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
FORMAT = "filters-sorted-1"  # part of the search cache key: bump when what this changes changes


def _read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def _encoded(stem: str, digits: int, value: object) -> tuple[str, bytes]:
    """(`<stem>_<hash>`, gzip bytes) for `value`: Pagefind names its files after their content."""
    body = SIGNATURE + cbor2.dumps(value)
    return f"{stem}_{hashlib.sha256(body).hexdigest()[:digits]}", gzip.compress(body, compresslevel=9, mtime=0)


def canonical_bundle(bundle: Path) -> None:
    """Rewrite the bundle's filter and metadata files in sorted order. Everything is read and encoded before the
    first file is touched: a bundle in a format this does not know (a later Pagefind) is left as it is."""
    entry_file = bundle / "pagefind-entry.json"
    if not entry_file.is_file():
        return
    try:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        removed, written = [], {}
        for language, info in entry["languages"].items():
            meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = _read(meta_file)
            filters = []
            for filter_name, old in sorted(meta[3]):
                old_file = bundle / "filter" / f"{old}.pf_filter"
                name, values = _read(old_file)  # type: ignore[misc]
                new, content = _encoded(language, 7, [name, sorted(values)])
                filters.append([filter_name, new])
                removed.append(old_file)
                written[bundle / "filter" / f"{new}.pf_filter"] = content
            info["hash"], content = _encoded(language, 10, [*meta[:3], filters, *meta[4:]])  # type: ignore[index]
            removed.append(meta_file)
            written[bundle / f"pagefind.{info['hash']}.pf_meta"] = content
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError, cbor2.CBORError):
        return
    for path in removed:
        path.unlink(missing_ok=True)
    for path, content in written.items():
        path.write_bytes(content)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
