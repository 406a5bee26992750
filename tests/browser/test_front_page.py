"""The home page reads as a front page and an article has its side column: at 1280×900 a lead
story with a large picture, stories under it, category blocks side by side and a side column
(latest, most read); at 360×800 one column, the first headline and its picture near the top, the
side column after the content; never a sideways scroll, in both themes. Each run leaves whole-page
screenshots in artifacts/front-page/ for people to look at."""

import re

import pytest

from tests.browser.conftest import ROOT
from tests.browser.pages import PAGES
from tests.browser.test_first_screen import DESKTOP, FIRST_STORY, PHONE, SETTLED

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FRONT_PAGE = ROOT / "artifacts" / "front-page"
HOME = next(p for p in PAGES if p.name == "trang-chu")
ARTICLE = next(p for p in PAGES if p.name == "bai-viet")
SIDES = {"trang-chu": ".front-side", "bai-viet": ".article-side"}
MAINS = {"trang-chu": ".front-main", "bai-viet": ".article-main"}

# Scroll through the page so lazy pictures load before the whole-page screenshot.
LOAD_ALL = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
        scrollTo(0, y);
        await new Promise((done) => setTimeout(done, 50));
    }
    scrollTo(0, 0);
    await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
}"""
BOX = "(el) => { const r = el.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width}; }"


def visit(new_context, target, viewport, theme):
    context = new_context(viewport=viewport, color_scheme="light")
    context.add_init_script(f"localStorage.setItem('lsunion-theme', '{theme}')")
    page = context.new_page()
    assert page.goto(target.url()).status == 200
    page.evaluate(SETTLED)
    return page


def screenshot(page, target, viewport, theme):
    FRONT_PAGE.mkdir(parents=True, exist_ok=True)
    page.evaluate(LOAD_ALL)
    page.evaluate(SETTLED)
    name = f"{target.name}-{viewport['width']}px-{theme}.png"
    page.screenshot(path=FRONT_PAGE / name, full_page=True)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("target", [HOME, ARTICLE], ids=lambda p: p.name)
def test_on_a_desktop_the_side_column_stands_beside_the_content(new_context, target, theme):
    page = visit(new_context, target, DESKTOP, theme)
    main = page.eval_on_selector(MAINS[target.name], BOX)
    side = page.eval_on_selector(SIDES[target.name], BOX)
    assert side["left"] >= main["right"]  # beside, to the right
    assert side["top"] < main["top"] + 50  # starting at the top of the content
    assert 280 <= side["width"] <= 360
    first = page.evaluate(FIRST_STORY)
    assert 0 < first["headline"] < 450, first
    assert page.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP["width"]
    screenshot(page, target, DESKTOP, theme)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("target", [HOME, ARTICLE], ids=lambda p: p.name)
def test_on_a_phone_the_side_column_follows_the_content_in_one_column(new_context, target, theme):
    page = visit(new_context, target, PHONE, theme)
    main = page.eval_on_selector(MAINS[target.name], BOX)
    side = page.eval_on_selector(SIDES[target.name], BOX)
    assert side["top"] >= main["bottom"]
    assert side["width"] == pytest.approx(main["width"], abs=1)
    first = page.evaluate(FIRST_STORY)
    assert 0 < first["headline"] < 200, first
    if first["picture"] is not None:
        assert first["picture"] < 200, first
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    screenshot(page, target, PHONE, theme)


def test_front_page_has_a_lead_with_a_large_picture_stories_under_it_and_blocks_side_by_side(
    new_context,
):
    page = visit(new_context, HOME, DESKTOP, "light")
    lead = page.locator(".card--lead")
    assert lead.count() == 1
    picture = lead.locator(".card-image img").evaluate(BOX)
    assert picture["width"] >= 420
    title = lead.locator(".card-title").evaluate(BOX)
    assert title["left"] > picture["right"]  # the headline beside its picture
    under = page.locator(".featured-row .card")
    assert under.count() == 4
    tops = {round(box["top"]) for box in under.evaluate_all(f"(els) => els.map({BOX})")}
    assert len(tops) == 1  # one row
    assert under.locator(".card-image img").count() == 4
    blocks = page.locator(".category-block").evaluate_all(f"(els) => els.map({BOX})")
    assert len(blocks) >= 4
    assert blocks[0]["top"] == blocks[1]["top"] and blocks[1]["left"] > blocks[0]["right"]
    for heading in ("Tin mới", "Đọc nhiều trong tuần"):
        box = page.locator(".front-side").get_by_role("heading", name=heading)
        assert box.is_visible()
    assert page.locator(".most-read li").count() == 5
    # A story on top is not repeated in its category's block.
    titles = page.locator(".front-main .card-title").all_inner_texts()
    assert len(titles) == len(set(titles))


def test_article_side_column_lists_related_and_latest_news_and_the_text_keeps_a_readable_measure(
    new_context,
):
    page = visit(new_context, ARTICLE, DESKTOP, "light")
    side = page.locator(".article-side")
    assert side.get_by_role("heading", name="Tin liên quan").is_visible()
    assert side.get_by_role("heading", name="Tin mới").is_visible()
    assert side.locator(".related li").count() >= 3
    measure = page.eval_on_selector(
        ".article-body p",
        """(p) => { const s = getComputedStyle(p); const probe = document.createElement("span");
                    probe.textContent = "0".repeat(10); probe.style.font = s.font; document.body.append(probe);
                    const ch = probe.getBoundingClientRect().width / 10; probe.remove();
                    return p.getBoundingClientRect().width / ch; }""",
    )
    assert 55 <= measure <= 85  # characters per line


@pytest.mark.parametrize(
    ("viewport", "density"),
    [(PHONE, 1), (PHONE, 2), (DESKTOP, 1), (DESKTOP, 2)],
    ids=["360-1x", "360-2x", "1280-1x", "1280-2x"],
)
def test_article_photos_come_in_webp_at_the_size_the_layout_shows_them(
    new_context, viewport, density
):
    context = new_context(viewport=viewport, device_scale_factor=density)
    page = context.new_page()
    page.goto(ARTICLE.url())
    page.evaluate(LOAD_ALL)
    photos = page.eval_on_selector_all(
        ".article .photo img",
        """(imgs) => imgs.map((img) => ({src: img.currentSrc, shown: img.getBoundingClientRect().width,
              original: +img.getAttribute("width"),
              offered: Math.max(...img.previousElementSibling.srcset.split(",").map((c) => parseInt(c.trim().split(" ")[1])))}))""",
    )
    assert len(photos) >= 2
    for photo in photos:
        # The file's own width, from its name: a rendition "…-960w.webp", the original "…-1280x853.jpg".
        photo["pixels"] = int(re.search(r"-(\d+)(?:w|x\d+)\.\w+$", photo["src"])[1])
        assert photo["src"].endswith(".webp"), photo
        assert photo["shown"] <= photo["original"] + 0.5, photo  # never blown up
        # Sharp: enough pixels for the screen's density, or the largest WebP there is.
        assert photo["pixels"] >= min(photo["shown"] * density, photo["offered"]) - 1, photo
