"""Headless Chromium driven through chromedriver (Selenium), for the browser tests and benchmarks/view.py.

    with browser() as driver:
        seconds = open_view(driver, Path("out/graph.html"))
"""
from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

INSTALL = Path(__file__).with_name("install-chromium")
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# The machine has no network: without these Chromium keeps trying to reach
# its update and sync services.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"]


def ensure_installed() -> None:
    subprocess.run(["bash", str(INSTALL)], check=True)


@contextlib.contextmanager
def browser(width: int = 1400, height: int = 900) -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--window-size={width},{height}", f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The driver is given, so Selenium Manager does not try to download one.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_view(driver: webdriver.Chrome, page: Path, timeout: float = 60) -> float:
    """Open a view from file:// and wait until it is interactive; the seconds that took, from navigation."""
    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return !!(window.kgView && kgView.ready)"))
    return driver.execute_script("return kgView.readyAt") / 1000


def console_errors(driver: webdriver.Chrome) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(page: Path, png: Path, search: str = "", zoom: float | None = None) -> None:
    """A picture of a view, after typing `search` into its search box and zooming to `zoom`."""
    from selenium.webdriver.common.by import By

    with browser() as driver:
        open_view(driver, page)
        if search:
            driver.find_element(By.ID, "search").send_keys(search)
            WebDriverWait(driver, 5).until(lambda d: d.execute_script("return kgView.network.getSelectedNodes().length"))
            driver.find_element(By.TAG_NAME, "h1").click()       # closes the list of matches; keeps the selection
        if zoom:
            driver.execute_script("const n = kgView.network; n.moveTo({position: n.getViewPosition(), scale: arguments[0]})",
                                  zoom)
        driver.execute_script("return new Promise(r => setTimeout(r, 500))")     # the focus animation
        driver.save_screenshot(str(png))


if __name__ == "__main__":
    import argparse

    args = argparse.ArgumentParser(description="A screenshot of a kg view, e.g. for the README.")
    args.add_argument("page", type=Path)
    args.add_argument("png", type=Path)
    args.add_argument("--search", default="", help="a name to type into the search box first")
    args.add_argument("--zoom", type=float, help="the scale to show, after the search (1: as drawn)")
    opts = args.parse_args()
    ensure_installed()
    screenshot(opts.page, opts.png, opts.search, opts.zoom)
