"""One walk through the published minutes in a real headless Chromium.

Runs `minutebook serve` as a server on a loopback port, then: search the actions table,
open the action found, see its owner and page with the provenance link, and follow the
link to the source PDF; then open a Markdown action's link and see its source line
scrolled into view and highlighted. Needs Debian's /usr/bin/chromium (driven by
Playwright; no browser download). Skipped without it, unless MINUTEBOOK_REQUIRE_BROWSER=1
(as CI sets it), when a missing browser fails the test.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import HALESWORTH, NORTHWOLD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]

REQUIRED = os.environ.get("MINUTEBOOK_REQUIRE_BROWSER") == "1"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not REQUIRED and not os.path.exists(CHROMIUM),
                       reason=f"{CHROMIUM} is not installed (apt-get install chromium)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"minutebook serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture
def server(minutebook_db, tmp_path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "extractor.cli", "serve", str(minutebook_db), "--port", str(port),
         "--host", "127.0.0.1"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/-/versions.json", proc)
        yield base
    except Exception:
        log.seek(0)
        print(log.read())
        raise
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_search_action_and_open_its_source_pdf(server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.set_default_timeout(10_000)
            page.goto(f"{server}/minutebook/actions")
            expect(page.locator("h1")).to_contain_text("actions")

            page.fill('input[name="_search"]', "Anglian")
            page.press('input[name="_search"]', "Enter")
            page.wait_for_url("**_search=Anglian**")
            rows = page.locator("table.rows-and-columns tbody tr")
            expect(rows).to_have_count(1)
            expect(rows.first).to_contain_text("East Anglian Daily Times")

            rows.first.locator("td.col-id a").click()
            page.wait_for_url("**/minutebook/actions/*")
            body = page.locator("body")
            expect(body).to_contain_text("Mike Stephens, Alison Hopkins")  # owners
            link = page.locator("a.minutebook-source")
            expect(link).to_have_text(f"{HALESWORTH.name}, p. 2, line 26")
            href = link.get_attribute("href")
            assert href.startswith("/-/minutebook/source/") and href.endswith("#page=2")

            # Follow the link: the browser gets the imported PDF itself.
            with page.expect_response(lambda r: "/-/minutebook/source/" in r.url) as response_info:
                link.click()
            response = response_info.value
            page.wait_for_url(f"**{href}")  # the PDF opens at the page
            assert response.status == 200
            assert response.headers["content-type"] == "application/pdf"
            fetched = page.request.get(response.url)
            assert fetched.body() == HALESWORTH.read_bytes()

            # A Markdown action: its link opens the file's numbered lines at that line.
            page.goto(f"{server}/minutebook/actions?_search=Glebe")
            link = page.locator("a.minutebook-source")
            expect(link).to_have_text(f"{NORTHWOLD.name}, line 28")
            link.click()
            page.wait_for_url("**/lines#line=28")
            target = page.locator("tr:target")
            expect(target).to_have_count(1)
            expect(target).to_contain_text("28")
            expect(target).to_contain_text("ACTIONS: Clerk to put Glebe Close streetlamp on the May agenda.")
            expect(target).to_be_in_viewport()
            assert target.evaluate("tr => getComputedStyle(tr).backgroundColor") != "rgba(0, 0, 0, 0)"
        finally:
            browser.close()
