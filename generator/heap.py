"""Keeping the cyclic garbage collector off a large catalogue: between the batches of a large load (generator/check.py
load_view) and while forked workers share it (generator/charts/render.py).

Loading a batch leaves cyclic garbage, so each batch ends with a collection; but a full collection walks every live
object, and what is kept from earlier batches (a province's light catalogue) grows batch by batch: at 20,000 records
the part's 11 collections took 12 s. After each collection what is left alive is frozen (gc.freeze), so the next one
walks only the objects made since; `batches_apart` unfreezes them at the end, so a later collection can free them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def let_go() -> None:
    """Collect the last batch's garbage and set aside (freeze) everything still alive."""
    gc.collect()
    gc.freeze()


@contextmanager
def batches_apart() -> Iterator[None]:
    """Around a loop that calls let_go() after each batch: what was frozen is unfrozen when the loop ends."""
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Forked workers share the parent's heap copy-on-write, but their cyclic garbage collector would visit (and
    so copy) every object of a big catalogue; frozen objects are left alone."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
