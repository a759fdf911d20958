"""Screenshots for the editors' guide (content/editing/img/cms-*.png), taken in headless Chromium from the real
editor: the sample catalogue in a scratch repository, decap-server as the backend, the admin/ of `gongkai cms`.

    .venv/bin/python -m tests.cms.shots content/editing/img            # the guide's pictures (1100×720)
    (cms-7-chart.png: a power's preview with its flowchart, drawn in the browser by Graphviz in WebAssembly)
    .venv/bin/python -m tests.cms.shots OUT --width 390 --height 844   # the same steps on a phone
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from generator.search.httpd import serve_directory
from generator.search.measure import CHROMIUM, CHROMIUM_ARGS
from tests.cms.local import decap_server, make_repo, write_admin

DEPARTMENT = "public-security"


def _control(page: Page, name: str):  # noqa: ANN202
    return page.locator(f'[id^="{name}-field-"]').first


def _steps(page: Page, url: str, out: Path) -> None:
    page.goto(url)
    page.screenshot(path=out / "cms-1-choose.png")
    page.goto(f"{url}?department={DEPARTMENT}")
    page.get_by_role("button", name="登录").click()
    page.locator("a[href*='/collections/services']").first.wait_for()
    page.goto(f"{url}?department={DEPARTMENT}#/collections/services")
    page.get_by_text("居民身份证申领、换领、补领").first.wait_for()
    page.screenshot(path=out / "cms-2-list.png")
    page.goto(f"{url}?department={DEPARTMENT}#/collections/services/new")
    _control(page, "id").fill("residence-permit-endorsement")
    _control(page, "name").fill("居住证签注")
    _control(page, "description").fill("为持有本县居住证的居民办理年度签注，签注后居住证继续有效。")
    page.wait_for_timeout(500)
    page.screenshot(path=out / "cms-3-form.png")
    limit = page.locator('[id^="promised_limit-field-"]')
    limit.scroll_into_view_if_needed()
    limit.locator('[id^="days-field-"]').fill("0")
    unit = limit.locator('[id^="unit-field-"]')
    unit.click()
    page.get_by_role("option", name="工作日", exact=True).click()
    page.wait_for_timeout(300)
    page.screenshot(path=out / "cms-4-limit.png")
    _control(page, "changed_on").fill("2025-06-03")
    _control(page, "change_note").fill("新增居住证签注服务事项")
    page.get_by_role("button", name="保存").first.click()
    page.get_by_text("修改已保存").first.wait_for()
    page.wait_for_timeout(500)
    page.screenshot(path=out / "cms-5-saved.png")
    page.goto(f"{url}?department={DEPARTMENT}#/workflow")
    page.get_by_text("居住证签注").first.wait_for()
    page.screenshot(path=out / "cms-6-workflow.png")
    page.goto(f"{url}?department={DEPARTMENT}#/collections/powers/entries/vehicle-detention")
    page.frame_locator("iframe").first.locator(".gk-chart svg").wait_for(timeout=60_000)
    page.get_by_text("内容已保存").first.wait_for(state="hidden", timeout=30_000)  # the toast of the save above
    page.wait_for_timeout(500)
    page.screenshot(path=out / "cms-7-chart.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        repo = make_repo(Path(scratch))
        with decap_server(repo) as backend, serve_directory(write_admin(repo, Path(scratch) / "site", backend)) as base, \
                sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height}, locale="zh-CN")
            _steps(page, f"{base}admin/", args.out)
            browser.close()


if __name__ == "__main__":
    main()
