"""axe-core finds no WCAG 2.1 A/AA violation on any page, in either theme, on a phone or a
desktop, and the pages load without script errors (no inline script for the CSP to refuse).
Each visit leaves a full-page screenshot in artifacts/screenshots/ for people to look at."""

import pytest

from tests.browser.pages import PAGES

# django_db: the test database exists and the server thread may query it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + ": " + n.failureSummary),
    }));
}"""


def describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("target", PAGES, ids=lambda page: page.name)
def test_page_has_no_accessibility_violations(
    target, width, theme, new_context, axe_source, screenshots
):
    if target.optional and not target.exists():
        pytest.skip(f"{target.url()} does not exist yet")
    context = new_context(viewport={"width": width, "height": 800}, color_scheme="light")
    context.add_init_script(f"localStorage.setItem('lsunion-theme', '{theme}')")
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    response = page.goto(target.url())
    assert response.status == target.status
    assert page.evaluate("document.documentElement.dataset.theme") == theme
    page.evaluate(axe_source)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    page.screenshot(path=screenshots / f"{target.name}-{width}px-{theme}.png", full_page=True)

    assert not violations, describe(violations)
    if target.status == 404:
        errors = [e for e in errors if "status of 404" not in e]
    assert not errors
