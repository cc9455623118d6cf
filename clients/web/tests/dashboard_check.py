#!/usr/bin/env python3
"""Drives the dashboard in headless Chromium (Selenium) against a running `autoengine serve`.

Run by Tests/AutoEngineAPITests/ClientProcessTests.swift; also by hand:

    AUTOENGINE_API_TOKEN=dev-token swift run autoengine serve &
    .venv/bin/python clients/web/tests/dashboard_check.py --url http://127.0.0.1:8000/ --token dev-token

Checks, each printed as `ok: …` when it holds (exit 1 with `FAILED: …` otherwise): the table
fills with 40 rows that have prices; a price cell changes without a reload; a row opens the
detail panel (sparkline drawn, indicators, fired strategies); the connection indicator says live;
starting autobuy without a token shows the server's error, with the token it starts; the page is
usable at phone width; no console errors; with --await-restart, the indicator counts the
reconnect after whoever runs the check restarts the server on the same port. Saves screenshots (desktop and phone) next to --screenshot.
"""

import argparse
import json
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


class CheckFailed(Exception):
    pass


def wait(driver, seconds, condition, what):
    """Polls `condition(driver)` until it returns something truthy; fails naming `what`."""
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.2).until(condition)
    except TimeoutException:
        raise CheckFailed(f"{what} (waited {seconds} s)") from None


def price_texts(driver):
    return driver.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('#coins tbody tr')]"
        ".map(r => [r.dataset.symbol, r.querySelector('td.price').textContent]))"
    )


def start_driver(arguments):
    options = webdriver.ChromeOptions()
    options.binary_location = arguments.chromium
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=arguments.chromedriver), options=options)


def send_action(driver, button_id, token):
    driver.find_element(By.ID, button_id).click()
    wait(driver, 10, lambda d: d.execute_script("return document.getElementById('token-dialog').open"), "the token dialog opens")
    field = driver.find_element(By.ID, "token-input")
    field.clear()
    if token:
        field.send_keys(token)
    driver.find_element(By.ID, "token-send").click()


def run(driver, arguments):
    screenshot = Path(arguments.screenshot)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    driver.get(arguments.url)
    driver.execute_script("window.__notReloaded = true")

    # 1. The table fills with 40 rows, each with a price.
    wait(
        driver, 60,
        lambda d: d.execute_script(
            "const rows = document.querySelectorAll('#coins tbody tr');"
            "return rows.length === 40 && [...rows].every(r => r.querySelector('td.price').textContent !== '—')"
        ),
        "the table shows 40 coins with prices",
    )
    print("ok: 40 rows with prices", flush=True)

    # The stale badges show exactly the coins the server calls stale.
    def badges_match(d):
        states = json.load(urllib.request.urlopen(urljoin(arguments.url, "/api/coinstate"), timeout=10))["states"]
        stale = sorted(s["symbol"] for s in states if s.get("freshness", {}).get("stale"))
        shown = sorted(d.execute_script(
            "return [...document.querySelectorAll('#coins tbody tr')]"
            ".filter(r => r.querySelector('.badge').offsetParent !== null).map(r => r.dataset.symbol)"
        ))
        return (stale,) if stale == shown else None
    stale = wait(driver, 30, badges_match, "the stale badges match the server's stale coins")[0]
    print(f"ok: stale badges on {len(stale)} coins, as the server says", flush=True)

    # 2. A price cell changes, pushed by the stream (the page is not reloaded).
    before = price_texts(driver)
    started = time.monotonic()
    changed = wait(
        driver, arguments.change_within,
        lambda d: next(((s, before[s], t) for s, t in price_texts(d).items() if before.get(s) not in (None, t)), None),
        "a price cell changes",
    )
    if not driver.execute_script("return window.__notReloaded === true"):
        raise CheckFailed("the page was reloaded")
    print(f"ok: price of {changed[0]} changed {changed[1]} -> {changed[2]} after {time.monotonic() - started:.1f} s without reload", flush=True)

    # 3. The connection indicator says live.
    wait(driver, 10, lambda d: "live" in d.find_element(By.ID, "connection").get_attribute("class"), "the connection indicator is live")
    print(f"ok: connection indicator: {driver.find_element(By.ID, 'connection-text').text}", flush=True)

    # 4. A row opens the detail panel with a drawn sparkline, indicators and the fired strategies.
    symbol = arguments.symbol
    driver.find_element(By.CSS_SELECTOR, f"#coins tbody tr[data-symbol='{symbol}']").click()
    wait(driver, 10, lambda d: d.find_element(By.ID, "detail").is_displayed(), "the detail panel opens")
    wait(driver, 10, lambda d: symbol in d.find_element(By.ID, "detail-symbol").text, "the detail panel names the coin")
    wait(
        driver, 20,
        lambda d: d.find_element(By.ID, "detail-strategies").text not in ("", "…"),
        "the detail panel lists the strategies that fired",
    )
    # The sparkline is a line once it has two prices (a fresh server's history has one a minute,
    # so the page draws the prices it received until then; the panel redraws on each update).
    wait(
        driver, 60,
        lambda d: int(d.find_element(By.ID, "sparkline").get_attribute("data-points") or 0) >= 2,
        "the sparkline has two prices to draw",
    )
    indicators = len(driver.find_elements(By.CSS_SELECTOR, "#detail-indicators dt"))
    painted = driver.execute_script(
        "const c = document.getElementById('sparkline');"
        "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n"
    )
    if indicators < 10 or painted == 0:
        raise CheckFailed(f"the detail panel lacks indicators ({indicators}) or a drawn sparkline ({painted} pixels)")
    strategies = driver.find_element(By.ID, "detail-strategies").text.splitlines()[0]
    points = driver.find_element(By.ID, "sparkline").get_attribute("data-points")
    print(
        f"ok: detail panel of {symbol}: {indicators} indicators, sparkline of {points} prices "
        f"({painted} pixels), strategies: {strategies}",
        flush=True,
    )
    driver.save_screenshot(str(screenshot))

    # 5. Starting autobuy without a token shows the server's error.
    send_action(driver, "btn-autobuy-start", "")
    wait(
        driver, 15,
        lambda d: "UNAUTHENTICATED" in d.find_element(By.ID, "action-result").text
        and "error" in d.find_element(By.ID, "action-result").get_attribute("class"),
        "starting autobuy without a token shows the error",
    )
    print(f"ok: without a token: {driver.find_element(By.ID, 'action-result').text}", flush=True)

    # 6. With the token it starts, and the trading card says so.
    if arguments.token:
        send_action(driver, "btn-autobuy-start", arguments.token)
        wait(
            driver, 15,
            lambda d: "autobuy started" in d.find_element(By.ID, "action-result").text.lower(),
            "starting autobuy with the token succeeds",
        )
        wait(driver, 15, lambda d: "running" in d.find_element(By.ID, "trading-status").text, "the trading card shows autobuy running")
        print(f"ok: with the token: {driver.find_element(By.ID, 'action-result').text}", flush=True)

    # 7. Phone width (a 390 × 844 phone, emulated: a headless window cannot be that narrow): the
    # page does not scroll sideways (the table scrolls inside its box) and the panel stays open.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    )
    fits = "return window.innerWidth === 390 && document.documentElement.scrollWidth <= 390"
    try:
        wait(driver, 10, lambda d: d.execute_script(fits), "the page fits a phone-width screen")
    except CheckFailed:
        wide = driver.execute_script(
            "return [...document.querySelectorAll('body *')].filter(e => !e.closest('table')"
            " && e.getBoundingClientRect().right > 391).map(e => `${e.tagName}#${e.id}.${e.className}`).slice(0, 8)"
        )
        raise CheckFailed(f"the page is wider than a phone: {wide}") from None
    if not driver.find_element(By.ID, "detail").is_displayed():
        raise CheckFailed("the detail panel is hidden at phone width")
    phone = screenshot.with_name(screenshot.stem + "-phone" + screenshot.suffix)
    driver.save_screenshot(str(phone))
    print(f"ok: fits 390 px wide; screenshots {screenshot} and {phone}", flush=True)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # 8. No script errors in the console (the refused call's 401 is expected).
    errors = [
        entry["message"] for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "status of 401" not in entry["message"]
    ]
    if errors:
        raise CheckFailed("console errors: " + "; ".join(errors))
    print("ok: no console errors", flush=True)

    # 9. When the server restarts, the stream reconnects and the indicator counts it.
    if arguments.await_restart:
        driver.execute_script("window.__notReloaded = true")
        print("waiting: restart the server now", flush=True)
        wait(
            driver, arguments.restart_within,
            lambda d: "live" in d.find_element(By.ID, "connection").get_attribute("class")
            and "1 reconnect" in d.find_element(By.ID, "connection-text").text
            and len(d.find_elements(By.CSS_SELECTOR, "#coins tbody tr")) == 40,
            "the indicator shows one reconnect after the server restarted",
        )
        if not driver.execute_script("return window.__notReloaded === true"):
            raise CheckFailed("the page was reloaded")
        print(f"ok: after the restart: {driver.find_element(By.ID, 'connection-text').text}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the dashboard, e.g. http://127.0.0.1:8000/")
    parser.add_argument("--token", default="", help="the server's API token (the authorised start is checked when given)")
    parser.add_argument("--symbol", default="BTC-USD", help="the coin whose detail panel is opened")
    parser.add_argument("--change-within", type=float, default=15, help="seconds within which a price must change")
    parser.add_argument("--screenshot", default=".build/dashboard.png")
    parser.add_argument(
        "--await-restart", action="store_true",
        help="at the end, print 'waiting: restart the server now' and expect the stream to reconnect",
    )
    parser.add_argument("--restart-within", type=float, default=120, help="seconds the restart may take")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    arguments = parser.parse_args()
    driver = start_driver(arguments)
    try:
        run(driver, arguments)
    except CheckFailed as failure:
        try:
            driver.save_screenshot(str(Path(arguments.screenshot).with_name("dashboard-failure.png")))
        except Exception:  # noqa: BLE001 - the screenshot is a courtesy
            pass
        print(f"FAILED: {failure}", flush=True)
        return 1
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
