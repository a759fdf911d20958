"""Reading the repository's own files: regular files only, never through a link, never a device or a pipe.

A pull request can add a symbolic link (git stores them), and a link to /dev/zero or to a file outside the
repository must neither hang a check nor publish that file. Every reader of catalogue/, flowcharts/, calendar/
and revisions/ opens through here: the file is opened without following a final link and without blocking
(a FIFO would wait for a writer), and its type is checked on the open descriptor, before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISLNK, "符号链接"), (stat.S_ISDIR, "文件夹"), (stat.S_ISFIFO, "命名管道（FIFO）"),
          (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"), (stat.S_ISSOCK, "套接字"))


class NotRegularFile(OSError):
    """The path is a link, a device, a pipe or a socket. `strerror` says which, in Chinese."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EPERM, f"是{kind}，不是普通文件，不予读取", str(path))
        self.kind = kind


class FileTooBig(OSError):
    def __init__(self, path: Path, size: int) -> None:
        super().__init__(errno.EFBIG, f"文件过大（{size} 字节）", str(path))
        self.size = size


def kind_of(mode: int) -> str:
    """What a non-regular file is, in Chinese (from lstat's mode)."""
    return next((name for test, name in _KINDS if test(mode)), "特殊文件")


def refusal(kind: str) -> str:
    """The editor-facing sentence for a refused entry under catalogue/ (and the other source folders)."""
    return (f"这是{kind}，不是普通文件，未读取。记录、流程模板、节假日和修订文件都必须是仓库中的普通文件："
            "请删除它，把内容作为普通文件提交。")


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file `path`. Raises NotRegularFile (never reading it) for anything else, FileTooBig
    when `limit` is given and exceeded, and OSError as open() does."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW on a final symbolic link
            raise NotRegularFile(path, "符号链接") from None
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO on some systems
            raise NotRegularFile(path, kind_of(os.lstat(path).st_mode)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (not getattr(os, "O_NOFOLLOW", 0) and os.path.islink(path)):
            raise NotRegularFile(path, "符号链接" if os.path.islink(path) else kind_of(info.st_mode))
        if limit is not None and info.st_size > limit:
            raise FileTooBig(path, info.st_size)
        return _read_to_end(fd, info.st_size)
    finally:
        os.close(fd)


def _read_to_end(fd: int, size: int) -> bytes:
    """Every byte up to the end of the file, as a file object's read() gives them, without making one (10,000 record
    files are read per check): the size from fstat in one read, then reads until the end (a file that grew meanwhile)."""
    chunks = [os.read(fd, size + 1)]
    while chunks[-1]:
        chunks.append(os.read(fd, 1 << 16))
    return chunks[0] if len(chunks) == 2 else b"".join(chunks)


def read_regular_text(path: Path) -> str:
    """read_regular decoded as UTF-8 (UnicodeDecodeError as str.decode raises it)."""
    return read_regular(path).decode("utf-8")


def printable(name: str) -> str:
    """A path or name that can be printed and written as UTF-8: bytes that were not UTF-8 (surrogate escapes from
    the file system) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_printable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_ERRNO_TEXT = {errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出磁盘配额", errno.EROFS: "文件系统只读",
               errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOENT: "不存在", errno.ENOTDIR: "路径中有一段不是文件夹",
               errno.EISDIR: "是文件夹", errno.EEXIST: "已存在", errno.ENAMETOOLONG: "名称过长", errno.ELOOP: "符号链接过多"}


def describe(exc: BaseException) -> str:
    """A short Chinese reason for a file-system error (the English one in brackets when it has no translation)."""
    if isinstance(exc, (NotRegularFile, FileTooBig)):
        return str(exc.strerror)
    if isinstance(exc, OSError) and exc.errno in _ERRNO_TEXT:
        return _ERRNO_TEXT[exc.errno]
    if isinstance(exc, UnicodeError):
        return "名称或内容不是有效的 UTF-8 文字"
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"系统错误：{detail}"
