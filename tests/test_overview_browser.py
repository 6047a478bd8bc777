"""The overview's pictures in a real browser (Debian Chromium): drawn, reachable by keyboard with a
visible focus, named for screen readers, usable at 390 px, and clean for axe-core."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PICTURES = "article svg[role=group]"


def test_the_four_pictures_are_drawn(page, site_url):
    page.goto(site_url + "/overview/")
    pictures = page.locator(PICTURES)
    assert pictures.count() == 4
    for i in range(4):
        box = pictures.nth(i).bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
    province = page.locator("svg[aria-labelledby='map-63-title'] a[href$='/ha-nam/'] path")
    assert province.evaluate("p => getComputedStyle(p).fill") == "rgb(166, 54, 3)"  # the darkest class: the most reports
    assert province.evaluate("p => p.getBBox().width") > 5


def test_screen_readers_hear_each_province_with_its_count(page, site_url):
    page.goto(site_url + "/en/overview/")
    assert page.get_by_role("link", name="Ha Nam: 1 report").count() == 2  # the map and the matrix's row
    assert page.get_by_role("link", name="Ninh Binh: 1 report").count() == 1  # the map since 2025
    assert page.get_by_role("group", name="The 63 provinces before 1 July 2025").count() == 1


def test_every_link_of_the_pictures_is_reached_by_the_tab_key_with_a_visible_focus(page, site_url):
    page.goto(site_url + "/overview/")
    links = page.locator(f"{PICTURES} a")
    expected = links.count()
    assert expected > 30
    reached, unstyled = 0, []
    for _ in range(400):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => { const a = document.activeElement;
            if (!a.closest || !a.closest('svg[role=group]')) return null;
            const shape = a.querySelector('path, rect, text');
            const s = getComputedStyle(shape);
            return {href: a.getAttribute('href'), stroke: s.stroke, decoration: s.textDecorationLine, outline: getComputedStyle(a).outlineStyle}; }""")
        if focus:
            reached += 1
            if focus["outline"] != "solid" and focus["stroke"] != "rgb(0, 0, 0)" and focus["decoration"] != "underline":
                unstyled.append(focus["href"])
        if page.evaluate("document.activeElement.id") == "matrix-data" or page.evaluate(
                "!!document.activeElement.closest && !!document.activeElement.closest('#matrix-data')"):
            break
    assert reached == expected
    assert unstyled == []


def test_a_keyboard_reader_can_skip_a_picture(page, site_url):
    page.goto(site_url + "/overview/")
    skip = page.locator("a.picture__skip").first
    skip.focus()
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#map-data"


def test_following_a_matrix_cell_opens_the_provinces_section_of_the_document(page, site_url):
    page.goto(site_url + "/overview/")
    page.locator("svg[aria-labelledby='matrix-title'] a[href*='#implements-']").first.click()
    page.wait_for_url("**/directives/*/#implements-*")
    section = page.evaluate("location.hash")
    assert page.locator(section).is_visible()


@pytest.mark.parametrize("side", ["/", "/en/"])
def test_at_390_px_nothing_in_the_page_is_wider_than_the_screen(page, site_url, side):
    """The wide pictures and tables scroll inside their own box; the map shrinks to the width."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + side + "overview/")
    for details in page.locator("article details").all():
        details.evaluate("d => d.open = true")
    sticking_out = page.evaluate("""() => [...document.querySelectorAll('article *')].filter(e => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= innerWidth + 0.5) return false;
        for (let p = e.parentElement; p && p.tagName !== 'ARTICLE'; p = p.parentElement)
            if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= innerWidth + 0.5) return false;
        return true; }).map(e => e.tagName + '.' + e.getAttribute('class'))""")
    assert sticking_out == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    map_box = page.locator("svg[aria-labelledby='map-63-title']").bounding_box()
    assert map_box["width"] <= 390


@pytest.mark.parametrize("side", ["/", "/en/"])
def test_axe_finds_no_serious_or_critical_violation_in_the_page_of_the_pictures(page, site_url, side):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + side + "overview/")
    for details in page.locator("article details").all():
        details.evaluate("d => d.open = true")
    results = Axe().run(page)
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
               if v["impact"] in {"serious", "critical"}]
    assert serious == []
