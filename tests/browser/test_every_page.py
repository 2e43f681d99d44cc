"""Every lesson opens as a clean, accessible Voilà app."""

from __future__ import annotations

import pytest

from kit.paths import NOTEBOOKS_DIR
from tests.browser.voila import assert_clean, open_app, serious_violations

NOTEBOOKS = sorted(path.name for path in NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_page_renders_clean_and_accessible(page, kit_server, notebook):
    log = open_app(page, kit_server, notebook)
    assert_clean(page)
    assert serious_violations(page) == []
    assert log.unexpected() == []
