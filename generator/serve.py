"""`gongkai serve`: build into a private folder, then serve it on localhost."""

from __future__ import annotations

import argparse
import errno
import shutil
import socket
import sys
from pathlib import Path

from generator.build import BuildRequest, build, check_site_out
from generator.charts.stage import chart_cache_dir
from generator.errors import CatalogueError, ConfigError
from generator.files import describe, printable
from generator.load import discover, load_yaml_file
from generator.notice import warn
from generator.paths import default_flowcharts
from generator.search.httpd import SiteServer, site_server


def parse_addr(addr: str) -> tuple[str, int]:
    """host:port, [IPv6]:port or :port (127.0.0.1); port 0 picks a free one."""
    host, _, port = addr.rpartition(":")
    if not port.isascii() or not port.isdigit() or int(port) > 65535:
        raise ConfigError(f"监听地址“{printable(addr)}”无效，应为 主机:端口（端口 0–65535），例如 127.0.0.1:8000。")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    return host or "127.0.0.1", int(port)


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


def open_server(host: str, port: int, site_dir: Path) -> SiteServer:
    """Bind before building, so a busy port or a wrong address is said at once in Chinese (it was a traceback after
    the whole build)."""
    try:
        return site_server(host, port, site_dir)
    except (socket.gaierror, UnicodeError, ValueError, TypeError):  # unknown; not IDNA-encodable (TypeError: not UTF-8); NUL
        raise ConfigError(f"无法识别监听地址中的主机“{printable(host)}”。请写本机的 IP 地址，例如 127.0.0.1。") from None
    except OSError as exc:
        raise ConfigError(_bind_problem(host, port, exc)) from None


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"端口 {port} 已被占用（可能已有一个预览在运行）。请先关闭它，或换一个端口，例如 --addr {host}:{port + 1 if port < 65535 else 8000}。"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"本机没有地址 {printable(host)}，无法在上面监听。请用 127.0.0.1。"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"没有权限监听端口 {port}（1024 以下的端口需要管理员权限）。请换一个端口，例如 --addr {host}:8000。"
    return f"无法在 {printable(host)}:{port} 上监听：{describe(exc)}。"


def serve(args: argparse.Namespace) -> int:
    host, port = parse_addr(args.addr)
    out = Path(".cache/serve-site")
    catalogue, flowcharts = args.catalogue, args.flowcharts
    if getattr(args, "department", None):
        # Its own output folder: replacing a full site there first meant deleting ~40,000 files at 10,000 records.
        out = Path(".cache/serve-department")
    check_site_out(out, catalogue, args.config, flowcharts, args.engine)  # before the department view or the build writes
    with open_server(host, port, out.resolve()) as server:
        if getattr(args, "department", None):
            flowcharts = flowcharts or default_flowcharts(catalogue)
            catalogue = department_view(catalogue, args.department, Path(".cache/serve-catalogue/catalogue"))
            share_chart_cache(args.catalogue.parent, catalogue.parent)
        # A broken link in a draft is printed, not fatal: the editor previews the page to find and fix it.
        compiled = build(BuildRequest(catalogue, out, args.config, flowcharts, args.strict, warn=warn, engine=args.engine))
        for note in compiled.notes:
            warn(note)
        shown = f"[{host}]" if ":" in host else host
        print(f"正在预览：http://{shown}:{server.server_address[1]}/ （按 Ctrl+C 停止）", file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
