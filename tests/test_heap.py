"""Between batches: what stays alive is set aside from later collections, and given back when the loop ends."""

from __future__ import annotations

import gc

from generator.heap import batches_apart, let_go


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_what_stays_is_frozen_and_unfrozen_after_the_loop() -> None:
    gc.collect()
    before = gc.get_freeze_count()
    kept = [_Node() for _ in range(100)]
    with batches_apart():
        let_go()
        assert gc.get_freeze_count() >= before + 100
        garbage = _Node()
        del garbage
        assert gc.collect() >= 1  # a cycle made after the freeze is still found
    assert gc.get_freeze_count() == 0
    assert kept


def test_frozen_objects_are_unfrozen_even_when_the_loop_fails() -> None:
    try:
        with batches_apart():
            let_go()
            raise ValueError
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0
