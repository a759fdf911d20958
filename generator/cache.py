"""The `check` result cache: an unchanged project answers from <project>/.cache/check/ in a fraction of a second.

The key is a digest of everything a check result depends on: the generator's own files and the
versions of the libraries it validates with, every file (path and bytes) under the catalogue, the
procedure templates, the working-day calendars and the revision history, the CODEOWNERS file, the
options, the working directory (paths are shown relative to it) and the date the revision deadlines
are measured against. Any change gives another key, so a cached answer is always the answer a cold
run would give. The cache is JSON (never pickle: a file in the working tree must not be able to run
code). This module stays light (no pydantic, no YAML) because a cache hit must not pay for importing
the checker. Set GONGKAI_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from generator import outlive
from generator.diagnostics import CheckSummary, Diagnostic, Severity
from generator.files import NotRegularFile, describe, read_regular
from generator.notice import warn
from generator.paths import PROJECT_ROOT, default_flowcharts, display_path

FILE_NAME = "result-v1.json"
MAX_BYTES = 64 * 1024 * 1024  # a result for 10,000 records is a few MB; a bigger file is not ours
KEEP = 4  # results kept per project: e.g. `check` and `check --strict` alternating in CI
_LIBRARIES = ("pydantic", "pydantic-core", "ruamel.yaml", "ruamel.yaml.clib", "PyYAML", "borax")  # borax: lunar holidays
_PACKAGE = Path(__file__).resolve().parent


def cache_dir(catalogue: Path) -> Path:
    return catalogue.resolve().parent / ".cache" / "check"


def caching_disabled() -> bool:
    return os.environ.get("GONGKAI_NO_CACHE") == "1"


def _tree(digest: Any, label: str, folder: Path) -> None:
    """Every file under `folder`, in a fixed order, by relative path and bytes; a missing folder counts too."""
    digest.update(f"\0{label}\0{folder.resolve()}\0".encode("utf-8", "surrogateescape"))
    if folder.is_file():
        _content(digest, str(folder))
        return
    if not folder.is_dir():
        digest.update(b"missing")
        return
    base = str(folder)
    files = []
    for top, dirs, names in os.walk(base):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        below = os.path.relpath(top, base)  # once per folder, not per file
        prefix = "" if below == "." else below + os.sep
        files += [(prefix + name, os.path.join(top, name)) for name in names]
    for relative, full in sorted(files):
        digest.update(b"\0" + relative.encode("utf-8", "surrogateescape") + b"\0")
        _content(digest, full)


def _content(digest: Any, path: str) -> None:
    """A regular file by its bytes; anything else (a link, a device, a pipe) by what it is, never read: a link to
    /dev/zero in the catalogue must not hang the key (the check refuses it with an error)."""
    try:
        content = read_regular(Path(path))
    except NotRegularFile as exc:
        digest.update(f"special:{exc.kind}:{_link_target(path)}".encode("utf-8", "surrogateescape"))
        return
    except OSError as exc:  # unreadable now: key on the error, so a readable file later gives another key
        digest.update(f"unreadable:{exc.errno}".encode())
        return
    digest.update(b"%d\0" % len(content))  # the length keeps file boundaries unambiguous
    digest.update(content)


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return ""


def _libraries() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in _LIBRARIES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    return ",".join(found)


def result_key(catalogue: Path, flowcharts: Path | None, strict: bool) -> str:
    digest = hashlib.blake2b(digest_size=20)
    options = {
        "strict": strict, "cwd": os.getcwd(), "catalogue": str(catalogue), "flowcharts": str(flowcharts),
        "today": os.environ.get("GONGKAI_TODAY") or date.today().isoformat(), "libraries": _libraries(),
        "python": sys.version,
    }
    digest.update(json.dumps(options, sort_keys=True).encode())
    _inputs(digest, catalogue, flowcharts)
    return digest.hexdigest()


def inputs_digest(catalogue: Path, flowcharts: Path | None) -> str:
    """A digest of the files a check reads and of the checker itself, whatever the day or the working directory:
    the jobs of a split build (generator/parts/) compare it to know they build what the check job checked."""
    digest = hashlib.blake2b(digest_size=20)
    _inputs(digest, catalogue, flowcharts)
    return digest.hexdigest()


def _inputs(digest: Any, catalogue: Path, flowcharts: Path | None) -> None:
    root = catalogue.resolve().parent
    _tree(digest, "code", _PACKAGE)
    _tree(digest, "catalogue", catalogue)
    _tree(digest, "flowcharts", flowcharts or default_flowcharts(catalogue))
    for name in ("calendar", "revisions"):  # beside the catalogue, or the project's own (see workdays, revisions)
        _tree(digest, name, root / name)
    _tree(digest, "own-calendar", PROJECT_ROOT / "calendar")
    _tree(digest, "codeowners", root / "CODEOWNERS")


def _encode(summary: CheckSummary) -> dict[str, Any]:
    rows = [[d.path, d.line, d.col, d.severity.name, d.label, d.key, d.message, list(d.loc), d.strict_exempt] for d in summary.diagnostics]
    return {"files": summary.files, "diagnostics": rows}


def _decode(stored: dict[str, Any]) -> CheckSummary:
    diagnostics = [
        Diagnostic(path, line, col, Severity[severity], label, key, message, tuple(loc), bool(exempt))
        for path, line, col, severity, label, key, message, loc, exempt in stored["diagnostics"]
    ]
    return CheckSummary(diagnostics, int(stored["files"]))


class ResultCache:
    """A cache that cannot be read is started afresh, one that cannot be written is skipped; either is said once, and
    neither changes the result: it only ever costs speed."""

    def __init__(self, catalogue: Path, key: str) -> None:
        self.file = cache_dir(catalogue) / FILE_NAME
        self.key = key
        self.said: set[str] = set()

    def _warn(self, problem: str) -> None:
        if problem not in self.said:
            self.said.add(problem)
            warn(f"检查结果缓存 {display_path(self.file)} {problem}；检查结果不受影响。")

    def _entries(self) -> dict[str, Any]:
        try:
            entries = json.loads(read_regular(self.file, MAX_BYTES))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:  # a damaged file is replaced by the next result written
            self._warn(f"无法读取（{describe(exc) if isinstance(exc, OSError) else '内容已损坏'}），已重新检查")
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self) -> CheckSummary | None:
        try:
            return _decode(self._entries()[self.key])
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # absent, or a cache file from another version: run the check

    def put(self, summary: CheckSummary) -> None:
        entries = {k: v for k, v in self._entries().items() if k != self.key}
        entries[self.key] = _encode(summary)
        kept = dict(list(entries.items())[-KEEP:])
        tmp = self.file.with_name(f"{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.file)
        except (OSError, ValueError) as exc:  # ValueError: text that is not UTF-8
            with suppress(OSError):
                tmp.unlink(missing_ok=True)  # half a file on a full disk
            self._warn(f"无法写入（{describe(exc)}），本次未保存")


def cached_check(catalogue: Path, flowcharts: Path | None = None, strict: bool = False) -> CheckSummary:
    """check_catalogue's diagnostics and file count, from the cache when nothing they depend on changed."""
    cache = None if caching_disabled() or not catalogue.is_dir() else ResultCache(catalogue, result_key(catalogue, flowcharts, strict))
    if cache is not None and (hit := cache.get()) is not None:
        return hit
    from generator.check import check_catalogue  # only on a miss: importing the checker costs a third of a second

    result = check_catalogue(catalogue, flowcharts, strict=strict, last=True)
    outlive.keep(result)
    summary = CheckSummary(result.diagnostics, result.files)
    if cache is not None:
        cache.put(summary)
    return summary
