"""What a reader sees first: on a 360×800 phone the news starts under a bar of about 50 px, the
page never moves while it loads (with or without our scripts), never scrolls sideways, and "+A"
grows what is read, not the chrome. Each visit leaves a first-screen screenshot in
artifacts/first-screen/ for people to look at."""

import time

import pytest

from tests.browser.conftest import ROOT
from tests.browser.pages import PAGES

# django_db: the test database exists and the server thread may query it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
FIRST_SCREEN = ROOT / "artifacts" / "first-screen"

# Sums every layout shift from the first paint on, as Lighthouse's CLS does.
LAYOUT_SHIFT = """
window.__shift = 0;
window.__shifted = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shift += entry.value;
        for (const source of entry.sources) {
            const node = source.node;
            window.__shifted.push(`${entry.value.toFixed(4)} ${node ? (node.outerHTML || node.textContent).slice(0, 90) : "?"} `
                + `${JSON.stringify(source.previousRect)} -> ${JSON.stringify(source.currentRect)}`);
        }
    }
}).observe({type: "layout-shift", buffered: true});
"""
# Two frames after everything ran: any late shift has been reported by then.
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))))"

# The first headline (and the picture beside it, where the story has one) in page coordinates.
FIRST_STORY = """() => {
    const main = document.querySelector("main");
    const headline = main.querySelector(".card-title, h1:not(.visually-hidden)");
    const card = headline.closest(".card");
    const picture = card ? card.querySelector(".card-image img") : main.querySelector(".photo--cover img");
    const top = (el) => el ? Math.round(el.getBoundingClientRect().top + scrollY) : null;
    return {headline: top(headline), picture: card ? top(picture) : null, text: headline.textContent.trim()};
}"""


def by_name(name):
    return next(p for p in PAGES if p.name == name)


STORY_PAGES = [by_name(n) for n in ("trang-chu", "chuyen-muc", "bai-viet", "to-chuc-cong-doan")]


def open_page(new_context, target, viewport, theme="light", scripts=True, scale=None):
    context = new_context(viewport=viewport, color_scheme="light")
    context.add_init_script(f"localStorage.setItem('lsunion-theme', '{theme}')")
    if scale:
        context.add_init_script(f"localStorage.setItem('lsunion-scale', '{scale}')")
    context.add_init_script(LAYOUT_SHIFT)
    page = context.new_page()
    if scripts:
        # The reader tools arrive late, as on a slow phone: anything they reveal comes after
        # the first paint, where it would push the page if it took room.
        def late(route):
            time.sleep(0.4)
            route.continue_()

        page.route("**/static/js/reader.js", late)
    else:
        # Our own scripts never run (blocked, failed); the observer above still measures.
        page.route("**/static/js/*.js", lambda route: route.abort())
    response = page.goto(target.url())
    assert response.status == target.status
    if scripts:
        page.locator('.reader-toolbar [data-tool="speak"]:not([hidden])').wait_for(state="attached")
    page.evaluate(SETTLED)
    return page


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("target", STORY_PAGES, ids=lambda p: p.name)
def test_first_headline_and_its_picture_start_within_200px_on_a_phone(target, theme, new_context):
    page = open_page(new_context, target, PHONE, theme)
    page.screenshot(path=FIRST_SCREEN / f"{target.name}-360px-{theme}.png")
    first = page.evaluate(FIRST_STORY)
    assert 0 < first["headline"] < 200, first
    if first["picture"] is not None:
        assert first["picture"] < 200, first
    header = page.eval_on_selector(".masthead", "(el) => el.getBoundingClientRect().height")
    assert header <= 56


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("target", STORY_PAGES, ids=lambda p: p.name)
def test_first_headline_is_in_the_upper_half_on_a_desktop(target, theme, new_context):
    page = open_page(new_context, target, DESKTOP, theme)
    page.screenshot(path=FIRST_SCREEN / f"{target.name}-1280px-{theme}.png")
    first = page.evaluate(FIRST_STORY)
    assert 0 < first["headline"] < 450, first


VARIANTS = [
    pytest.param(PHONE, "light", True, id="360-light"),
    pytest.param(PHONE, "dark", True, id="360-dark"),
    pytest.param(PHONE, "light", False, id="360-no-js"),
    pytest.param(DESKTOP, "light", True, id="1280-light"),
    pytest.param(DESKTOP, "dark", True, id="1280-dark"),
    pytest.param(DESKTOP, "light", False, id="1280-no-js"),
]


@pytest.mark.parametrize(("viewport", "theme", "scripts"), VARIANTS)
@pytest.mark.parametrize("target", PAGES, ids=lambda p: p.name)
def test_page_never_moves_while_loading_nor_scrolls_sideways(
    target, viewport, theme, scripts, new_context
):
    if target.optional and not target.exists():
        pytest.skip(f"{target.url()} does not exist yet")
    page = open_page(new_context, target, viewport, theme, scripts)
    assert page.evaluate("window.__shift") == 0, page.evaluate("window.__shifted")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= viewport["width"]


def test_text_size_grows_the_article_lists_and_tables_not_the_chrome(new_context):
    sizes = {}
    for scale in (None, "2"):
        page = open_page(new_context, by_name("bai-viet"), PHONE, scale=scale)
        sizes[scale] = page.evaluate("""() => ({
            header: document.querySelector(".site-header").getBoundingClientRect().height,
            menu: getComputedStyle(document.querySelector(".site-nav a")).fontSize,
            title: parseFloat(getComputedStyle(document.querySelector(".article-title")).fontSize),
            body: parseFloat(getComputedStyle(document.querySelector(".article-body")).fontSize),
            summary: parseFloat(getComputedStyle(document.querySelector(".article-summary")).fontSize),
            headline: document.querySelector(".article-title").getBoundingClientRect().top,
        })""")
        assert page.evaluate("window.__shift") == 0
    assert sizes[None]["headline"] < 200
    normal, large = sizes[None], sizes["2"]
    assert large["header"] == normal["header"]
    assert large["menu"] == normal["menu"]
    for part in ("title", "body", "summary"):
        assert large[part] == pytest.approx(2 * normal[part]), part

    page = open_page(new_context, by_name("chuyen-muc"), PHONE, scale="2")
    card = page.eval_on_selector(".card-title", "(t) => parseFloat(getComputedStyle(t).fontSize)")
    assert card == pytest.approx(2 * 1.05 * 16)
    page = open_page(new_context, by_name("khen-thuong"), PHONE, scale="2")
    table = page.eval_on_selector(".data-table", "(t) => parseFloat(getComputedStyle(t).fontSize)")
    assert table == pytest.approx(2 * 0.95 * 16)


def test_menu_that_scrolls_sideways_shows_that_it_does_until_its_end(new_context):
    page = open_page(new_context, by_name("trang-chu"), PHONE)
    menu = page.locator(".site-nav ul")
    assert menu.evaluate("(ul) => ul.scrollWidth > ul.clientWidth")
    fade = """() => { const s = getComputedStyle(document.querySelector(".site-nav .container"), "::after");
                      return {content: s.content, opacity: parseFloat(s.opacity)}; }"""
    assert page.evaluate(fade) == {"content": '"›"', "opacity": 1}
    menu.evaluate("(ul) => { ul.scrollLeft = ul.scrollWidth; }")
    page.evaluate(SETTLED)
    assert page.evaluate(fade)["opacity"] == 0
    # The last item can scroll clear of the fade.
    last, edge = menu.evaluate(
        "(ul) => [ul.lastElementChild.getBoundingClientRect().right, innerWidth - 36]"
    )
    assert last <= edge


def test_slogan_bar_is_one_whole_line_with_room_for_diacritics_on_a_phone(new_context):
    page = open_page(new_context, by_name("trang-chu"), PHONE)
    line = page.eval_on_selector(
        ".slogans p",
        """(p) => { const s = getComputedStyle(p);
                    return {height: p.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom),
                            font: parseFloat(s.fontSize), wrap: s.whiteSpace,
                            clippedBelow: p.scrollHeight > p.clientHeight}; }""",
    )
    assert line["wrap"] == "nowrap"
    assert line["height"] >= 1.7 * line["font"]  # stacked marks (Ậ, Ễ) stay inside the line
    assert line["height"] < 2 * line["font"] * 1.75  # one line, not two
    assert not line["clippedBelow"]
    assert page.locator(".slogans p:visible").count() == 1


def test_search_and_reader_tools_are_one_tap_away_on_a_phone(new_context):
    page = open_page(new_context, by_name("bai-viet"), PHONE)
    header = page.locator(".masthead")
    assert not page.locator(".search-box").is_visible()
    assert not page.locator(".reader-toolbar").is_visible()
    tools = header.get_by_role("link", name="Công cụ đọc")
    assert tools.get_attribute("aria-expanded") == "false"
    tools.click()
    assert tools.get_attribute("aria-expanded") == "true"
    larger = page.locator(".reader-toolbar").get_by_role("button", name="Tăng cỡ chữ")
    assert larger.is_visible()
    larger.click()
    assert page.eval_on_selector("main", "(m) => getComputedStyle(m).fontSize") == "20px"
    page.keyboard.press("Escape")
    assert not page.locator(".reader-toolbar").is_visible()
    header.get_by_role("link", name="Tìm kiếm").click()
    page.wait_for_url("**/tim-kiem/")
    assert page.get_by_role("searchbox").first.is_visible()


def test_phone_tools_open_without_javascript_and_offer_the_pdf(new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(by_name("bai-viet").url())
    assert not page.locator(".reader-toolbar").is_visible()
    page.locator(".masthead").get_by_role("link", name="Công cụ đọc").click()
    toolbar = page.locator(".reader-toolbar")
    assert toolbar.get_by_role("link", name="Xuất PDF").is_visible()


@pytest.fixture(scope="module", autouse=True)
def _first_screen_folder():
    FIRST_SCREEN.mkdir(parents=True, exist_ok=True)
