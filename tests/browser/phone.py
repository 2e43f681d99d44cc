"""Checks of a page's layout at phone size, and axe findings at every impact level.

A phone here is 390 px wide (an iPhone 12 to 15 in portrait). A page passes when:

- nothing makes the page wider than the screen (``scrollWidth`` of the document);
- no visible element reaches past the right edge, unless it sits in a box of
  its own that scrolls sideways (a wide table); the page, a cell's output area
  and a widget box do not count as such a box;
- no button or label is cut short ("Open my ..."): its text fits its box;
- every control a finger uses is at least 44 px tall: buttons, text boxes,
  lists, the label of each radio button and tick box, the summaries that
  fold text away, download links and the links of the lesson cards (a link
  inside a sentence is exempt, as WCAG 2.5.8 allows).
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TARGET_PX = 44

_LAYOUT = """
(minTarget) => {
  const vw = document.documentElement.clientWidth;
  const page = new Set([document.body, document.documentElement, document.getElementById('rendered_cells'),
                        document.getElementById('main'), document.getElementById('jp-main-content-panel')]);
  // Jupyter's and ipywidgets' own wrappers may scroll too, but content that overflows them has only been
  // swallowed, not given a box of its own: they do not count as a scrolling box.
  const wrappers = '.jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output, .jp-Cell-outputArea, '
                 + '.jp-RenderedHTMLCommon, .jp-Cell, .widget-box, .widget-html-content, .widget-inline-hbox';
  function inOwnScroller(el) {
    for (let p = el.parentElement; p && !page.has(p); p = p.parentElement) {
      const s = getComputedStyle(p);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && !p.matches(wrappers)
          && p.getBoundingClientRect().right <= vw + 1) {
        return true;
      }
    }
    return false;
  }
  function shown(el, r) {
    if (r.width < 2 || r.height < 2) { return false; }  // screen-reader-only text is 1 px
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity || '1') > 0;
  }
  function name(el) {
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
    return el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).slice(-2).join('.') : '') + (text ? ' "' + text.slice(0, 40) + '"' : '');
  }
  const wide = [], clipped = [], small = [], targets = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (!shown(el, r)) { continue; }
    if (r.right > vw + 1 && !inOwnScroller(el)) { wide.push(name(el) + ' right=' + Math.round(r.right)); }
    const s = getComputedStyle(el);
    if (el.matches('button, .widget-label, .widget-radio-box label, .widget-checkbox label, .lm-TabBar-tabLabel')
        && (s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis')
        && el.scrollWidth > el.clientWidth + 1) {
      clipped.push(name(el) + ' needs ' + el.scrollWidth + ' px, has ' + el.clientWidth);
    }
    let target = null;
    if (el.matches('button, select, textarea, summary, a.kit-download, .kit-card > a, input:not([type=radio]):not([type=checkbox])')) {
      target = el;
    } else if (el.matches('input[type=radio], input[type=checkbox]')) {
      target = el.closest('label') || el;
    }
    if (target && !targets.has(target)) {
      targets.add(target);
      const height = target.getBoundingClientRect().height;
      if (height < minTarget - 0.5) { small.push(name(target) + ' ' + Math.round(height) + ' px tall'); }
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, viewport: vw, wide: wide, clipped: clipped, small: small};
}
"""


def layout_problems(page) -> list[str]:
    """Everything that would stop the page working on a phone, as readable lines (empty when it works)."""
    found = page.evaluate(_LAYOUT, TARGET_PX)
    problems = []
    if found["scrollWidth"] > found["viewport"]:
        problems.append(f"the page is {found['scrollWidth']} px wide on a {found['viewport']} px screen")
    problems += [f"past the right edge: {item}" for item in found["wide"][:10]]
    problems += [f"cut short: {item}" for item in found["clipped"][:10]]
    problems += [f"smaller than {TARGET_PX} px to touch: {item}" for item in found["small"][:10]]
    return problems


def axe_findings(page) -> list[str]:
    """Every axe-core violation, at any impact level (minor and moderate too), as readable lines."""
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"]]
