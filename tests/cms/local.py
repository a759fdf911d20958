"""A repository, Decap's local backend (decap-server, git mode) and the admin/ folder, as the e2e test and the
guide's screenshot script (tests/cms/shots.py) use them. decap-server runs on a free port and is stopped by pid."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.cms import find_node_modules
from generator.editor.fmt import format_file, yaml_files

ROOT = Path(__file__).resolve().parent.parent.parent
GIT = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def make_repo(where: Path) -> Path:
    """The sample catalogue and templates in a fresh repository on main, kept fmt-clean as the CI asks."""
    repo = where / "repo"
    for folder in ("catalogue", "flowcharts"):
        shutil.copytree(ROOT / folder, repo / folder)
    files, refused = yaml_files([repo])
    assert not refused, refused
    for path in files:
        format_file(path, check_only=False)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample")
    return repo


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def decap_server(repo: Path) -> Iterator[str]:
    """decap-server in git mode on `repo` (editorial workflow: one cms/<collection>/<slug> branch per entry)."""
    node_modules = find_node_modules(ROOT)
    assert node_modules is not None, "make install 没有装好 npm 包"
    port = _free_port()
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo),
           "LOG_LEVEL": "warn", "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    proc = subprocess.Popen(["node", str(node_modules / "decap-server/dist/index.js")], env=env, cwd=repo,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 30
        while not _answers(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"decap-server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def write_admin(repo: Path, site: Path, backend_url: str) -> Path:
    """`gongkai cms`: admin/ for the repository's departments, pointed at the local backend, in an empty site."""
    from generator.cli import main

    code = main(["cms", "--catalogue", str(repo / "catalogue"), "--flowcharts", str(repo / "flowcharts"),
                 "--config", str(ROOT / "mkdocs.yml"), "--out", str(site / "admin"), "--local-backend", backend_url])
    assert code == 0
    return site
