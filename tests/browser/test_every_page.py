"""Every page (each lesson and the trainer's room) opens as a clean app, on a desktop and on a phone.

On both: no source code or traceback, no console error, and no axe-core
finding at any impact level (minor and moderate included). On a phone
(390 px wide): nothing wider than the screen, nothing cut short, and every
control at least 44 px tall (:mod:`tests.browser.phone`).
"""

from __future__ import annotations

import pytest

from kit.paths import NOTEBOOKS_DIR
from tests.browser.phone import DESKTOP, PHONE, axe_findings, layout_problems
from tests.browser.voila import assert_clean, open_app

NOTEBOOKS = sorted(path.name for path in NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_page_renders_clean_and_accessible_on_a_desktop(browser, kit_server, notebook):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        log = open_app(page, kit_server, notebook)
        assert_clean(page)
        assert axe_findings(page) == []
        assert page.evaluate("() => document.documentElement.scrollWidth") <= DESKTOP["width"]
        assert log.unexpected() == []
    finally:
        page.close(run_before_unload=True)
        context.close()


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_page_works_on_a_phone(browser, kit_server, notebook):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        log = open_app(page, kit_server, notebook)
        assert_clean(page)
        assert layout_problems(page) == []
        assert axe_findings(page) == []
        assert log.unexpected() == []
    finally:
        page.close(run_before_unload=True)
        context.close()
