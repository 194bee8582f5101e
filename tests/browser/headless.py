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


def pin(driver: webdriver.Chrome, name: str, other: str = "") -> None:
    """Click the node called `name`, or the link between it and `other`, as a reader would to pin its tooltip."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    ends = driver.execute_script("return Array.from(arguments).map(l => kgView.nodes.get().find(n => n.label === l).id)",
                                 name, *([other] if other else []))
    # a third of the way along the link: clear of both nodes and of its label
    point = driver.execute_script("""const net = kgView.network, ps = arguments[0].map(id => net.getPosition(id));
        const at = ps.length === 1 ? ps[0] : {x: ps[0].x + (ps[1].x - ps[0].x) / 3, y: ps[0].y + (ps[1].y - ps[0].y) / 3};
        net.moveTo({position: at, scale: Math.max(net.getScale(), 1.2)});
        const p = net.canvasToDOM(at); return [p.x, p.y];""", ends)
    canvas = driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    ActionChains(driver).move_to_element_with_offset(canvas, round(point[0] - canvas.size["width"] / 2),
                                                     round(point[1] - canvas.size["height"] / 2)).click().perform()


def screenshot(page: Path, png: Path, search: str = "", zoom: float | None = None, pinned: tuple[str, ...] = ()) -> None:
    """A picture of a view, after typing `search` into its search box, zooming to `zoom` and pinning the
    tooltip of a node or of the link between two (`pinned`: their names)."""
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
        if pinned:
            pin(driver, *pinned)
        driver.execute_script("return new Promise(r => setTimeout(r, 500))")     # the focus animation
        driver.save_screenshot(str(png))


if __name__ == "__main__":
    import argparse

    args = argparse.ArgumentParser(description="A screenshot of a kg view, e.g. for the README.")
    args.add_argument("page", type=Path)
    args.add_argument("png", type=Path)
    args.add_argument("--search", default="", help="a name to type into the search box first")
    args.add_argument("--zoom", type=float, help="the scale to show, after the search (1: as drawn)")
    args.add_argument("--pin", nargs="+", default=(), metavar="NAME",
                      help="pin the tooltip of the node called NAME, or of the link between two names")
    opts = args.parse_args()
    ensure_installed()
    screenshot(opts.page, opts.png, opts.search, opts.zoom, tuple(opts.pin))
