"""Page sets as bytes: the smallest of a sorted id list, runs of consecutive ids, or a bitmap.

Every set in the term index and the facet file is one of these, decoded in the browser by sets.js (decodeSet).
Ids are page numbers within one index (0 … pages-1). The ids follow the pages' sorted URLs, so a department's or
a kind's pages are consecutive and most facet sets are a few runs; a word on most pages is a bitmap of pages/8 bytes,
which is what bounds a query's download whatever the word.
"""

from __future__ import annotations

LIST, RUNS, BITMAP = 0, 1, 2


def varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _gaps(ids: list[int]) -> list[int]:
    return [page - previous - 1 for previous, page in zip([-1, *ids], ids)]


_SMALL = [varint(n) for n in range(1 << 14)]  # one or two bytes: almost every gap, looked up instead of computed


def _as_list(gaps: list[int]) -> bytes:
    if max(gaps, default=0) < 0x80:  # a byte per page: bytes() does it in one call
        return varint(len(gaps)) + bytes(gaps)
    small = _SMALL
    return varint(len(gaps)) + b"".join([small[g] if g < 0x4000 else varint(g) for g in gaps])


def _as_runs(gaps: list[int]) -> bytes:
    """Each run as (pages skipped before it, its length - 1): a run starts at every non-zero gap, and at the first id."""
    starts = [0] + [i for i, gap in enumerate(gaps) if gap and i]
    ends = starts[1:] + [len(gaps)]
    return varint(len(starts)) + b"".join(varint(gaps[s]) + varint(e - s - 1) for s, e in zip(starts, ends))


def _as_bitmap(ids: list[int], pages: int) -> bytes:
    bits = bytearray((pages + 7) // 8)
    for page in ids:
        bits[page >> 3] |= 1 << (page & 7)
    return bytes(bits)


def encode_set(ids: list[int], pages: int) -> bytes:
    """`ids` sorted ascending, each < `pages`. Ties go to the list, then runs (the cheaper to decode)."""
    gaps = _gaps(ids)
    candidates = [(LIST, _as_list(gaps))]
    if gaps.count(0) * 2 > len(gaps):  # runs take two numbers each: they cannot win unless most gaps are 0
        candidates.append((RUNS, _as_runs(gaps)))
    if len(candidates[0][1]) > pages // 8:  # only then can a bitmap be smaller
        candidates.append((BITMAP, _as_bitmap(ids, pages)))
    kind, body = min(candidates, key=lambda c: len(c[1]))
    return bytes([kind]) + body


def read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def decode_set(data: bytes, pages: int) -> list[int]:
    """The ids of one encoded set (tests and tools; the browser has its own decoder)."""
    kind, at = data[0], 1
    if kind == BITMAP:
        return [i for i in range(pages) if data[1 + (i >> 3)] >> (i & 7) & 1]
    count, at = read_varint(data, at)
    ids: list[int] = []
    previous = -1
    for _ in range(count):
        if kind == LIST:
            gap, at = read_varint(data, at)
            previous += gap + 1
            ids.append(previous)
        else:
            gap, at = read_varint(data, at)
            extra, at = read_varint(data, at)
            start = previous + 1 + gap
            ids.extend(range(start, start + extra + 1))
            previous = start + extra
    return ids
