"""Every public page type fits a 360×800 phone and a 1280×900 desktop, in both themes: nothing
scrolls sideways (the page, or a table inside it), the long award lists are cards on a phone
and a table on a desktop with a decision's facts before its list, and chart labels are at
least 11 px as drawn. Each visit leaves a full-page screenshot in artifacts/pages/."""

import itertools

import pytest

from tests.browser.conftest import ROOT
from tests.browser.pages import PAGES

# django_db: the test database exists and the server thread may query it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VIEWPORTS = {360: {"width": 360, "height": 800}, 1280: {"width": 1280, "height": 900}}
SHOTS = ROOT / "artifacts" / "pages"

# Boxes inside main that scroll sideways, and boxes that reach past the right edge of the screen
# (which a hidden overflow on a parent would otherwise hide from scrollWidth).
SIDEWAYS = """() => {
    const scrolls = [], beyond = [];
    for (const el of document.querySelectorAll("main *")) {
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden") continue;
        if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
            scrolls.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
        }
        const rect = el.getBoundingClientRect();
        if (rect.width && rect.right > innerWidth + 0.5 && !el.closest(".visually-hidden")) {
            beyond.push(`${el.tagName.toLowerCase()}.${el.className} right ${Math.round(rect.right)}`);
        }
    }
    return {scrolls, beyond: beyond.slice(0, 5)};
}"""

# Each visible chart label: its font size as drawn (the CSS size times the SVG's scale) and box.
CHART_LABELS = """() => [...document.querySelectorAll("svg text")]
    .filter((t) => getComputedStyle(t).display !== "none")
    .map((t) => {
        const box = t.getBoundingClientRect();
        return {text: t.textContent, drawn: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
                height: box.height, left: box.left, right: box.right, top: Math.round(box.top)};
    })"""


def visit(new_context, path, width, theme="light"):
    context = new_context(viewport=VIEWPORTS[width], color_scheme="light")
    context.add_init_script(f"localStorage.setItem('lsunion-theme', '{theme}')")
    page = context.new_page()
    response = page.goto(path)
    return page, response


def by_name(name):
    return next(p for p in PAGES if p.name == name)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("target", PAGES, ids=lambda page: page.name)
def test_no_page_scrolls_sideways_nor_holds_a_table_that_does(target, width, theme, new_context):
    page, response = visit(new_context, target.url(), width, theme)
    assert response.status == target.status
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{target.name}-{width}px-{theme}.png", full_page=True)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate("innerWidth")
    assert page.evaluate(SIDEWAYS) == {"scrolls": [], "beyond": []}


ROW_DISPLAY = """() => [...document.querySelectorAll(".awards-table tbody tr")].map((tr) => ({
    display: getComputedStyle(tr).display,
    width: tr.getBoundingClientRect().width,
    height: tr.getBoundingClientRect().height,
}))"""


@pytest.mark.parametrize("name", ["khen-thuong", "quyet-dinh"])
def test_award_lists_are_cards_on_a_phone_and_a_table_on_a_desktop(name, new_context):
    phone, _ = visit(new_context, by_name(name).url(), 360)
    cards = phone.evaluate(ROW_DISPLAY)
    assert cards and {c["display"] for c in cards} == {"grid"}
    assert max(c["width"] for c in cards) <= 360 - 2 * 16
    # The column headings are for screen readers only; each card names its own fields.
    assert (
        phone.eval_on_selector(".awards-table thead", "(h) => h.getBoundingClientRect().height")
        <= 1
    )
    assert phone.locator('.awards-table td[data-label="Đơn vị"]').first.is_visible()
    # Cards are short: a look-up of 25 rows was 7,189 px as a three-column table at 360 px.
    assert max(c["height"] for c in cards) < 260

    desktop, _ = visit(new_context, by_name(name).url(), 1280)
    rows = desktop.evaluate(ROW_DISPLAY)
    assert {r["display"] for r in rows} == {"table-row"}
    assert desktop.locator(".awards-table thead").first.is_visible()


def test_a_decision_shows_its_facts_before_its_list_on_a_phone_and_beside_it_on_a_desktop(
    new_context,
):
    facts_then_list = """() => {
        const facts = document.querySelector(".facts--decision").getBoundingClientRect();
        const list = document.querySelector(".awards-table").getBoundingClientRect();
        return {factsTop: facts.top, factsBottom: facts.bottom, factsLeft: facts.left,
                listTop: list.top, listRight: list.right};
    }"""
    phone, _ = visit(new_context, by_name("quyet-dinh").url(), 360)
    at = phone.evaluate(facts_then_list)
    assert at["factsBottom"] < at["listTop"], at
    for fact in ("Số, ký hiệu", "Ngày ký", "Người ký", "Hình thức"):
        assert phone.locator(".facts--decision dt", has_text=fact).is_visible(), fact

    desktop, _ = visit(new_context, by_name("quyet-dinh").url(), 1280)
    at = desktop.evaluate(facts_then_list)
    assert at["factsLeft"] >= at["listRight"], at  # a column of its own, beside the list
    assert at["factsTop"] < 900


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", ["khen-thuong", "to-chuc-cong-doan"])
def test_chart_labels_are_at_least_11px_as_drawn_and_never_overlap(name, width, theme, new_context):
    page, _ = visit(new_context, by_name(name).url(), width, theme)
    labels = page.evaluate(CHART_LABELS)
    assert len(labels) >= 7, labels  # five value ticks and at least two years
    small = [label for label in labels if label["drawn"] < 11 or label["height"] < 11]
    assert not small, small
    years = sorted((label for label in labels if label["text"].isdigit() and len(label["text"]) == 4),
                   key=lambda label: label["left"])  # fmt: skip
    assert len(years) >= 2
    for before, after in itertools.pairwise(years):
        assert before["right"] <= after["left"], (before, after)
    svg = page.eval_on_selector("svg[role=img]", "(s) => s.getBoundingClientRect().right")
    assert svg <= width


@pytest.mark.parametrize("width", [360, 1280])
def test_the_category_feed_link_is_in_view_on_the_breadcrumb_line(width, new_context):
    page, _ = visit(new_context, by_name("chuyen-muc").url(), width)
    feed = page.locator("main .feed-link")
    assert feed.is_visible()
    box = feed.bounding_box()
    path = page.locator("main .breadcrumbs").bounding_box()
    title = page.locator("main h1").bounding_box()
    middle = box["y"] + box["height"] / 2
    assert path["y"] <= middle <= path["y"] + path["height"]  # on the breadcrumb's line
    assert box["y"] + box["height"] <= title["y"] and box["x"] + box["width"] <= width
