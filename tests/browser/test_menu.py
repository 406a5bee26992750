"""A menu item with items under it, in a real browser: it opens without script on a 360 px
phone (the links follow it in the sideways row) and on a desktop (a drop-down), and passes
axe opened, in both themes."""

import pytest

from tests.browser.test_accessibility import AXE_TAGS, RUN_AXE, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def nested_menu(demo_site, django_db_blocker):
    """“Tổ chức” holding the directory, meetings and emulation blocks, for this module only."""
    from lsunion.cache import bump
    from sitepages.models import MenuItem

    with django_db_blocker.unblock():
        top = MenuItem.objects.get(target="section:organizations:directory")
        top.title = "Tổ chức"
        top.save()
        made = [
            MenuItem.objects.create(parent=top, target="section:organizations:meeting-list"),
            MenuItem.objects.create(
                parent=top, target="section:organizations:block-list", order=200
            ),
        ]
        MenuItem.objects.filter(parent=None, target="section:organizations:meeting-list").update(
            is_active=False
        )
        bump()
    yield top
    with django_db_blocker.unblock():
        for item in made:
            item.delete()
        MenuItem.objects.filter(target="section:organizations:meeting-list").update(is_active=True)
        top.title = ""
        top.save()
        bump()


@pytest.mark.parametrize("width", [360, 1280])
def test_nested_items_open_and_lead_to_their_page_without_script(nested_menu, new_context, width):
    page = new_context(
        viewport={"width": width, "height": 700}, java_script_enabled=False
    ).new_page()
    page.goto("/")
    summary = page.locator(".site-nav summary")
    blocks = page.locator(".site-nav details a", has_text="Khối, cụm thi đua")
    summary.scroll_into_view_if_needed()
    assert summary.inner_text().startswith("Tổ chức")
    assert not blocks.is_visible()

    summary.click()

    assert blocks.is_visible()
    menu = page.locator(".site-nav").bounding_box()
    if width == 360:  # one row still: the links follow the item, the page never scrolls sideways
        assert menu["height"] < 50
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    blocks.click()
    page.wait_for_url("**/khoi-thi-dua/")
    # Closed again on the new page, the item holding it is marked as where the reader is.
    current = page.locator('.site-nav a[aria-current="page"]')
    assert current.text_content() == "Khối, cụm thi đua"
    marked = "(s) => getComputedStyle(s).backgroundColor !== getComputedStyle(s.closest('nav')).backgroundColor"
    assert page.locator(".site-nav summary").evaluate(marked)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_an_opened_nested_menu_has_no_accessibility_violation(
    nested_menu, new_context, axe_source, screenshots, width, theme
):
    context = new_context(viewport={"width": width, "height": 700}, color_scheme="light")
    context.add_init_script(f"localStorage.setItem('lsunion-theme', '{theme}')")
    page = context.new_page()
    page.goto("/hoi-nghi/")
    page.locator(".site-nav summary").click()
    page.evaluate(axe_source)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    page.screenshot(path=screenshots / f"menu-long-nhau-{width}px-{theme}.png")
    assert not violations, describe(violations)
