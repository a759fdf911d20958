"""Render pages outside the nav in forked processes, so MkDocs uses every core.

MkDocs renders one page after another in one process: on a 2-core machine half the machine waits while
10,000 record pages go through Markdown and the theme. A record page's HTML depends only on its own source,
the nav and the configuration (see pagecache.py), so once the nav is built the process forks: each child
renders its share with MkDocs' own page functions and writes the HTML into the site folder, while the parent
leaves those pages out (excluded, so links to them still resolve) and renders the rest. Warnings raised in a
child are handed back and logged by the parent, where strict mode counts them.

Only `gongkai build` turns this on (never the preview server, whose watcher runs threads), and only from
MIN_PAGES pages up. The output is byte-identical either way: tests/mkdocs_adapter/test_workers.py compares.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page  # pinned: mkdocs>=1.6,<1.7
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.mkdocs_adapter import flavour
from generator.mkdocs_adapter.messages import WarningCollector

MIN_PAGES = 200  # below this, forking costs more than it saves
log = logging.getLogger("mkdocs.plugins.gongkai")


@dataclass
class _Child:
    pid: int
    report: Path


def _render(share: list[File], config: MkDocsConfig, files: Files, nav: Navigation) -> None:
    env = config.theme.get_env()
    doc_files = files.documentation_pages()
    for file in share:
        if file.page is None:
            Page(None, file, config)
        assert file.page is not None
        _populate_page(file.page, config, files)
        _build_page(file.page, config, doc_files, nav, env)


def _child_main(share: list[File], config: MkDocsConfig, files: Files, nav: Navigation, report: Path) -> None:
    collector = WarningCollector()
    flavour.logger().addHandler(collector)
    outcome: dict = {"warnings": collector.messages, "error": None, "stored": {}}
    try:
        _render(share, config, files, nav)
    except BaseException as exc:  # noqa: BLE001 — reported to the parent, which raises it as a build error
        outcome["error"] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"
    page_cache = getattr(config.plugins.get("gongkai"), "page_cache", None)
    outcome["stored"] = getattr(page_cache, "stored", {})  # the parent keeps them once it knows every warning
    report.write_text(json.dumps(outcome, ensure_ascii=False), encoding="utf-8")


class PageWorkers:
    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled
        self.rendered: set[str] = set()  # src_uris the children render
        self.stored: dict[str, str] = {}  # src_uri → page-cache key of what the children stored
        self._children: list[_Child] = []
        self._folder: tempfile.TemporaryDirectory | None = None

    def start(self, candidates: list[File], config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Fork one child per extra core, each with an interleaved share of `candidates` (pages outside the nav)."""
        workers = min(os.cpu_count() or 1, 8)
        if not self.enabled or workers < 2 or len(candidates) < MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
            return
        self._folder = tempfile.TemporaryDirectory(prefix="gongkai-pages-")
        for index in range(1, workers):
            share = candidates[index::workers]
            report = Path(self._folder.name) / f"{index}.json"
            pid = os.fork()
            if pid == 0:  # the child: render, report, and leave without running the parent's exit handlers
                code = 0
                try:
                    _child_main(share, config, files, nav, report)
                except BaseException:  # noqa: BLE001
                    code = 1
                finally:
                    os._exit(code)
            self._children.append(_Child(pid, report))
            for file in share:
                file.inclusion = InclusionLevel.EXCLUDED
                self.rendered.add(file.src_uri)

    def finish(self) -> None:
        """Wait for every child; log its warnings here (strict mode counts them); raise if one failed."""
        failures = []
        for child in self._children:
            _, status = os.waitpid(child.pid, 0)
            try:
                outcome = json.loads(child.report.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                outcome = {"warnings": [], "error": f"页面子进程异常退出（状态 {status}）"}
            for message in outcome["warnings"]:
                log.warning(message)
            self.stored.update(outcome.get("stored") or {})
            if outcome["error"]:
                failures.append(outcome["error"])
        self._children = []
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        if failures:
            raise PluginError("并行生成页面失败：" + "\n".join(failures))

    def abort(self) -> None:
        """The build failed elsewhere: stop the children before the staged folder disappears under them."""
        for child in self._children:
            try:
                os.kill(child.pid, 9)
                os.waitpid(child.pid, 0)
            except OSError:
                pass
        self._children = []
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
