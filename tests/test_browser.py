"""A reader in a real browser: headless Debian Chromium driven by Playwright. The site is visited at
its published address (a sub-path, as on GitHub Pages): Playwright answers that address from the
built site/ served on 127.0.0.1, so links, search and language switch work as they will online."""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest

from tests.conftest import PREFIX, PUBLISHED, SITE

pytestmark = pytest.mark.browser


def path_of(locator) -> str:
    """A link's path below the site's root: "reports/…/"."""
    return locator.evaluate("a => a.pathname").removeprefix(PREFIX)


def results(page) -> list[tuple[str, str]]:
    """(type, path) of every search result shown, in order."""
    items = page.locator(".archive-search__result")
    return [(li.get_attribute("data-type"), path_of(li.locator("a.archive-search__link"))) for li in items.all()]


def search(page, side: str, query: str) -> list[tuple[str, str]]:
    page.goto(f"{SITE}{side}search/?q={quote(query)}")
    page.locator(".archive-search__result").first.wait_for(timeout=15000)  # a whole batch is shown at once
    return results(page)


def test_pages_load_without_any_third_party_request(page, site_url):
    for path in ("/", "/reports/002_bd37ec31966b5a35/", "/en/", "/en/directives/05-ct-tw/", "/provinces/", "/years/"):
        response = page.goto(site_url + path)
        assert response.ok, path
        page.wait_for_load_state("networkidle")
    assert page.requested_hosts == {PUBLISHED.hostname}


def test_pages_run_their_scripts_without_an_error(page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("/reports/002_bd37ec31966b5a35/", "/en/reports/", "/en/parallel/?report=002_bd37ec31966b5a35", "/search/?q=CT%2005"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert errors == []


def test_language_switch_keeps_the_reader_on_the_same_report(page, site_url):
    page.goto(site_url + "/reports/001_6c6cd01c535d82ba/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[data-archive-lang="en"]').click()
    page.wait_for_url("**/en/reports/001_6c6cd01c535d82ba/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Translated by the archive editors." in page.inner_text("article")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[data-archive-lang="vi"]').click()
    page.wait_for_url(site_url + "/reports/001_6c6cd01c535d82ba/")


def test_directive_page_lists_the_reports_that_implement_it(page, site_url):
    page.goto(site_url + "/directives/03-ct-tw/")
    links = page.locator("article a[href*='reports/']")
    targets = {link.get_attribute("href").rstrip("/").split("/")[-1] for link in links.all()}
    assert targets == {"000_f4d9ae87f141ab91", "001_6c6cd01c535d82ba"}


def test_reader_follows_links_from_report_to_province_and_directive(page, site_url):
    page.goto(site_url + "/reports/004_a325bf6e288159c8/")
    page.get_by_role("link", name="Nghị quyết 12-NQ/TW").first.click()
    page.wait_for_url("**/directives/12-nq-tw/")
    assert "Một số vấn đề cấp bách về xây dựng Đảng hiện nay" in page.inner_text("article")
    page.go_back()
    page.locator("article").get_by_role("link", name="Bình Thuận").first.click()
    page.wait_for_url("**/provinces/binh-thuan/")
    assert "Lâm Đồng" in page.inner_text("article")


# query -> expected first result, on the Vietnamese side ("/") and the English side ("/en/").
# A document number or a province name puts that page first; any other query, a report.
SEARCH_CASES = [
    ("/", "05-CT/TW", "directives/05-ct-tw/"),
    ("/", "CT 05", "directives/05-ct-tw/"),
    ("/", "CT05", "directives/05-ct-tw/"),
    ("/", "Chỉ thị 05", "directives/05-ct-tw/"),
    ("/", "chỉ thị số 05-CT/TW", "directives/05-ct-tw/"),
    ("/", "chi thi 5", "directives/05-ct-tw/"),
    ("/", "05/CT-TW", "directives/05-ct-tw/"),
    ("/", "03-CT/TW", "directives/03-ct-tw/"),
    ("/", "Chỉ thị 03", "directives/03-ct-tw/"),
    ("/", "06-CT/TW", "directives/06-ct-tw/"),
    ("/", "Chỉ thị 06", "directives/06-ct-tw/"),
    ("/", "Directive 06", "directives/06-ct-tw/"),
    ("/", "Nghị quyết Trung ương 4 khóa XI", "directives/12-nq-tw/"),
    ("/", "Nghị quyết Trung ương 4 khoá XII", "directives/04-nq-tw/"),
    ("/", "NQ TW4", "directives/12-nq-tw/"),
    ("/", "12-NQ/TW", "directives/12-nq-tw/"),
    ("/", "Kết luận 01", "directives/01-kl-tw/"),
    ("/", "08-QĐi/TW", "directives/08-qdi-tw/"),
    ("/", "Directive 05", "directives/05-ct-tw/"),
    ("/", "Resolution 12", "directives/12-nq-tw/"),
    ("/", "hung yen", "provinces/hung-yen/"),
    ("/", "Hưng Yên", "provinces/hung-yen/"),
    ("/", "binh thuan", "provinces/binh-thuan/"),
    ("/", "Kiên Giang", "provinces/kien-giang/"),
    ("/", "lang son", "provinces/lang-son/"),
    ("/", "Tỉnh uỷ Bình Thuận", "reports/004_a325bf6e288159c8/"),
    ("/", "Tỉnh ủy Bình Thuận", "reports/004_a325bf6e288159c8/"),
    ("/", "Trần Thị Thanh Thủy", "reports/000_f4d9ae87f141ab91/"),
    ("/", "tran thi thanh thuy", "reports/000_f4d9ae87f141ab91/"),
    ("/", "Đỗ Văn Thắng", "reports/002_bd37ec31966b5a35/"),
    ("/", "do van thang", "reports/002_bd37ec31966b5a35/"),
    ("/", "Nhà khách Tỉnh uỷ", "reports/003_819d290b6f01cc90/"),
    ("/", "Văn phòng Tỉnh uỷ Lạng Sơn", "reports/003_819d290b6f01cc90/"),
    ("/en/", "Directive 05", "en/directives/05-ct-tw/"),
    ("/en/", "Directive 06", "en/directives/06-ct-tw/"),
    ("/en/", "Chỉ thị 06", "en/directives/06-ct-tw/"),
    ("/en/", "Resolution 12", "en/directives/12-nq-tw/"),
    ("/en/", "Conclusion 01", "en/directives/01-kl-tw/"),
    ("/en/", "05-CT/TW", "en/directives/05-ct-tw/"),
    ("/en/", "hung yen", "en/provinces/hung-yen/"),
    ("/en/", "Kien Giang", "en/provinces/kien-giang/"),
    ("/en/", "NQ TW4", "en/directives/12-nq-tw/"),
]


@pytest.mark.parametrize("side, query, expected", SEARCH_CASES, ids=[f"{s}{q}" for s, q, _ in SEARCH_CASES])
def test_search_puts_the_expected_page_first(reader, side, query, expected):
    assert search(reader, side, query)[0][1] == expected


@pytest.mark.parametrize("side", ["/", "/en/"])
def test_every_page_has_a_labelled_search_box_in_its_header(page, side):
    for path in ("", "reports/", "reports/002_bd37ec31966b5a35/", "directives/05-ct-tw/", "provinces/", "search/", "about/"):
        page.goto(f"{SITE}{side}{path}")
        box = page.locator("header.md-header form[role=search] input[type=search]")
        assert box.count() == 1 and box.is_visible(), path
        label = page.locator(f"label[for={box.get_attribute('id')}]")
        assert label.count() == 1 and label.inner_text().strip(), path


def test_the_header_search_opens_results_in_place_and_escape_closes_them(page):
    page.goto(SITE + "/reports/002_bd37ec31966b5a35/")
    page.locator("header input[type=search]").fill("Cuộc vận động")
    panel = page.locator("#archive-search-results")
    panel.locator(".archive-search__result").first.wait_for(timeout=15000)
    assert panel.is_visible()
    assert urlparse(page.url).path == PREFIX + "reports/002_bd37ec31966b5a35/"  # still on the report
    assert "q=" in urlparse(page.url).query
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert urlparse(page.url).query == ""
    assert page.evaluate("document.activeElement.type") == "search"


def test_a_document_number_lists_the_document_then_the_reports_implementing_it(reader):
    for side, query, document, report in (("/", "Chỉ thị 06", "directives/06-ct-tw/", "reports/003_819d290b6f01cc90/"),
                                          ("/", "Directive 06", "directives/06-ct-tw/", "reports/003_819d290b6f01cc90/"),
                                          ("/en/", "Directive 06", "en/directives/06-ct-tw/", "en/reports/003_819d290b6f01cc90/"),
                                          ("/", "03-CT/TW", "directives/03-ct-tw/", None)):
        found = search(reader, side, query)
        assert found[0] == ("document", document), query
        implementing = [p for kind, p in found[1:3] if kind == "report"]
        if report:
            assert implementing[0] == report, query
        else:  # both reports implementing 03-CT/TW come right after it
            assert set(implementing) == {"reports/000_f4d9ae87f141ab91/", "reports/001_6c6cd01c535d82ba/"}


@pytest.mark.parametrize("side, query", [("/", "học tập và làm theo"), ("/", "Ban Tuyên giáo"), ("/en/", "Party")])
def test_a_content_query_lists_reports_before_index_pages(reader, side, query):
    kinds = [kind for kind, _ in search(reader, side, query)]
    assert kinds[0] == "report" and "report" in kinds
    assert kinds == sorted(kinds, key=lambda kind: kind != "report"), kinds


def test_results_are_labelled_by_type(reader):
    search(reader, "/", "Hưng Yên")
    labels = {li.get_attribute("data-type"): li.locator(".archive-search__type").inner_text().strip()
              for li in reader.locator(".archive-search__result").all()}
    assert labels["province"].lower() == "tỉnh" and labels["report"].lower() == "báo cáo"
    search(reader, "/en/", "Directive 05")
    labels = {li.get_attribute("data-type"): li.locator(".archive-search__type").inner_text().strip()
              for li in reader.locator(".archive-search__result").all()}
    assert labels["document"].lower() == "document" and labels["report"].lower() == "report"


def test_results_can_be_filtered_by_province_document_and_year(page):
    everything = search(page, "/", "Tỉnh ủy")
    assert len([p for kind, p in everything if kind == "report"]) >= 3
    page.select_option("select[data-filter=province]", "Hưng Yên")
    page.wait_for_function("new URL(location.href).searchParams.get('province') === 'Hưng Yên'")
    page.wait_for_load_state("networkidle")
    assert {p for kind, p in results(page) if kind == "report"} == {"reports/000_f4d9ae87f141ab91/"}
    page.select_option("select[data-filter=province]", "")
    page.select_option("select[data-filter=document]", "03-CT/TW")
    page.wait_for_function("new URL(location.href).searchParams.get('document') === '03-CT/TW'")
    page.wait_for_load_state("networkidle")
    assert {p for kind, p in results(page) if kind == "report"} == {"reports/000_f4d9ae87f141ab91/", "reports/001_6c6cd01c535d82ba/"}
    page.select_option("select[data-filter=year]", "2013")
    page.wait_for_function("new URL(location.href).searchParams.get('year') === '2013'")
    page.wait_for_load_state("networkidle")
    assert {p for kind, p in results(page) if kind == "report"} == {"reports/001_6c6cd01c535d82ba/"}
    bookmarked = page.url
    page.goto(bookmarked)  # the filters come back with the address
    page.locator(".archive-search__result").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    assert {p for kind, p in results(page) if kind == "report"} == {"reports/001_6c6cd01c535d82ba/"}
    assert page.locator("select[data-filter=year]").input_value() == "2013"


def test_filters_offer_only_values_with_results(page):
    search(page, "/", "Bình Thuận")
    options = page.locator("select[data-filter=province] option").all_inner_texts()
    assert options[1:] == ["Bình Thuận"]


@pytest.mark.parametrize("side, query", [("/", "CT 05"), ("/", "Đảng"), ("/", "dang"), ("/", "Hưng Yên"), ("/en/", "Directive 05"),
                                         ("/en/", "provincial Party Committee")])
def test_excerpts_are_sentences_without_alias_lists_or_pilcrows(reader, side, query):
    search(reader, side, query)
    texts = reader.locator(".archive-search__result").all_inner_texts()
    assert texts
    for text in texts:
        assert "¶" not in text
        assert " · 05/CT-TW" not in text and "CT05" not in text and "Directive No." not in text
        assert "@misc" not in text and '"container-title"' not in text  # no citation leaks in
    excerpts = reader.locator(".archive-search__result--report .archive-search__excerpt").all_inner_texts()
    assert excerpts and all(len(e.split()) >= 8 for e in excerpts)


def test_the_address_follows_the_query_so_a_search_can_be_bookmarked(page):
    page.goto(SITE + "/en/search/")
    page.locator("header input[type=search]").fill("Kien Giang")
    page.wait_for_function("new URL(location.href).searchParams.get('q') === 'Kien Giang'")
    page.locator(".archive-search__result").first.wait_for(timeout=15000)
    first = results(page)[0]
    page.reload()
    page.locator(".archive-search__result").first.wait_for(timeout=15000)
    assert page.locator("header input[type=search]").input_value() == "Kien Giang"
    assert results(page)[0] == first == ("province", "en/provinces/kien-giang/")


def test_the_search_page_has_one_heading_and_no_duplicate_ids(page):
    for side in ("/", "/en/"):
        search(page, side, "Hưng Yên")
        assert page.locator("article h1").count() == 1
        assert page.locator("h1 form, h1 input").count() == 0
        assert page.evaluate("""() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
                                        return ids.filter((id, i) => ids.indexOf(id) !== i); }""") == []


def test_show_more_appears_only_while_there_is_more(page):
    search(page, "/", "Đảng")
    total = int(page.locator(".archive-search__status").inner_text().split()[0])
    more = page.locator(".archive-search__more")
    assert total > 10 and more.is_visible()
    while more.is_visible():
        count = page.locator(".archive-search__result").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.archive-search__result').length > {count}")
    assert page.locator(".archive-search__result").count() == total
    search(page, "/", "Bình Thuận")
    assert more.is_hidden()


def test_faceted_table_filters_and_sorts_in_the_browser(page, site_url):
    page.goto(site_url + "/en/reports/")
    rows = page.locator("#facets tbody tr")
    rows.first.wait_for()
    assert rows.count() == 5
    page.select_option("select[data-facet=province2025]", label="Ninh Binh")
    assert [r.get_attribute("data-report") for r in rows.all()] == ["002_bd37ec31966b5a35"]
    page.select_option("select[data-facet=province2025]", value="")
    page.select_option("select[data-facet=document]", label="03-CT/TW")
    assert {r.get_attribute("data-report") for r in rows.all()} == {"000_f4d9ae87f141ab91", "001_6c6cd01c535d82ba"}
    page.select_option("select[data-facet=document]", value="")
    page.fill("#facets input[type=search]", "binh thuan")
    assert [r.get_attribute("data-report") for r in rows.all()] == ["004_a325bf6e288159c8"]
    page.fill("#facets input[type=search]", "")
    page.click("th[data-sort=date]")
    dates = [r.locator("td").first.inner_text() for r in rows.all()]
    assert dates == sorted(d for d in dates if d != "—") + ["—"] * dates.count("—")  # oldest first, undated last
    rows.first.locator("a").click()
    page.wait_for_url("**/en/reports/*/")


def test_faceted_table_dropdowns_offer_only_values_with_rows_and_show_more_hides(page, site_url):
    page.goto(site_url + "/reports/")
    page.locator("#facets tbody tr").first.wait_for()
    historic = page.locator("select[data-facet=province] option").all_inner_texts()[1:]
    since_2025 = page.locator("select[data-facet=province2025] option").all_inner_texts()[1:]
    assert sorted(historic) == sorted(["Hưng Yên", "Kiên Giang", "Hà Nam", "Lạng Sơn", "Bình Thuận"])
    assert "Hà Nam" not in since_2025 and "Ninh Bình" in since_2025  # Hà Nam has been part of Ninh Bình since 2025
    for name in since_2025:  # every choice gives at least one row
        page.select_option("select[data-facet=province2025]", label=name)
        assert page.locator("#facets tbody tr").count() >= 1, name
    assert page.locator(".facets__more").is_hidden()  # 5 rows, all shown


def test_english_reader_gets_the_translation_and_the_parallel_view(page, site_url):
    page.goto(site_url + "/reports/003_819d290b6f01cc90/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[data-archive-lang="en"]').click()
    page.wait_for_url("**/en/reports/003_819d290b6f01cc90/")
    article = page.inner_text("article")
    assert "Translated by the archive editors." in article and "49 Party members" in article
    assert page.locator(".report-body").get_attribute("lang") == "en"
    page.get_by_role("link", name="Parallel view").first.click()
    page.wait_for_url("**/en/parallel/?report=003_819d290b6f01cc90")
    rows = page.locator(".parallel__row[data-segment]")
    rows.first.wait_for()
    assert rows.count() == 9
    assert "Photo: Thanh Huyền" in rows.nth(3).inner_text()


def test_parallel_view_aligns_every_segment_of_the_two_sides(page, site_url):
    page.goto(site_url + "/parallel/?report=004_a325bf6e288159c8")
    headings = page.locator(".parallel__row.parallel__heading")
    headings.first.wait_for()
    assert headings.count() == 4
    row = page.locator(".parallel__row", has_text="Học tập, tiếp thu Nghị quyết").first
    assert row.locator('div[lang="vi"]').inner_text().startswith("Học tập, tiếp thu Nghị quyết")
    assert row.locator('div[lang="en"]').inner_text().startswith("Studying and taking in the Resolution")
    assert page.locator(".parallel__row[data-segment=title] div[lang=en]").inner_text() != "—"


def test_an_editors_note_inside_a_translation_is_marked_in_the_parallel_view(page, site_url):
    page.goto(site_url + "/en/parallel/?report=001_6c6cd01c535d82ba")
    note = page.locator('.parallel__row div[lang="en"] span.editor-note')
    note.first.wait_for()
    assert note.first.inner_text() == "[Editor's note: printed “Wetise”]"


def test_an_old_parallel_view_address_arrives_at_the_same_view(page, site_url):
    page.goto(site_url + "/en/parallel/003_819d290b6f01cc90/")
    page.wait_for_url("**/en/parallel/?report=003_819d290b6f01cc90")
    page.locator(".parallel__row[data-segment]").first.wait_for()
    assert page.locator(".parallel__row[data-segment]").count() == 9


def test_the_parallel_view_of_no_report_says_so(page, site_url):
    page.goto(site_url + "/parallel/?report=no_such_report")
    page.locator(".parallel p").first.wait_for()
    assert page.inner_text(".parallel") == "Không tìm thấy báo cáo này."


def test_the_translation_filter_offers_the_statuses_the_reports_have(page, site_url):
    page.goto(site_url + "/en/reports/")
    rows = page.locator("#facets tbody tr")
    rows.first.wait_for()
    options = page.locator("select[data-facet=status] option")
    assert [o.get_attribute("value") for o in options.all()] == ["", "editors"]  # the five seed reports
    page.select_option("select[data-facet=status]", value="editors")
    assert rows.count() == 5 and options.nth(1).inner_text() == "by the archive editors"


def test_the_raw_file_downloads_byte_for_byte_from_an_english_page(page, site_url, built_project):
    page.goto(site_url + "/en/reports/002_bd37ec31966b5a35/")
    link = page.locator('a[href$="002_bd37ec31966b5a35.txt"]')
    # the browser's own request to the published address, read as bytes (not as a decoded document)
    body = page.evaluate("async a => { const r = await fetch(a.href); return r.ok && Array.from(new Uint8Array(await r.arrayBuffer())); }",
                         link.element_handle())
    assert body and bytes(body) == (built_project / "source_reports/002_bd37ec31966b5a35.txt").read_bytes()
