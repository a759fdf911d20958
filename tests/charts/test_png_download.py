"""Headless Chromium: a record page's "下载 PNG 图片" button draws the published SVG into a PNG download."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from generator.search.httpd import serve_directory

pytestmark = pytest.mark.e2e


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_png_button_downloads_the_chart_as_png(sample_site, chromium, tmp_path: Path) -> None:  # noqa: ANN001
    power = sorted((sample_site.out / "powers").glob("*/index.html"))[0].parent.name
    svg = (sample_site.out / "charts" / f"{power}.svg").read_text(encoding="utf-8")
    assert not (sample_site.out / "charts" / f"{power}.png").exists()  # nothing rasterised at build time
    with serve_directory(sample_site.out) as url:
        context = chromium.new_context(accept_downloads=True)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{url}powers/{power}/")
        button = page.locator("button[data-gk-png]")
        button.wait_for(state="visible")
        with page.expect_download() as info:
            button.click()
        download = info.value
        assert download.suggested_filename == f"{power}.png"
        target = tmp_path / "chart.png"
        download.save_as(target)
        status = page.locator("[data-gk-png-status]").inner_text()
        context.close()
    width, height = _png_size(target.read_bytes())
    view_width = float(svg.split('viewBox="', 1)[1].split()[2])
    assert width == pytest.approx(round(view_width * 4 / 3) * 2, abs=2)  # pt → CSS px, drawn at twice the size
    assert height > 100 and "已生成" in status and errors == []
