"""Issue 22 items 2 and 3 on a 390×844 phone: the summary card and section menu of every record page, materials as
stacked cards with every column visible, tables without sideways scrolling, and nothing floating over the text.
Also the screenshots the issue asks for (tests/phone/screens/, rewritten with GONGKAI_UPDATE_GOLDEN=1)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.conftest import UPDATE_GOLDEN
from tests.phone.conftest import PHONE, open_search

pytestmark = pytest.mark.e2e

SCREENS = Path(__file__).parent / "screens"
POWER = "powers/food-business-licence/"
PENALTY = "powers/air-pollution-penalty/"
SERVICE = "services/id-card-application/"

# Every cell of the materials tables, with whether it is on screen across and shown.
CELLS_JS = """() => [...document.querySelectorAll('.gk-checklist td')].map(td => {
  const box = td.getBoundingClientRect();
  return {text: td.textContent.trim().slice(0, 12), left: box.left, right: box.right, width: box.width,
          shown: getComputedStyle(td).display !== 'none' && box.height > 0};
})"""


def _record_paths(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for kind in ("powers", "services", "fees")
                  for p in site.glob(f"{kind}/*/index.html") if "（已取消）" not in p.read_text(encoding="utf-8")[:4000])


def test_no_record_page_scrolls_sideways_and_every_materials_cell_is_visible(tab, site_url: str, sample_site) -> None:  # noqa: ANN001
    paths = _record_paths(sample_site.out)
    assert len(paths) > 50
    wide, hidden, no_card = {}, {}, []
    for path in paths:
        tab.goto(site_url + path)
        tab.wait_for_load_state("load")
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
        cells = tab.evaluate(CELLS_JS)
        bad = [c["text"] for c in cells if not c["shown"] or c["width"] <= 0 or c["left"] < 0 or c["right"] > PHONE["width"]]
        if bad:
            hidden[path] = bad[:5]
        card = tab.evaluate("(() => { const c = document.querySelector('.gk-card'); return c && c.getBoundingClientRect().top; })()")
        if card is None or card > PHONE["height"] / 2:
            no_card.append(path)
    assert wide == {}, f"需要左右滚动的事项页：{wide}"
    assert hidden == {}, f"手机上看不全的材料单元格：{hidden}"
    assert no_card == [], f"没有摘要卡片或卡片不在首屏上半部：{no_card}"


def _card(tab) -> dict[str, str]:  # noqa: ANN001
    return tab.evaluate("Object.fromEntries([...document.querySelectorAll('.gk-card__facts > div')]"
                        ".map(d => [d.querySelector('dt').textContent, d.querySelector('dd').textContent]))")


def test_summary_card_reads_what_the_page_body_says(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + POWER)
    card = _card(tab)
    body = tab.evaluate("""() => {
      const items = [...document.querySelectorAll('#time + ul > li')].map(li => li.textContent.trim());
      const of = (label) => (items.find(t => t.startsWith(label)) || '').slice(label.length);
      return [of('法定时限：').trim(), of('承诺时限：').trim()];
    }""")
    statutory, promised = card["办理时限"].removeprefix("法定 ").split("承诺 ")
    assert body[0].startswith(statutory) and body[1].startswith(promised), (card["办理时限"], body)
    assert card["费用"] == "不收费" and "不收费" in tab.inner_text("#fees ~ p")
    phone = tab.inner_text("#who ~ .gk-shared a[href^='tel:']")
    assert card["咨询电话"] == phone
    assert tab.get_attribute(".gk-card__actions a[href^='tel:']", "href") == tab.get_attribute("#who ~ .gk-shared a[href^='tel:']", "href")
    visits = tab.evaluate("""() => [...document.querySelectorAll('article li')].map(li => li.textContent.trim())
                                  .find(t => t.startsWith('到办事现场次数：')) || ''""")
    assert visits and card["跑几次"] == visits.removeprefix("到办事现场次数：").strip()  # the record's figure, as the body says


def test_a_penalty_card_never_says_free(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + PENALTY)
    card = _card(tab)
    assert "不收费" not in tab.inner_text(".gk-card") and "处罚" in card
    assert "不收费" not in tab.inner_text("article h1 + p")


def test_a_service_card_offers_online_and_phone(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + SERVICE)
    online = tab.get_attribute(".gk-card__actions a.md-button--primary", "href")
    body = tab.get_attribute("#where ~ ul a[href^='http']", "href")
    assert online and online == body
    assert tab.inner_text(".gk-card__what") == tab.inner_text("#what + p")


def test_section_menu_jumps_below_the_header(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + POWER)
    targets = tab.eval_on_selector_all(".gk-sections a", "as => as.map(a => a.getAttribute('href'))")
    assert len(targets) >= 6 and all(tab.locator(t).count() == 1 for t in targets), targets
    tab.click(".gk-sections a[href='#fees']")
    tab.wait_for_timeout(300)
    top = tab.evaluate("document.querySelector('#fees').getBoundingClientRect().top")
    header = tab.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < PHONE["height"] / 3


def test_nothing_floats_over_the_text(tab, site_url: str) -> None:  # noqa: ANN001
    tab.goto(site_url + POWER)
    tab.mouse.wheel(0, 3000)
    tab.mouse.wheel(0, -600)  # Material's button appeared on scrolling up, over the text
    tab.wait_for_timeout(400)
    assert tab.locator(".md-top").count() == 0 or not tab.locator(".md-top").is_visible()
    assert tab.get_attribute(".gk-top a", "href") == "#"


@pytest.mark.parametrize("path", ["catalogue/services/", "catalogue/powers/", "catalogue/fees/", "departments/",
                                  "departments/market-regulation/", "categories/licensing/"])
def test_catalogue_and_department_tables_need_no_sideways_scrolling(tab, site_url: str, path: str) -> None:  # noqa: ANN001
    tab.goto(site_url + path)
    tab.wait_for_load_state("load")
    wide = tab.evaluate("[...document.querySelectorAll('article .md-typeset__scrollwrap')]"
                        ".filter(w => w.scrollWidth > w.clientWidth + 1).length")
    assert wide == 0 and tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


SHOTS = {"power": POWER, "service": SERVICE, "search": "search/?q=营业执照"}


@pytest.mark.parametrize("name", list(SHOTS))
def test_phone_screenshots(tab, site_url: str, name: str, tmp_path: Path) -> None:  # noqa: ANN001
    """The first screen of a power, a service and the search page. The committed PNGs are the reference a reviewer
    looks at (GONGKAI_UPDATE_GOLDEN=1 rewrites them); this test checks what each must show on that screen."""
    if name == "search":
        open_search(tab, site_url, "营业执照")
        assert tab.evaluate("document.querySelector('[data-gk-results] > li').getBoundingClientRect().bottom") < PHONE["height"]
    else:
        tab.goto(site_url + SHOTS[name])
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("document.querySelector('.gk-card').getBoundingClientRect().bottom") < PHONE["height"]
    target = (SCREENS if UPDATE_GOLDEN else tmp_path) / f"{name}-390x844.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(target))
    assert _png_size(target) == (PHONE["width"], PHONE["height"])
    golden = SCREENS / f"{name}-390x844.png"
    assert golden.is_file() and _png_size(golden) == (PHONE["width"], PHONE["height"]), f"缺少参考截图 {golden}"
