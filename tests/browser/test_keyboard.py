"""Keyboard use: the skip link, and every control on the portfolio and checklist pages."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import representatives

pytestmark = pytest.mark.browser

# Controls in the page content, tagged with data-kb so the Tab walk can recognise them.
_TAG_CONTROLS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const all = [...document.querySelectorAll('.md-content ' + selector.split(', ').join(', .md-content '))];
  const usable = all.filter(el => !el.disabled && el.tabIndex >= 0
    && (el.checkVisibility() || (el.labels && [...el.labels].some(l => l.checkVisibility()))));
  usable.forEach((el, i) => el.setAttribute('data-kb', String(i)));
  return usable.map(el => el.tagName.toLowerCase() + (el.type ? '[type=' + el.type + ']' : '')
    + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || el.value || '').trim().slice(0, 40) + '"');
}"""

# What a sighted keyboard user sees of the focus: the control, or the label of a hidden one.
_INDICATOR_STYLE = """(el) => {
  const hidden = r => r.width <= 1 || r.height <= 1;
  let shown = el;
  if ((hidden(el.getBoundingClientRect()) || getComputedStyle(el).opacity === '0') && el.labels
      && el.labels.length) shown = el.labels[0];
  const css = [];
  for (const pseudo of [null, '::before', '::after']) {
    const s = getComputedStyle(shown, pseudo);
    css.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
              s.backgroundColor, s.borderColor, s.textDecorationLine].join(' '));
  }
  return css.join(' | ');
}"""


def _open(new_context, site_url, site_page):
    page = new_context().new_page()
    page.goto(site_url + site_page.path)
    page.wait_for_load_state("networkidle")
    return page


def _page_of_kind(site_pages, kind):
    found = representatives(site_pages)
    if kind not in found:
        pytest.fail(f"Ingen sida av typen {kind!r} är byggd ännu.")
    return found[kind]


def test_skip_link_moves_to_the_content(site_pages, site_url, new_context):
    page = _open(new_context, site_url, _page_of_kind(site_pages, "processteg"))
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.evaluate("el => el.classList.contains('md-skip')"), (
        "första Tab hamnar inte på hopplänken")
    box = skip.bounding_box()
    assert box and box["width"] > 10 and box["y"] >= 0, "hopplänken syns inte när den har fokus"
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=target[target.index("#"):])
    heading = page.locator(target[target.index("#"):])
    assert heading.is_visible() and heading.bounding_box()["y"] < 900


def _walk_with_tab(page, count: int) -> dict[int, tuple[str, str]]:
    """Tab through the page once; for each tagged control reached: (unfocused, focused) style."""
    reached: dict[int, tuple[str, str]] = {}
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(count):
        page.keyboard.press("Tab")
        index = page.evaluate("document.activeElement.getAttribute('data-kb')")
        if index is None or int(index) in reached:
            continue
        control = page.locator(f"[data-kb='{index}']")
        focused = control.evaluate(_INDICATOR_STYLE)
        reached[int(index)] = (_style_when_blurred(control), focused)
    return reached


def _style_when_blurred(control) -> str:
    control.evaluate("el => el.blur()")
    style = control.evaluate(_INDICATOR_STYLE)
    control.evaluate("el => el.focus({focusVisible: true})")
    return style


@pytest.mark.parametrize("kind", ["portfölj", "checklista"])
def test_every_control_is_reachable_with_a_visible_focus(kind, site_pages, site_url,
                                                         new_context):
    page = _open(new_context, site_url, _page_of_kind(site_pages, kind))
    controls = page.evaluate(_TAG_CONTROLS)
    assert controls, f"inga kontroller hittades på sidan {kind}"
    tabbable = page.evaluate("document.querySelectorAll('a[href], button, input, select, "
                             "textarea, summary, [tabindex]').length")
    reached = _walk_with_tab(page, tabbable + 10)
    missing = [c for i, c in enumerate(controls) if i not in reached]
    assert not missing, "Kan inte nås med Tab:\n" + "\n".join(missing)
    invisible = [controls[i] for i, (before, after) in reached.items() if before == after]
    assert not invisible, "Ingen synlig fokusmarkering:\n" + "\n".join(invisible)


# Per kind of control: the key a keyboard user presses, and what must change.
_STATE = {
    "checkbox": "el => el.checked",
    "select": "el => el.value",
    "text": "el => el.value",
    "button": "el => window.__handbokClicks || 0",
    "summary": "el => el.parentElement.open",
}


def _control_kind(control) -> str | None:
    return control.evaluate("""el => {
      const tag = el.tagName.toLowerCase();
      if (tag === 'input' && el.type === 'checkbox') return 'checkbox';
      if (tag === 'input' || tag === 'textarea') return 'text';
      if (tag === 'select') return el.options.length > 1 ? 'select' : null;
      if (tag === 'button') return 'button';
      if (tag === 'summary') return 'summary';
      return null;
    }""")


def _operate(page, control, kind: str) -> None:
    control.focus()
    if kind == "checkbox":
        page.keyboard.press("Space")
    elif kind == "select":
        page.keyboard.press("ArrowDown")
    elif kind == "text":
        page.keyboard.type("a")
    else:
        page.keyboard.press("Enter")


@pytest.mark.parametrize("kind", ["portfölj", "checklista"])
def test_every_control_works_by_keyboard(kind, site_pages, site_url, new_context):
    page = _open(new_context, site_url, _page_of_kind(site_pages, kind))
    controls = page.evaluate(_TAG_CONTROLS)
    page.evaluate("document.addEventListener('click', e => { if (e.target.closest('button'))"
                  " window.__handbokClicks = (window.__handbokClicks || 0) + 1; }, true)")
    broken, operated = [], 0
    for index, description in enumerate(controls):
        control = page.locator(f"[data-kb='{index}']")
        control_kind = _control_kind(control)
        if control_kind is None:
            continue
        before = control.evaluate(_STATE[control_kind])
        _operate(page, control, control_kind)
        after = control.evaluate(_STATE[control_kind])
        operated += 1
        if before == after:
            broken.append(f"{description}: {control_kind} reagerar inte på tangentbordet")
        if control_kind in {"text", "select"}:
            control.evaluate("el => { el.value = el.tagName === 'SELECT' ? el.options[0].value"
                             " : ''; el.dispatchEvent(new Event('input', {bubbles: true}));"
                             " el.dispatchEvent(new Event('change', {bubbles: true})); }")
    assert operated, f"inga formulärkontroller på sidan {kind}"
    assert not broken, "\n".join(broken)
