"""Render the Markdown of pages outside the nav on every core before Zensical builds, so its build uses them.

Zensical's Rust runtime calls back into Python for each page's Markdown (zensical.markdown.render.render), one
page after another under one interpreter lock: on a 2-core machine half the machine waits. A record page's call is
fully determined by the page itself (its body, path, URL, front matter and title; navigation_title is None outside
the nav), so before the build the process forks: each child renders an interleaved share with Zensical's own
function, the parent renders its share meanwhile, and during the build a wrapper answers a call from these results
when its arguments are exactly the ones foreseen, and renders it as usual otherwise. The output is byte-identical
either way: tests/zensical_adapter/test_prerender.py compares.

Zensical keeps rendered pages in its own cache (workspace.py), so only pages whose call changed since the last
build of this workspace are rendered ahead (their digests are kept in prerendered.json beside the cache).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import zensical
import zensical.markdown.render as zensical_render
from click import ClickException
from zensical.config import parse_config

from generator.engines.source import TITLE_SAFE
from generator.site import Page, SiteBundle

MIN_PAGES = 200  # below this, forking costs more than it saves
MANIFEST = "prerendered.json"

Call = tuple[str, str, str, str, str | None, str | None]  # content, path, url, metadata (JSON), title, navigation_title


def _nav_sources(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(_nav_sources(item) for item in nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*(_nav_sources(value) for value in nav.values())) if nav else set()
    return set()


def foreseen_call(page: Page) -> Call:
    """The arguments Zensical passes to render() for a generated page outside the nav (engines/source.py wrote it)."""
    meta = {"title": page.title.translate(TITLE_SAFE), **dict(page.meta)}
    stem = page.path.removesuffix(".md")
    url = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    return (page.content, page.path, url, json.dumps(meta, ensure_ascii=False, separators=(",", ":")), meta["title"], None)


def _key(call: tuple) -> str:
    content, path, url, metadata, title, navigation_title = call
    try:
        metadata = json.dumps(json.loads(metadata), sort_keys=True, ensure_ascii=False)
    except ValueError:
        pass
    return hashlib.sha256(json.dumps([content, path, url, metadata, title, navigation_title], ensure_ascii=False).encode()).hexdigest()


def _render_share(calls: list[Call]) -> dict[str, Any]:
    return {_key(call): zensical_render.render(*call) for call in calls}


def _context(config: Path) -> str:
    """What every page's rendering depends on besides the page: the engine and both configuration files."""
    settings = json.loads(config.read_text(encoding="utf-8"))
    parts = [zensical.version(), config.read_text(encoding="utf-8"), Path(settings["INHERIT"]).read_text(encoding="utf-8")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class Prerender:
    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled
        self.results: dict[str, Any] = {}
        self.ahead = 0  # pages rendered ahead this build
        self.hits = 0  # Zensical's calls answered from them

    def _wanted(self, config: Path, bundle: SiteBundle) -> tuple[list[Call], dict]:
        """Calls to render ahead (changed since the last build here) and the manifest to keep after this build."""
        nav = _nav_sources(parse_config(str(config)).get("nav"))  # also sets up Zensical's Markdown for render()
        calls = {page.path: foreseen_call(page) for page in bundle.pages.values() if page.path not in nav}
        manifest = {"context": _context(config), "pages": {path: _key(call) for path, call in calls.items()}}
        try:
            previous = json.loads((config.parent / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        kept = previous.get("pages", {}) if previous.get("context") == manifest["context"] else {}
        return [call for path, call in calls.items() if kept.get(path) != manifest["pages"][path]], manifest

    def _answer(self, *args: Any, **kwargs: Any) -> Any:
        result = self.results.pop(_key(tuple(args) + (None,) * (6 - len(args))), None) if not kwargs else None
        if result is None:
            return self._original(*args, **kwargs)
        self.hits += 1
        return result

    def _fork_and_render(self, calls: list[Call]) -> None:
        workers = min(os.cpu_count() or 1, 8)
        with tempfile.TemporaryDirectory(prefix="gongkai-prerender-") as folder:
            children = []
            for index in range(1, workers):
                report = Path(folder) / f"{index}.json"
                pid = os.fork()
                if pid == 0:  # the child: render, report, and leave without running the parent's exit handlers
                    code = 1
                    try:
                        report.write_text(json.dumps(_render_share(calls[index::workers]), ensure_ascii=False), encoding="utf-8")
                        code = 0
                    finally:
                        os._exit(code)
                children.append((pid, report))
            self.results.update(_render_share(calls[0::workers]))
            for pid, report in children:
                os.waitpid(pid, 0)
                try:
                    self.results.update(json.loads(report.read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    pass  # a child that failed only costs time: Zensical renders those pages itself

    @contextmanager
    def started(self, config: Path, bundle: SiteBundle) -> Iterator[None]:
        """Render ahead (when enabled and worth it), answer Zensical's calls during the block, keep the manifest."""
        usable = self.enabled and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()
        calls, manifest = [], None
        if usable:
            try:
                calls, manifest = self._wanted(config, bundle)
            except (ClickException, OSError, ValueError):
                pass  # a configuration Zensical refuses: its build reports it (engine._run); nothing to render ahead
        if len(calls) >= MIN_PAGES:
            self._fork_and_render(calls)
            self.ahead = len(calls)
        self._original = zensical_render.render
        zensical_render.render = self._answer
        try:
            yield
        finally:
            zensical_render.render = self._original
            self.results.clear()
        if manifest is not None:
            (config.parent / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
