import pytest

from headless import browser, ensure_installed


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium for the session, installed from Debian's packages if it is missing."""
    ensure_installed()
    with browser() as driver:
        yield driver
