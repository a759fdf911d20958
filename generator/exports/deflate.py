"""Compressed pieces that join into one stream: each department's share of a whole-catalogue download is deflated on
its own (by the part of a split build that holds the department), and the pieces are joined without inflating them.

A piece is raw deflate ended by a sync flush: it stops on a byte boundary with no final block, so pieces can follow
one another and one empty final block closes the stream. The CRC-32 of the joined data is combined from the pieces'
own CRCs and lengths (zlib's crc32_combine, which Python's zlib does not expose).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass

LEVEL = 6  # zlib's default: within about 1% of level 9 on XML, CSV and JSON
_END = b"\x03\x00"  # an empty final block with fixed codes: what zlib's flush(Z_FINISH) writes after a sync flush
_POLY = 0xEDB88320  # CRC-32, reflected


@dataclass(frozen=True)
class Piece:
    data: bytes  # raw deflate, sync-flushed
    crc: int  # CRC-32 of the uncompressed bytes
    size: int  # their length


def deflate(raw: bytes, level: int = LEVEL) -> Piece:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Piece(packer.compress(raw) + packer.flush(zlib.Z_SYNC_FLUSH), zlib.crc32(raw), len(raw))


def _multiply(a: int, b: int) -> int:
    """a × b modulo the CRC polynomial (bit-reflected)."""
    product, bit = 0, 1 << 31
    while a:
        if a & bit:
            product ^= b
            a ^= bit
        bit >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1
    return product


def _powers() -> list[int]:
    table = [1 << 30]  # x^1
    for _ in range(31):
        table.append(_multiply(table[-1], table[-1]))  # x^(2^n)
    return table


_X2N = _powers()


def _shift(length: int) -> int:
    """x^(8 × length) modulo the polynomial: what appending `length` zero bytes does to a CRC."""
    power, k = 1 << 31, 3
    while length:
        if length & 1:
            power = _multiply(_X2N[k & 31], power)
        length >>= 1
        k += 1
    return power


def crc32_combine(first: int, second: int, second_length: int) -> int:
    """The CRC-32 of A + B from crc(A), crc(B) and len(B)."""
    return _multiply(_shift(second_length), first) ^ second


@dataclass(frozen=True)
class Joined:
    chunks: list[bytes]  # the raw deflate stream, closed
    crc: int
    size: int

    @property
    def compressed_size(self) -> int:
        return sum(len(chunk) for chunk in self.chunks)


def join(pieces: Iterable[Piece]) -> Joined:
    """One closed raw deflate stream of the pieces in order."""
    chunks, crc, size = [], 0, 0
    for piece in pieces:
        chunks.append(piece.data)
        crc = crc32_combine(crc, piece.crc, piece.size) if size else piece.crc
        size += piece.size
    return Joined(chunks + [_END], crc, size)


def gzip_chunks(pieces: Iterable[Piece]) -> list[bytes]:
    """A gzip member of the pieces: no time or name in the header, so equal pieces give equal bytes."""
    joined = join(pieces)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = joined.crc.to_bytes(4, "little") + (joined.size & 0xFFFFFFFF).to_bytes(4, "little")
    return [header, *joined.chunks, trailer]
