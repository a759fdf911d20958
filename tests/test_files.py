"""generator/files.py: a regular file is read whole, however its size compares with what fstat said."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.files import FileTooBig, read_regular


@pytest.mark.parametrize("size", [0, 1, 4096, 200_000])
def test_every_byte_is_read(tmp_path: Path, size: int) -> None:
    data = (bytes(range(256)) * (size // 256 + 1))[:size]
    (tmp_path / "f").write_bytes(data)
    assert read_regular(tmp_path / "f") == data


def test_a_file_longer_than_its_size_said_is_read_to_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grew between fstat and the read (the size comes from fstat) still comes back whole."""
    (tmp_path / "f").write_bytes(b"a" * 100_000 + b"end")
    real = os.fstat

    def shrunk(fd: int) -> os.stat_result:
        fields = list(real(fd))
        fields[6] = 10  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", shrunk)
    assert read_regular(tmp_path / "f") == b"a" * 100_000 + b"end"


def test_the_limit_is_the_size_fstat_gives(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 11)
    assert read_regular(tmp_path / "f", limit=11) == b"x" * 11
    with pytest.raises(FileTooBig):
        read_regular(tmp_path / "f", limit=10)
