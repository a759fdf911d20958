"""Deflated pieces joined without inflating them: the joined stream inflates to the pieces' bytes in order."""

from __future__ import annotations

import gzip
import random
import zlib

from generator.exports.deflate import crc32_combine, deflate, gzip_chunks, join


def _samples() -> list[bytes]:
    rng = random.Random(7)
    return [rng.randbytes(rng.randrange(0, 3000)) + "部门记录".encode() * rng.randrange(0, 500) for _ in range(40)] + [b"", b"x"]


def test_crc32_combine_is_zlibs_crc_of_the_concatenation() -> None:
    for a, b in zip(_samples(), _samples()[::-1], strict=True):
        assert crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


def test_joined_pieces_inflate_to_the_concatenation() -> None:
    samples = _samples()
    joined = join(deflate(s) for s in samples)
    assert zlib.decompress(b"".join(joined.chunks), -15) == b"".join(samples)
    assert (joined.crc, joined.size) == (zlib.crc32(b"".join(samples)), sum(map(len, samples)))


def test_gzip_of_pieces_is_a_valid_gzip_member_with_no_time() -> None:
    samples = _samples()
    data = b"".join(gzip_chunks(deflate(s) for s in samples))
    assert gzip.decompress(data) == b"".join(samples)
    assert data[4:8] == b"\0\0\0\0"  # mtime 0: the same pieces give the same bytes
    assert gzip.decompress(b"".join(gzip_chunks([]))) == b""
