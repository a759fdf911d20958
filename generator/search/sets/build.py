"""Write one term index over the pages of some Pagefind bundles, from the bundles' own fragment files.

The fragments hold exactly what Pagefind indexed of each record page (its text, title and filters), so both
engines search the same words. Layout of `<site>/search/sets/<key>/`:
  index.json   pages, buckets, pages per d/ chunk, and a digest every fetch carries (no stale mix after a deploy)
  t/<b>.bin    the terms whose FNV-1a hash % buckets is b: per term its page set and its title page set
  f.bin        one set per filter value ("name\\0value")
  d/<c>.json   for pages c*CHUNK …: "<bundle number>/<fragment name>", to fetch the page's fragment for its result
The bundle numbers count in the order of the bundles given; gk-shards.json lists them under their site names.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from generator.search.sets.encode import encode_set, read_varint, varint
from generator.search.sets.terms import page_terms

FORMAT = 1
SIGNATURE = b"pagefind_dcd"
CHUNK = 128  # pages per d/<c>.json: ~2 KB, one fetch for each result shown from another chunk
BUCKET_BYTES = 2000  # the average term file; a query fetches one per term per index: its own set plus its bucket-mates
_SPACE = "\u200b"  # Pagefind separates the words jieba cut with this


@dataclass(frozen=True)
class Page:
    fragment: str  # "<bundle number>/<fragment file stem>"
    url: str
    text: str
    title: str
    filters: dict[str, list[str]]


def read_pages(site_dir: Path, bundles: list[str]) -> list[Page]:
    """Every page of the bundles, sorted by URL (the ids follow this order)."""
    pages = []
    for number, bundle in enumerate(bundles):
        for path in sorted((site_dir / bundle / "fragment").glob("*.pf_fragment")):
            data = gzip.decompress(path.read_bytes())
            if not data.startswith(SIGNATURE):
                raise ValueError(f"{path}: not a Pagefind fragment")
            fragment = json.loads(data[len(SIGNATURE):])
            pages.append(Page(f"{number}/{path.stem}", fragment["url"], fragment["content"].replace(_SPACE, ""),
                              fragment.get("meta", {}).get("title", ""), fragment.get("filters", {})))
    pages.sort(key=lambda page: page.url)
    return pages


def fnv1a(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def _postings(texts: list[str]) -> dict[str, list[int]]:
    found: defaultdict[str, list[int]] = defaultdict(list)
    for page, text in enumerate(texts):
        for term in page_terms(text):
            found[term].append(page)
    return found


def _entry(key: str, *sets: bytes) -> bytes:
    raw = key.encode("utf-8")
    return varint(len(raw)) + raw + b"".join(varint(len(s)) + s for s in sets)


def read_entries(data: bytes, sets_per_entry: int) -> dict[str, list[bytes]]:
    """A t/ or f.bin file back as key → its encoded sets (tests and tools; sets.js parseEntries in the browser)."""
    entries, at = {}, 0
    while at < len(data):
        length, at = read_varint(data, at)
        key, at = data[at:at + length].decode("utf-8"), at + length
        sets = []
        for _ in range(sets_per_entry):
            length, at = read_varint(data, at)
            sets.append(data[at:at + length])
            at += length
        entries[key] = sets
    return entries


def _term_entries(pages: list[Page]) -> dict[str, bytes]:
    count = len(pages)
    anywhere = _postings([page.text + " " + page.title for page in pages])
    titled = _postings([page.title for page in pages])
    return {term: _entry(term, encode_set(ids, count), encode_set(titled.get(term, []), count))
            for term, ids in sorted(anywhere.items())}


def _bucket_count(total: int) -> int:
    buckets = 1
    while total / buckets > BUCKET_BYTES:
        buckets *= 2
    return buckets


def _facet_file(pages: list[Page]) -> bytes:
    values: dict[str, list[int]] = {}
    for page_id, page in enumerate(pages):
        for name, listed in sorted(page.filters.items()):
            for value in sorted(set(listed)):
                values.setdefault(f"{name}\0{value}", []).append(page_id)
    return b"".join(_entry(key, encode_set(ids, len(pages))) for key, ids in sorted(values.items()))


def index_files(pages: list[Page]) -> dict[str, bytes]:
    """Every file of the index, by path relative to its folder."""
    entries = _term_entries(pages)
    buckets = _bucket_count(sum(len(e) for e in entries.values()))
    by_bucket: dict[int, list[bytes]] = {}
    for term, entry in entries.items():
        by_bucket.setdefault(fnv1a(term) % buckets, []).append(entry)
    files = {f"t/{b}.bin": b"".join(parts) for b, parts in sorted(by_bucket.items())}
    files["f.bin"] = _facet_file(pages)
    for start in range(0, len(pages), CHUNK):
        chunk = [page.fragment for page in pages[start:start + CHUNK]]
        files[f"d/{start // CHUNK}.json"] = json.dumps(chunk, separators=(",", ":")).encode("utf-8")
    digest = hashlib.sha256()
    for path, content in sorted(files.items()):
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    manifest = {"format": FORMAT, "pages": len(pages), "buckets": buckets, "chunk": CHUNK, "version": digest.hexdigest()[:16]}
    files["index.json"] = (json.dumps(manifest, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    return files
