"""Deterministic ZIP archives: sorted entries, fixed timestamps and attributes, so equal input gives equal bytes."""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time ZIP can store; no clock involved


# Already-compressed formats are stored: deflating them again costs CPU for nothing.
_STORED_SUFFIXES = (".png", ".zip", ".xlsx")
# Level 6 (zlib's default) is within about 1% of level 9 on SVG, XML and CSV, at a fraction of the time.
COMPRESS_LEVEL = 6


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_STORED if name.endswith(_STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever machine builds it (the default depends on the platform)
    info.external_attr = 0o644 << 16
    return info


def build_zip(files: dict[str, bytes]) -> bytes:
    """A ZIP of `files`, entries sorted (workbooks are generator/exports/xlsx.py's: [Content_Types].xml first)."""
    buffer = io.BytesIO()
    names = sorted(files)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(_info(name), files[name], compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()
