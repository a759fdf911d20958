"""End to end on the real sample: build it once (conftest `sample_site`), then check what the public sees.

Issue 2 "must show" and issue 8 items 3-4 at sample level: every public record has a page, secret powers
have none, no non-public value of a secret power is anywhere in the output, and builds are reproducible.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from ruamel.yaml import YAML

from generator.check import check_catalogue
from generator.render.text import md_escape
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e

# Only these fields of a secret power are public (the 不公开事项目录).
PUBLIC_SECRET_FIELDS = {("name",), ("secrecy", "reason"), ("secrecy", "basis")}
# Fields whose values are shared vocabulary (enums, the department id), not content of the record.
# A bare date says nothing on its own and recurs by coincidence (revision history of public records).
GENERIC = re.compile(r"^\s*$|^\d{4}-\d{2}-\d{2}$")
VOCABULARY = {"category", "level", "unit", "form", "exercise_mode", "handling_type", "change_kind", "department", "kind"}


def _yaml(path: Path) -> Any:
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    return yaml.load(path.read_text(encoding="utf-8"))


def _strings(node: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, loc + (str(key),))
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, loc)
    elif isinstance(node, str):
        yield loc, node


def _secret_and_public_files(catalogue: Path) -> tuple[list[Path], list[Path]]:
    secret, public = [], []
    for path in sorted(catalogue.rglob("*.yaml")):
        data = _yaml(path)
        (secret if isinstance(data, dict) and data.get("secret") is True else public).append(path)
    return secret, public


def _private_strings(catalogue: Path, flowcharts: Path) -> dict[str, str]:
    """Every string of a secret record outside name/reason/basis, unless a public file says the same words."""
    secret, public = _secret_and_public_files(catalogue)
    said_in_public = {s for path in public + sorted(flowcharts.glob("*.yaml")) for _, s in _strings(_yaml(path))}
    found: dict[str, str] = {}
    for path in secret:
        for loc, value in _strings(_yaml(path)):
            if loc not in PUBLIC_SECRET_FIELDS and loc[-1] not in VOCABULARY and value not in said_in_public and not GENERIC.match(value):
                found.setdefault(value, f"{path.name}:{'.'.join(loc)}")
    return found


def _contents(path: Path) -> Iterator[tuple[str, bytes]]:
    """A file's bytes, and the bytes inside it when it is compressed (gzip: sitemap, Pagefind; zip: XLSX, packages)."""
    data = path.read_bytes()
    yield path.as_posix(), data
    if data[:2] == b"\x1f\x8b":
        try:
            yield path.as_posix() + "!gunzip", gzip.decompress(data)
        except (OSError, EOFError):
            pass
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                yield f"{path.as_posix()}!{name}", archive.read(name)


def _forms(value: str) -> set[bytes]:
    """How a string can look on disk: as typed, HTML- or Markdown-escaped, JSON-escaped."""
    forms = {value, html.escape(value), html.escape(value, quote=False), md_escape(value), json.dumps(value)[1:-1]}
    return {f.encode("utf-8") for f in forms}


def test_every_public_record_has_a_page_and_secret_powers_none(sample_site) -> None:
    catalogue = check_catalogue(sample_site.catalogue, sample_site.flowcharts).catalogue
    public = list(catalogue.public())
    assert public, "the sample has no public records"
    missing = [e.url for e in public if not (sample_site.out / e.url / "index.html").is_file()]
    assert missing == []
    for department in catalogue.departments.values():
        assert (sample_site.out / department.url / "index.html").is_file()
    secret = catalogue.secret_powers()
    assert [e.url for e in secret if (sample_site.out / e.url).exists()] == []
    listing = (sample_site.out / "catalogue" / "secret" / "index.html").read_text(encoding="utf-8")
    for entry in secret:
        assert html.escape(entry.name, quote=False) in listing or md_escape(entry.name) in listing


def test_no_private_value_of_a_secret_power_is_published(sample_site) -> None:
    private = _private_strings(sample_site.catalogue, sample_site.flowcharts)
    secret, _ = _secret_and_public_files(sample_site.catalogue)
    assert len(secret) >= 1 and private, "the sample should have secret powers with private fields"
    leaks = [f"{private[value]} = {value!r} in {where}" for value, where in _occurrences(private, sample_site.out)]
    assert leaks == []
    # The scan itself works: the public fields of the same records are found, in HTML and in the search index.
    names = {str(_yaml(path)["name"]): "name" for path in secret}
    found = {(value, where.split("/")[0]) for value, where in _occurrences(names, sample_site.out)}
    assert {value for value, _ in found} == set(names)


def _occurrences(values: dict[str, str], out: Path) -> Iterator[tuple[str, str]]:
    needles = {form: value for value in values for form in _forms(value)}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        for where, data in _contents(path):
            for form, value in needles.items():
                if form in data:
                    yield value, Path(where).relative_to(out).as_posix()


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def differing_files(first: Path, second: Path) -> list[str]:
    a, b = _digests(first), _digests(second)
    return sorted(set(a) ^ set(b)) + [path for path in a if path in b and a[path] != b[path]]


def test_cached_and_uncached_builds_are_byte_identical(sample_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build from warm caches (pages, charts, search shards) and one with GONGKAI_NO_CACHE=1 write the same bytes,
    search index included (its filter files used to come out in a different order every run)."""
    from generator.build import BuildRequest, build

    monkeypatch.chdir(ROOT)
    build(BuildRequest(sample_site.catalogue, tmp_path / "warm", ROOT / "mkdocs.yml"))  # the session build filled the caches
    monkeypatch.setenv("GONGKAI_NO_CACHE", "1")
    build(BuildRequest(sample_site.catalogue, tmp_path / "cold", ROOT / "mkdocs.yml"))
    assert differing_files(sample_site.out, tmp_path / "warm") == []
    assert differing_files(tmp_path / "warm", tmp_path / "cold") == []


@pytest.mark.parametrize("command", ["mkdocs", "properdocs"])
def test_engine_cli_builds_through_the_plugin(command: str, tmp_path: Path) -> None:
    """`mkdocs build` and `properdocs build` on the top-level mkdocs.yml find the gongkai plugin by its entry point
    and compile the catalogue themselves; ProperDocs names itself in the generator tag."""
    out = tmp_path / f"{command}-site"
    run = subprocess.run([str(Path(sys.executable).with_name(command)), "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    assert (out / "index.html").is_file()
    assert (out / "catalogue" / "powers" / "index.html").is_file()
    assert any((out / "powers").iterdir())
    generator = re.search(r'<meta name="generator" content="([^"]+)">', (out / "index.html").read_text(encoding="utf-8"))
    assert generator and ("ProperDocs" in generator.group(1)) == (command == "properdocs"), generator


def test_check_strict_on_the_sample_prints_only_the_summary(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run_cli("check", "--strict", "--catalogue", "catalogue")
    assert result.out == ""
    assert result.err.startswith("检查了 ") and result.err.endswith("：0 个错误，0 个警告。\n")
    assert result.code == 0
