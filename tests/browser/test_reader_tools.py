"""The reader toolbar, clicked in a real browser: dark mode, text size, print, PDF, read aloud,
and the whole page by keyboard."""

import subprocess

import pytest

from tests.browser.pages import PAGES

# django_db: the test database exists and the server thread may query it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LIGHT_BG, DARK_BG = "rgb(255, 255, 255)", "rgb(17, 20, 24)"
LIGHT_TEXT, DARK_TEXT = "rgb(27, 31, 36)", "rgb(233, 237, 241)"

# Records what the page asks the speech engine to do, with one Vietnamese voice.
FAKE_SPEECH = """
window.__speech = {spoken: [], calls: []};
class FakeUtterance { constructor(text) { this.text = text; } }
const voice = {name: "Tiếng Việt", lang: "vi-VN"};
Object.defineProperty(window, "SpeechSynthesisUtterance", {value: FakeUtterance, configurable: true});
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
    getVoices: () => [{name: "English", lang: "en-US"}, voice],
    speak: (u) => window.__speech.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}),
    pause: () => window.__speech.calls.push("pause"),
    resume: () => window.__speech.calls.push("resume"),
    cancel: () => window.__speech.calls.push("cancel"),
}});
"""
# An engine that exists but has no voice at all, as on many desktop Linux browsers.
FAILING_SPEECH = """
class FakeUtterance { constructor(text) { this.text = text; } }
Object.defineProperty(window, "SpeechSynthesisUtterance", {value: FakeUtterance, configurable: true});
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
    getVoices: () => [],
    speak: (u) => setTimeout(() => u.onerror && u.onerror({error: "synthesis-failed"})),
    pause() {}, resume() {}, cancel() {},
}});
"""
NO_SPEECH = """
Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});
Object.defineProperty(window, "SpeechSynthesisUtterance", {value: undefined, configurable: true});
"""
# The theme and background of the first frame the browser renders (rAF runs right before paint).
THEME_AT_FIRST_PAINT = """
requestAnimationFrame(() => {
    window.__themeAtFirstPaint = document.documentElement.getAttribute("data-theme") || "none";
    window.__bgAtFirstPaint = document.body ? getComputedStyle(document.body).backgroundColor : "no body";
});
"""


# Text and background colours of the parts of the chrome that have theme-specific rules.
PALETTE = """() => Object.fromEntries(
    ["body", ".slogans", ".brand-name", ".brand-tagline", ".site-nav", ".reader-toolbar", ".tool",
     ".section-title", ".card-title a", ".meta", ".site-footer", ".footer-note"].map((selector) => {
        const style = getComputedStyle(document.querySelector(selector));
        return [selector, [style.color, style.backgroundColor, style.borderBottomColor]];
    }))"""


def article_url():
    return next(p for p in PAGES if p.name == "bai-viet").url()


def style(page, selector, prop):
    return page.eval_on_selector(selector, f"(el) => getComputedStyle(el).{prop}")


def toolbar_button(page, name):
    return page.locator(".reader-toolbar").get_by_role("button", name=name, exact=True)


def test_toggles_are_revealed_by_javascript_and_only_the_pdf_link_shows_without_it(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(article_url())
    toolbar = page.locator(".reader-toolbar")
    assert toolbar.get_by_role("link", name="Xuất PDF").is_visible()
    assert toolbar.get_by_role("button").count() == 0  # all hidden, none broken
    page.goto("/")
    assert toolbar.get_by_role("button").count() == 0
    assert toolbar.get_by_role("link").count() == 0

    page = new_context().new_page()
    page.goto(article_url())
    for name in (
        "Chế độ ban đêm",
        "In trang",
        "Đọc nội dung",
        "Giảm cỡ chữ",
        "Cỡ chữ mặc định",
        "Tăng cỡ chữ",
    ):
        assert toolbar_button(page, name).is_visible(), name
    assert not toolbar_button(page, "Dừng đọc").is_visible()
    page.goto("/")
    assert page.locator(".reader-toolbar").get_by_role("link", name="Xuất PDF").count() == 0


def test_dark_mode_switches_colours_persists_across_pages_and_never_flashes(new_context):
    context = new_context(color_scheme="light")
    context.add_init_script(THEME_AT_FIRST_PAINT)
    page = context.new_page()
    page.goto("/")
    toggle = toolbar_button(page, "Chế độ ban đêm")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert style(page, "body", "backgroundColor") == LIGHT_BG

    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert style(page, "body", "backgroundColor") == DARK_BG
    assert style(page, "body", "color") == DARK_TEXT

    page.goto(article_url())
    assert page.evaluate("window.__themeAtFirstPaint") == "dark"
    assert page.evaluate("window.__bgAtFirstPaint") == DARK_BG
    assert style(page, "body", "backgroundColor") == DARK_BG
    assert toolbar_button(page, "Chế độ ban đêm").get_attribute("aria-pressed") == "true"

    toolbar_button(page, "Chế độ ban đêm").click()
    page.goto("/")
    assert style(page, "body", "backgroundColor") == LIGHT_BG
    assert page.evaluate("localStorage.getItem('lsunion-theme')") == "light"


def test_dark_mode_follows_the_device_until_the_reader_chooses(new_context):
    context = new_context(color_scheme="dark")
    context.add_init_script(THEME_AT_FIRST_PAINT)
    page = context.new_page()
    page.goto("/")
    assert page.evaluate("window.__themeAtFirstPaint") == "none"
    assert page.evaluate("window.__bgAtFirstPaint") == DARK_BG
    assert style(page, "body", "backgroundColor") == DARK_BG
    assert style(page, "body", "color") == DARK_TEXT
    toggle = toolbar_button(page, "Chế độ ban đêm")
    assert toggle.get_attribute("aria-pressed") == "true"
    device_palette = page.evaluate(PALETTE)

    chosen = new_context(color_scheme="light")
    chosen.add_init_script("localStorage.setItem('lsunion-theme', 'dark')")
    chosen_page = chosen.new_page()
    chosen_page.goto("/")
    assert chosen_page.evaluate(PALETTE) == device_palette  # one dark theme, two ways in

    toggle.click()  # the reader prefers light on this dark device
    assert style(page, "body", "backgroundColor") == LIGHT_BG
    page.goto(article_url())
    assert style(page, "body", "backgroundColor") == LIGHT_BG
    assert style(page, "body", "color") == LIGHT_TEXT
    assert toolbar_button(page, "Chế độ ban đêm").get_attribute("aria-pressed") == "false"


def test_text_size_steps_up_to_200_percent_and_persists(page):
    page.goto("/")
    root_size = lambda: style(page, "main", "fontSize")  # noqa: E731
    assert root_size() == "16px"
    larger = toolbar_button(page, "Tăng cỡ chữ")
    sizes = []
    for _ in range(4):
        larger.click()
        sizes.append(root_size())
    larger.click(force=True)  # aria-disabled at the top step: pressing it changes nothing
    sizes.append(root_size())
    assert sizes == ["20px", "24px", "28px", "32px", "32px"]
    assert larger.get_attribute("aria-disabled") == "true"
    assert "200 %" in page.locator(".tool-status").inner_text()

    page.goto(article_url())
    assert root_size() == "32px"
    assert float(style(page, ".article-title", "fontSize").removesuffix("px")) >= 2 * 1.6 * 16 - 1
    toolbar_button(page, "Giảm cỡ chữ").click()
    assert root_size() == "28px"
    toolbar_button(page, "Cỡ chữ mặc định").click()
    assert root_size() == "16px"
    assert toolbar_button(page, "Giảm cỡ chữ").get_attribute("aria-disabled") == "true"


# Every visible box that could be cut off or collide at 200 % on a 360 px phone.
LAYOUT_PROBLEMS = """() => {
    const width = document.documentElement.clientWidth, problems = [];
    if (document.documentElement.scrollWidth > width) problems.push("page scrolls sideways: " + document.documentElement.scrollWidth);
    // Containers that scroll sideways on purpose: the category bar and wide data tables; and the
    // phone's slogan line, one line ending in "…" on purpose (test_first_screen checks it).
    const scroller = (el) => el.closest(".site-nav ul, .article-body table, .table-scroll, .slogans p");
    const boxes = [...document.querySelectorAll("h1, h2, h3, p, li, a, button, input, label, time, figcaption, img, .photo-placeholder")]
        .filter((el) => el.getClientRects().length && !el.closest(".visually-hidden, .skip-link") && !scroller(el));
    for (const el of boxes) {
        const r = el.getBoundingClientRect();
        if (r.left < -1 || r.right > width + 1) problems.push("cut off: " + el.outerHTML.slice(0, 80));
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "hidden") problems.push("clipped: " + el.outerHTML.slice(0, 80));
    }
    const controls = [...document.querySelectorAll("header a, header button, header input")].filter((el) => el.getClientRects().length && !el.closest(".skip-link, .site-nav ul"));
    controls.forEach((a, i) => controls.slice(i + 1).forEach((b) => {
        if (a.contains(b) || b.contains(a)) return;
        const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
        if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) problems.push("overlap: " + a.textContent.trim() + " / " + b.textContent.trim());
    }));
    return problems;
}"""


@pytest.mark.parametrize("target", [p for p in PAGES if not p.optional], ids=lambda p: p.name)
def test_nothing_is_cut_off_or_overlaps_at_200_percent_on_a_360px_phone(target, new_context):
    context = new_context(viewport={"width": 360, "height": 740})
    context.add_init_script("localStorage.setItem('lsunion-scale', '2')")
    page = context.new_page()
    page.goto(target.url())
    assert style(page, "main", "fontSize") == "32px"
    assert page.evaluate(LAYOUT_PROBLEMS) == []


def test_print_shows_the_article_alone_with_link_targets_even_in_dark_mode(new_context, demo_site):
    context = new_context()
    context.add_init_script("localStorage.setItem('lsunion-theme', 'dark')")
    context.add_init_script(
        "window.print = () => { window.__printed = (window.__printed || 0) + 1; }"
    )
    page = context.new_page()
    page.goto(article_url())
    toolbar_button(page, "In trang").click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    for chrome in (
        ".skip-link",
        ".site-nav",
        ".search-box",
        ".reader-toolbar",
        ".site-footer",
        ".breadcrumbs",
        ".slogans",
    ):
        assert not page.locator(chrome).first.is_visible(), chrome
    for part in (".article-title", ".date-line", ".article-body", ".byline", ".photo figcaption"):
        assert page.locator(part).first.is_visible(), part
    assert style(page, "body", "backgroundColor") == "rgb(255, 255, 255)"
    assert style(page, ".article-body", "color") == "rgb(0, 0, 0)"
    after = page.eval_on_selector(".source a", "(a) => getComputedStyle(a, '::after').content")
    assert f"{demo_site.url}/to-chuc/" in after

    page.emulate_media(media="screen")
    assert page.locator(".reader-toolbar").is_visible()


def test_pdf_link_downloads_the_article_as_a_pdf_named_after_its_slug(page, tmp_path):
    url = article_url()
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    page.goto(url)
    title = page.locator(".article-title").inner_text()
    with page.expect_download() as download_info:
        page.locator(".reader-toolbar").get_by_role("link", name="Xuất PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"{slug}.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert " ".join(title.split()) in " ".join(text.split())


def test_read_aloud_speaks_title_and_body_in_vietnamese_with_pause_and_stop(new_context):
    context = new_context()
    context.add_init_script(FAKE_SPEECH)
    page = context.new_page()
    page.goto(article_url())
    title = page.locator(".article-title").inner_text()
    first_paragraph = page.locator(".article-body p").first.inner_text()
    speak = toolbar_button(page, "Đọc nội dung")
    stop = toolbar_button(page, "Dừng đọc")

    speak.click()
    spoken = page.evaluate("window.__speech.spoken")
    texts = [item["text"] for item in spoken]
    assert texts[0] == title
    assert first_paragraph.split(". ")[0].strip() in " ".join(texts)
    everything = " ".join(texts)
    for chrome in ("Trang chủ", "Tìm kiếm", "Tin cùng chuyên mục", "Địa chỉ:", "Chế độ ban đêm"):
        assert chrome not in everything, chrome
    assert {item["lang"] for item in spoken} == {"vi-VN"}
    assert {item["voice"] for item in spoken} == {"Tiếng Việt"}
    assert speak.get_attribute("aria-pressed") == "true"
    assert stop.is_visible()

    speak.click()
    assert speak.get_attribute("aria-pressed") == "false"
    speak.click()
    assert speak.get_attribute("aria-pressed") == "true"
    stop.click()
    assert not stop.is_visible()
    assert speak.get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__speech.calls") == ["cancel", "pause", "resume", "cancel"]
    assert page.evaluate("document.activeElement.dataset.tool") == "speak"

    page.goto("/to-chuc/")  # other pages: the main content, without breadcrumbs or menus
    toolbar_button(page, "Đọc nội dung").click()
    texts = [item["text"] for item in page.evaluate("window.__speech.spoken")]
    assert texts[0] == "Tổ chức công đoàn"
    assert "Trang chủ" not in texts and "Tìm" not in texts


def test_read_aloud_says_so_when_the_device_has_no_voice(new_context):
    context = new_context()
    context.add_init_script(FAILING_SPEECH)
    page = context.new_page()
    page.goto(article_url())
    speak = toolbar_button(page, "Đọc nội dung")
    speak.click()
    status = page.locator(".tool-status")
    status.filter(has_text="Không đọc được").wait_for()
    assert speak.get_attribute("aria-pressed") == "false"
    assert not toolbar_button(page, "Dừng đọc").is_visible()


def test_read_aloud_says_so_where_the_browser_cannot_speak(new_context):
    context = new_context()
    context.add_init_script(NO_SPEECH)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(article_url())
    button = page.locator('.reader-toolbar [data-tool="speak"]')
    assert button.is_visible()
    assert "không hỗ trợ" in button.inner_text()
    assert button.get_attribute("aria-disabled") == "true"
    button.click(force=True)
    assert errors == []
    # The other tools still work.
    toolbar_button(page, "Tăng cỡ chữ").click()
    assert style(page, "main", "fontSize") == "20px"


FOCUSED = """() => {
    const el = document.activeElement, style = getComputedStyle(el), r = el.getBoundingClientRect();
    return {tag: el.tagName, id: el.id, text: (el.innerText || el.value || "").trim(), tool: el.dataset.tool || "",
            outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
            visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight};
}"""


def test_keyboard_alone_skip_link_first_visible_focus_logical_order_and_working_tools(page):
    page.goto(article_url())
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["text"] == "Bỏ qua, đến nội dung chính"
    assert first["visible"] and first["outline"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"

    page.goto(article_url())
    page.evaluate("document.activeElement.blur()")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        focused = page.evaluate(FOCUSED)
        assert focused["outline"] and focused["visible"], focused
        # Logical order: each stop comes after the previous one in the document.
        if seen:
            assert page.evaluate(
                "() => !!(window.__last.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)"
            ), focused
        page.evaluate("window.__last = document.activeElement")
        seen.append(focused["tool"] or focused["text"])
    tools = [
        s for s in seen if s in ("theme", "print", "pdf", "speak", "smaller", "reset", "larger")
    ]
    assert tools == ["theme", "print", "pdf", "speak", "smaller", "reset", "larger"]
    assert seen[0] == "Bỏ qua, đến nội dung chính"

    page.locator('[data-tool="larger"]').focus()
    page.keyboard.press("Enter")
    assert style(page, "main", "fontSize") == "20px"
    page.locator('[data-tool="theme"]').focus()
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
