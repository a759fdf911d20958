"""`gongkai serve`: build into a private folder, then serve it on localhost."""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.build import BuildRequest, build
from generator.charts.stage import chart_cache_dir
from generator.errors import CatalogueError, ConfigError
from generator.load import discover, load_yaml_file
from generator.paths import default_flowcharts


def parse_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    if not port.isdigit():
        raise ConfigError(f"监听地址“{addr}”无效，应为 主机:端口，例如 127.0.0.1:8000。")
    return host or "127.0.0.1", int(port)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 — stdlib signature
        pass


def referenced_fees(department_folder: Path) -> set[str]:
    """Ids of the fee bases the department's powers and services name (a record's file is named by its id)."""
    ids: set[str] = set()
    for path in sorted(department_folder.glob("*/*.yaml")):
        data, problem = load_yaml_file(path)
        if problem is None and isinstance(data, dict) and isinstance(data.get("fee_bases"), list):
            ids.update(item for item in data["fee_bases"] if isinstance(item, str))
    return ids


def department_view(catalogue: Path, department: str, dest: Path) -> Path:
    """A catalogue of one department's records, plus every department file and the other departments' fee bases
    its records name. Previewing one department of a province-size catalogue must not wait for every other record.
    """
    if not (catalogue / department / "department.yaml").is_file():
        known = sorted(p.name for p in catalogue.iterdir() if (p / "department.yaml").is_file()) if catalogue.is_dir() else []
        raise ConfigError(f"部门“{department}”不存在。可选部门：{'、'.join(known) or '（无）'}。")
    _, refused = discover(catalogue)
    if refused:  # a link, device or pipe would be copied through (a link to /dev/zero fills the disk)
        raise CatalogueError(refused)
    shutil.rmtree(dest, ignore_errors=True)
    fees = referenced_fees(catalogue / department)
    for folder in sorted(p for p in catalogue.iterdir() if p.is_dir()):
        if folder.name == department:
            shutil.copytree(folder, dest / folder.name, symlinks=True)
            continue
        (dest / folder.name).mkdir(parents=True)
        if (folder / "department.yaml").is_file():
            shutil.copy2(folder / "department.yaml", dest / folder.name / "department.yaml")
        for fee in sorted((folder / "fees").glob("*.yaml")):
            if fee.stem in fees:
                (dest / folder.name / "fees").mkdir(exist_ok=True)
                shutil.copy2(fee, dest / folder.name / "fees" / fee.name)
    return dest


def share_chart_cache(project: Path, view: Path) -> None:
    """Let the department view use the project's chart cache. Charts are cached by content, so the full build has
    usually drawn the department's charts already (about 1 s at 10,000 records). Pages and the check result are
    not shared: a department site's nav differs, and the project's check cache must stay the whole catalogue's."""
    shared, link = chart_cache_dir(project.resolve()), chart_cache_dir(view.resolve())
    if shared is None or link is None or shared == link or link.is_symlink() or link.exists():
        return  # no cache, one configured for every build (GONGKAI_CHART_CACHE), or the view has its own already
    try:
        shared.mkdir(parents=True, exist_ok=True)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(shared, target_is_directory=True)
    except OSError:
        pass  # no symlinks here (e.g. Windows without the privilege): the view keeps a cache of its own


def _print_warning(message: str) -> None:
    print(f"警告：{message}", file=sys.stderr)


def serve(args: argparse.Namespace) -> int:
    host, port = parse_addr(args.addr)
    out = Path(".cache/serve-site")
    catalogue, flowcharts = args.catalogue, args.flowcharts
    if getattr(args, "department", None):
        # Its own output folder: replacing a full site there first meant deleting ~40,000 files at 10,000 records.
        out = Path(".cache/serve-department")
        flowcharts = flowcharts or default_flowcharts(catalogue)
        catalogue = department_view(catalogue, args.department, Path(".cache/serve-catalogue/catalogue"))
        share_chart_cache(args.catalogue.parent, catalogue.parent)
    # A broken link in a draft is printed, not fatal: the editor previews the page to find and fix it.
    build(BuildRequest(catalogue, out, args.config, flowcharts, args.strict, warn=_print_warning))
    handler = functools.partial(_QuietHandler, directory=str(out.resolve()))
    with ThreadingHTTPServer((host, port), handler) as server:
        print(f"正在预览：http://{host}:{port}/ （按 Ctrl+C 停止）", file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
