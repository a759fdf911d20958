"""Page sets as bytes (generator/search/sets/encode.py): every form decodes to the ids it was given, and the
smallest form is chosen."""

from __future__ import annotations

import random

import pytest

from generator.search.sets.encode import BITMAP, LIST, RUNS, decode_set, encode_set, varint


@pytest.mark.parametrize("number", [0, 1, 127, 128, 16383, 16384, 2**21, 2**35])
def test_varint_is_seven_bits_a_byte(number: int) -> None:
    data = varint(number)
    assert len(data) == max(1, (number.bit_length() + 6) // 7)
    assert all(b & 0x80 for b in data[:-1]) and not data[-1] & 0x80


@pytest.mark.parametrize("pages", [1, 9, 1000, 100_000])
@pytest.mark.parametrize("share", [0.0, 0.001, 0.05, 0.5, 1.0])
def test_random_sets_decode_to_their_ids(pages: int, share: float) -> None:
    rng = random.Random(pages * 1000 + int(share * 1000))
    ids = sorted(rng.sample(range(pages), int(pages * share)))
    assert decode_set(encode_set(ids, pages), pages) == ids


def test_consecutive_pages_are_runs() -> None:
    ids = list(range(100, 400)) + list(range(900, 1000))
    data = encode_set(ids, 10_000)
    assert data[0] == RUNS and len(data) < 10
    assert decode_set(data, 10_000) == ids


def test_a_word_on_most_pages_costs_at_most_a_bitmap() -> None:
    pages = 100_000
    ids = [i for i in range(pages) if i % 7]  # 6 of every 7 pages: neither a short list nor a few runs
    data = encode_set(ids, pages)
    assert data[0] == BITMAP and len(data) == 1 + pages // 8
    assert decode_set(data, pages) == ids


def test_a_rare_word_is_a_list() -> None:
    data = encode_set([5, 70_000], 100_000)
    assert data[0] == LIST and len(data) <= 6
    assert decode_set(data, 100_000) == [5, 70_000]
