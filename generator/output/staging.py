"""Build into a work folder beside the output, then swap it in with one atomic exchange (two renames where the
system has none).

Readers never see half a site, nor (on Linux) a moment without one; a failed build leaves the previous site as it
was, and what a killed build leaves behind is recognised and removed by the next one:

    <parent>/.<name>-k3j2h1x9/   the work folder of one build (mkdtemp, private)
        gongkai-work.json        its owner (host, process, token): only folders holding this file are cleaned
        new/                     the site being built, made world-readable before the swap
        old/                     the previous site, moved aside by the swap and deleted with the work folder
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import shutil
import socket
import stat
import tempfile
import time
import uuid
from pathlib import Path
from types import TracebackType

from generator.errors import BuildError
from generator.files import describe, printable, read_regular
from generator.notice import warn

MARKER = "gongkai-work.json"
DIR_MODE, FILE_MODE = 0o755, 0o644  # a site is served to everyone: mkdtemp's 0700 made it unreadable to the web server
# Work folders of earlier versions had no marker: mkdtemp's name, mode 0700, and no change for this long.
LEGACY_QUIET_SECONDS = 15 * 60
_LEGACY_SUFFIX = re.compile(r"[a-z0-9_]{8}")
_LIVE: set[str] = set()  # tokens of the work folders this process is using now


class Staging:
    """`with Staging(out) as staging:` build into `staging.site`, then `staging.commit()`; the work folder is removed
    on leaving, whatever happened."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder: Path | None = None
        self.token = uuid.uuid4().hex

    @property
    def site(self) -> Path:
        assert self.folder is not None
        return self.folder / "new"

    def __enter__(self) -> Staging:
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            clean_leftovers(self.out)
            # Absolute: MkDocs resolves a relative site_dir against the config file's folder, not the working directory.
            self.folder = Path(tempfile.mkdtemp(prefix=f".{self.out.name}-", dir=self.out.parent)).resolve()
            _LIVE.add(self.token)
            owner = {"host": socket.gethostname(), "pid": os.getpid(), "token": self.token}
            (self.folder / MARKER).write_text(json.dumps(owner), encoding="utf-8")
            self.site.mkdir()
        except OSError as exc:
            self._remove()
            raise BuildError(f"无法创建输出目录 {printable(str(self.out))}：{describe(exc)}") from None
        return self

    def commit(self) -> None:
        """Make the staged site world-readable and put it in place of the output folder."""
        make_world_readable(self.site)
        assert self.folder is not None
        swap_into_place(self.site, self.out, self.folder / "old")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._remove()

    def _remove(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        _LIVE.discard(self.token)


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step with Linux's renameat2(RENAME_EXCHANGE); False when the system or the
    filesystem cannot (then nothing changed)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap_into_place(staged: Path, out: Path, old: Path) -> None:
    """Replace `out` with `staged`: exchanged in one step (the previous site ends up at `staged`, to be deleted with
    the work folder), else by two renames (`old` receives the previous site, in the same folder); if the second
    rename fails, the previous site is put back rather than leave none."""
    if os.path.isdir(out) and not os.path.islink(out) and exchange(staged, out):
        return
    if os.path.lexists(out):
        out.rename(old)
    try:
        staged.rename(out)
    except OSError:
        if os.path.lexists(old) and not os.path.lexists(out):
            old.rename(out)
        raise


def make_world_readable(site: Path) -> None:
    """Folders 0755, files 0644, whatever the umask; links are left alone (chmod would follow them)."""
    stack = [site]
    os.chmod(site, DIR_MODE)
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    continue
                wanted = DIR_MODE if entry.is_dir() else FILE_MODE
                if entry.is_dir():
                    stack.append(Path(entry.path))
                if stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode) != wanted:
                    os.chmod(entry.path, wanted)


def clean_leftovers(out: Path) -> None:
    """Remove the work folders that killed builds left beside `out`: any holding our marker whose process is gone,
    and, from earlier versions, `.<name>-xxxxxxxx` (mkdtemp's) and `<name>.old` folders that are recognisably ours."""
    try:
        with os.scandir(out.parent) as scan:
            entries = [entry for entry in scan if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return
    for entry in entries:
        folder = Path(entry.path)
        owner = _owner(folder)
        if owner is not None:
            abandoned = _abandoned(owner)
        elif entry.name.startswith(f".{out.name}-"):
            abandoned = _legacy_work_folder(folder, entry.name[len(out.name) + 2:])
        elif entry.name == f"{out.name}.old":
            abandoned = _legacy_old_site(folder)
            if not abandoned:
                warn(f"未删除 {printable(str(folder))}：它可能是以前中断的生成留下的旧站点，但无法确认是 Gongkai 生成的。"
                     "如不再需要，请手动删除。")
        else:
            continue
        if abandoned:
            shutil.rmtree(folder, ignore_errors=True)


def _owner(folder: Path) -> dict | None:
    try:
        owner = json.loads(read_regular(folder / MARKER, 4096))
    except (OSError, ValueError):
        return None
    return owner if isinstance(owner, dict) else None


def _abandoned(owner: dict) -> bool:
    """True when the process that made the work folder has ended (on this machine; another machine's are kept)."""
    pid, token = owner.get("pid"), owner.get("token")
    if owner.get("host") != socket.gethostname() or not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return token not in _LIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, run by another user
    return False


def _legacy_work_folder(folder: Path, suffix: str) -> bool:
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (bool(_LEGACY_SUFFIX.fullmatch(suffix)) and stat.S_IMODE(info.st_mode) == 0o700
            and time.time() - info.st_mtime > LEGACY_QUIET_SECONDS)


def _legacy_old_site(folder: Path) -> bool:
    """`site.old` from an earlier version's swap: empty, or a page of it says MkDocs made it."""
    try:
        with os.scandir(folder) as scan:
            if next(scan, None) is None:
                return True
        return b'<meta name="generator" content="mkdocs-' in read_regular(folder / "index.html", 10 * 1024 * 1024)
    except OSError:
        return False
