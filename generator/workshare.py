"""Numbered pieces of work shared between this process and forked helpers; the results come back in order.

The helpers take unclaimed pieces from the front, this process from the back, so a piece is done exactly
once and nobody waits while work is left. This process hands out every result as soon as it is next in
order (its caller's work on it, e.g. validation, runs meanwhile) and takes a piece itself only when the next
result is not ready yet; the pieces it takes are the last ones, needed only at the end. So the helpers do
as much of the work as they can keep up with, on whatever the machine has to spare. A helper that fails on a piece, or dies, costs only speed: this process does that piece itself,
and a failure then raises here as it would have without helpers.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether helpers may be forked now: the fork start method exists and this process runs no other thread. A
    thread holding a lock when the fork happens (the preview server's, logging's) leaves that lock held for ever
    in the child, which then hangs; a process with other threads (`gongkai serve`) does the work itself."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def in_order(pieces: int, mine: Callable[[int], list[T]], theirs: Callable[[int], Any], unpack: Callable[[Any], list[T]],
             helpers: int) -> Iterator[T]:
    """Every result of pieces 0 … pieces-1, in order. `mine(i)`: piece i done here; `theirs(i)`: done in a helper,
    in a form cheap to send (unpacked here by `unpack`). Needs the fork start method: helpers share this process's
    memory as it is, and nothing but the results crosses."""
    context = multiprocessing.get_context("fork")
    unclaimed = context.Array("i", [0, pieces])  # [first, end) of the pieces nobody has taken yet

    def claim(from_back: bool = False) -> int | None:
        with unclaimed.get_lock():
            first, end = unclaimed[0], unclaimed[1]
            if first >= end:
                return None
            if from_back:
                unclaimed[1] = end - 1
                return end - 1
            unclaimed[0] = first + 1
            return first

    arrived: queue.SimpleQueue[tuple[int, Any] | None] = queue.SimpleQueue()
    readers: list[Connection] = []
    processes = []
    threads: list[threading.Thread] = []
    try:
        for _ in range(helpers):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=_helper, args=(claim, theirs, writer), daemon=True)
            process.start()
            writer.close()
            readers.append(reader)
            processes.append(process)
        for reader in readers:  # threads only after the last fork
            threads.append(threading.Thread(target=_read, args=(reader, arrived), daemon=True))
            threads[-1].start()
        live = len(readers)
        done: dict[int, list[T]] = {}
        for wanted in range(pieces):
            while wanted not in done:
                live -= _take(arrived, done, mine, unpack, block=False)
                if wanted in done:
                    break
                piece = claim(from_back=True)
                if piece is not None:
                    done[piece] = mine(piece)
                elif live:
                    live -= _take(arrived, done, mine, unpack, block=True)
                else:  # claimed by a helper that is gone
                    done[wanted] = mine(wanted)
            yield from done.pop(wanted)
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for thread in threads:  # each sees the end of its pipe once its helper is gone
            thread.join()
        for reader in readers:
            reader.close()


def _read(reader: Connection, arrived: queue.SimpleQueue) -> None:
    """A helper's results as they come, so that it never waits for this process to read them (a piece is far more
    than a pipe holds); mostly in system calls, which leave the interpreter to the main thread."""
    while True:
        try:
            message = reader.recv()
        except (EOFError, OSError):
            message = None
        arrived.put(message)
        if message is None:  # the helper has finished, or died
            return


def _take(arrived: queue.SimpleQueue, done: dict[int, list[T]], mine: Callable[[int], list[T]], unpack: Callable[[Any], list[T]],
          block: bool) -> int:
    """Results that have arrived (at least one when `block`); how many helpers have ended meanwhile."""
    ended = 0
    while True:
        try:
            message = arrived.get(block=block)
        except queue.Empty:
            return ended
        block = False
        if message is None:
            ended += 1
            continue
        piece, result = message
        done[piece] = mine(piece) if result is None else unpack(result)


def _helper(claim: Callable[[], int | None], theirs: Callable[[int], Any], writer: Connection) -> None:
    try:
        while (piece := claim()) is not None:
            try:
                result = theirs(piece)
            except Exception:  # noqa: BLE001 — the main process does this piece again and meets the error itself
                result = None
            writer.send((piece, result))
        writer.send(None)
    finally:
        writer.close()


def aside(work: Callable[[], T]) -> Callable[[], T]:
    """`work` started in a forked helper while this process goes on; the returned function waits for its result.
    A helper that fails or dies costs only time: the work is then done here (and a failure raises here)."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_aside, args=(work, writer), daemon=True)
    process.start()
    writer.close()

    def result() -> T:
        try:
            message = reader.recv()
        except (EOFError, OSError):
            message = None
        finally:
            reader.close()
            process.join()
        return work() if message is None else message[0]

    return result


def _aside(work: Callable[[], Any], writer: Connection) -> None:
    try:
        try:
            message: tuple[Any] | None = (work(),)
        except Exception:  # noqa: BLE001 — the main process does the work again and meets the error itself
            message = None
        writer.send(message)
    finally:
        writer.close()
