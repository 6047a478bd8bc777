"""Accessibility and phones, in Chromium: axe-core finds no serious or critical violation on the
pages a reader meets, nothing is wider than a 390 px phone, and every control the keyboard reaches
is visible. (Lighthouse's accessibility score is measured by bench/a11y_bench.py.)"""

from __future__ import annotations

import pytest

from tests.conftest import SITE

pytestmark = pytest.mark.browser

# home, report, document, table and search (with results) on both sides
PAGES = [f"{side}{path}" for side in ("/", "/en/") for path in (
    "", "reports/002_bd37ec31966b5a35/", "directives/05-ct-tw/", "reports/", "search/?q=H%C6%B0ng%20Y%C3%AAn",
)]
PHONE = {"width": 390, "height": 844}


def settle(page) -> None:
    """Wait for what scripts draw: the faceted table, search results."""
    page.wait_for_load_state("networkidle")
    if page.locator("#facets").count():
        page.locator("#facets tbody tr").first.wait_for()
    if "?q=" in page.url:
        page.locator(".archive-search__result").first.wait_for(timeout=15000)


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_or_critical_violation(page, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(SITE + path)
    settle(page)
    results = Axe().run(page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]})
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("path", PAGES + ["/parallel/003_819d290b6f01cc90/", "/provinces/", "/en/directives/"])
def test_nothing_is_wider_than_a_phone(page, path):
    page.set_viewport_size(PHONE)
    page.goto(SITE + path)
    settle(page)
    for details in page.locator("article details").all():  # the citation block, opened
        details.evaluate("d => d.open = true")
    page.locator(".md-header__option .md-select").first.hover()  # the language menu, opened
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    too_small = page.evaluate("""() => [...document.querySelectorAll('article code')]
        .filter(c => c.offsetParent && parseFloat(getComputedStyle(c).fontSize) < 12).length""")
    assert too_small == 0


def focus_walk(page, steps: int = 120) -> list[dict]:
    """Press Tab until the focus comes round again (at most `steps` times): what had the focus each
    time, and whether it could be seen once its transition (Material fades some in) had run."""
    seen: list[dict] = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
        seen.append(page.evaluate("""() => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                && r.top < innerHeight && r.left < innerWidth && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0;
            const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none';
            return {tag: e.tagName, id: e.id, text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
                    cls: e.className && e.className.baseVal === undefined ? e.className : '', onScreen, ring};
        }"""))
        if len(seen) > 1 and seen[-1] and seen[0] and seen[-1]["cls"] == seen[0]["cls"] and seen[-1]["text"] == seen[0]["text"]:
            break
    return [s for s in seen if s]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_every_control_the_keyboard_reaches_is_visible(page, viewport):
    page.set_viewport_size(viewport)
    page.goto(SITE + "/search/?q=CT%2005")
    settle(page)
    walked = focus_walk(page)
    hidden = [s for s in walked if not (s["onScreen"] and s["ring"])]
    assert hidden == []
    reached = {s["id"] or s["cls"] for s in walked}
    assert "archive-search-input" in reached
    assert any("md-select__link" in c for c in reached)  # the language menu
    assert any("archive-search__link" in c for c in reached)  # the results


def test_on_a_phone_the_keyboard_opens_the_menu_and_reaches_its_links(page):
    page.set_viewport_size(PHONE)
    page.goto(SITE + "/reports/")
    settle(page)
    menu = page.locator('header label[for="__drawer"]')
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert menu.get_attribute("aria-expanded") == "true"
    walked = focus_walk(page, 12)
    assert any("md-nav__link" in s["cls"] and s["onScreen"] for s in walked)
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert menu.get_attribute("aria-expanded") == "false"
