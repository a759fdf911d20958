"""Pieces of work shared with forked helpers: every result once, in order, whoever did the piece and whatever fails."""

from __future__ import annotations

import os

import pytest

from generator.workshare import aside, in_order

PIECES = 40


def _mine(piece: int) -> list[tuple[int, int]]:
    return [(piece, k) for k in range(3)]


def _theirs(piece: int) -> list[list[int]]:
    return [[piece, k] for k in range(3)]  # another shape, so that `unpack` must run on what a helper sent


def _unpack(sent: list[list[int]]) -> list[tuple[int, int]]:
    return [(piece, k) for piece, k in sent]


EXPECTED = [(piece, k) for piece in range(PIECES) for k in range(3)]


@pytest.mark.parametrize("helpers", [0, 1, 3])
def test_every_result_comes_once_and_in_order(helpers: int) -> None:
    assert list(in_order(PIECES, _mine, _theirs, _unpack, helpers)) == EXPECTED


def test_no_pieces_gives_nothing() -> None:
    assert list(in_order(0, _mine, _theirs, _unpack, 1)) == []


def test_a_piece_a_helper_fails_on_is_done_here() -> None:
    def theirs(piece: int) -> list[list[int]]:
        if piece % 2:
            raise ValueError("a helper's failure")
        return _theirs(piece)

    assert list(in_order(PIECES, _mine, theirs, _unpack, 2)) == EXPECTED


def test_a_failure_in_this_process_is_raised_and_the_helpers_are_ended() -> None:
    def mine(piece: int) -> list[tuple[int, int]]:
        raise RuntimeError(f"piece {piece}")

    def theirs(piece: int) -> list[list[int]]:
        raise ValueError("failed in the helper too")

    with pytest.raises(RuntimeError):
        list(in_order(PIECES, mine, theirs, _unpack, 2))
    assert not [child for child in _children() if child.is_alive()]


def test_a_helper_that_dies_costs_nothing_but_time() -> None:
    def theirs(piece: int) -> list[list[int]]:
        if piece >= 3:
            os._exit(9)  # killed mid-run (e.g. out of memory), the piece it claimed never sent
        return _theirs(piece)

    assert list(in_order(PIECES, _mine, theirs, _unpack, 2)) == EXPECTED


def test_a_caller_that_stops_early_ends_the_helpers() -> None:
    results = in_order(PIECES, _mine, _theirs, _unpack, 2)
    assert next(results) == (0, 0)
    results.close()
    assert not [child for child in _children() if child.is_alive()]


def _children() -> list:
    import multiprocessing

    return multiprocessing.active_children()


def test_work_aside_gives_its_result() -> None:
    assert aside(lambda: [(1, "一"), (2, "二")])() == [(1, "一"), (2, "二")]


def test_work_aside_that_fails_or_dies_is_done_here() -> None:
    pid = os.getpid()

    def fails_in_the_helper() -> int:
        if os.getpid() != pid:
            raise ValueError("a helper's failure")
        return 7

    def dies_in_the_helper() -> int:
        if os.getpid() != pid:
            os._exit(9)
        return 8

    assert aside(fails_in_the_helper)() == 7
    assert aside(dies_in_the_helper)() == 8


def test_work_aside_that_fails_here_too_raises_here() -> None:
    def fails() -> int:
        raise RuntimeError("everywhere")

    with pytest.raises(RuntimeError):
        aside(fails)()


def test_no_fork_while_another_thread_runs() -> None:
    import threading

    from generator.workshare import can_fork

    stop = threading.Event()
    server = threading.Thread(target=stop.wait, daemon=True)  # as `gongkai serve`'s HTTP thread
    server.start()
    try:
        assert not can_fork()
    finally:
        stop.set()
        server.join()


def test_the_loader_parses_in_this_process_when_it_cannot_fork(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    from generator import load, workshare

    monkeypatch.setattr(workshare, "can_fork", lambda: False)
    monkeypatch.setattr(workshare, "in_order", lambda *a, **k: pytest.fail("forked although it must not"))
    files = []
    for number in range(load.PARALLEL_FROM):
        path = tmp_path / f"r{number}.yaml"
        path.write_text(f"id: r{number}\n", encoding="utf-8")
        files.append((path.name, path))
    assert len(list(load._load_all(files))) == load.PARALLEL_FROM
