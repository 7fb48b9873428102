"""The live preview: edit a guide, the served page changes; a bad save shows its error and the
server keeps serving the last good build; the next good save recovers."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.helpers import ROOT, make_site_root

GUIDE = "content/guides/how-much-fits.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the dev server")


@pytest.fixture
def dev_server(tmp_path):
    root = make_site_root(tmp_path)
    port = free_port()
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from site_builder.serve import serve; serve(Path(sys.argv[2]), Path(sys.argv[3]), "
        "int(sys.argv[4]))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(ROOT), str(root), str(tmp_path / "dist"), str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: _up(base))
        yield root, base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _up(base):
    try:
        return fetch(base)[0] == 200
    except OSError:
        return False


def test_edit_rebuilds_and_errors_show_then_recover(dev_server):
    root, base = dev_server
    page = base + "guides/how-much-fits/"
    status, html = fetch(page)
    assert status == 200 and '<script src="/__dev/reload.js"></script>' in html
    first_version = json.loads(fetch(base + "__dev/state")[1])["version"]

    guide = root / GUIDE
    text = guide.read_text()
    guide.write_text(
        text.replace("## ", "Freshly edited paragraph for the preview test.\n\n## ", 1)
    )
    wait_for(lambda: "Freshly edited paragraph" in fetch(page)[1])
    assert json.loads(fetch(base + "__dev/state")[1])["version"] > first_version

    guide.write_text(guide.read_text() + "\n::: calculator no-such-calculator\n:::\n")
    state = wait_for(
        lambda: (
            json.loads(fetch(base + "__dev/state")[1])
            if "no-such-calculator" in fetch(base + "__dev/state")[1]
            else None
        )
    )
    assert (
        f"{GUIDE}:" in state["error"]
        and "unknown calculator 'no-such-calculator'" in state["error"]
    )
    status, html = fetch(page)
    assert (
        status == 200 and "Freshly edited paragraph" in html
    )  # the last good build is still served

    guide.write_text(text.replace("## ", "Recovered after the fix.\n\n## ", 1))
    wait_for(lambda: "Recovered after the fix" in fetch(page)[1])
    assert json.loads(fetch(base + "__dev/state")[1])["error"] == ""


def test_the_build_error_page_shows_markup_as_text(dev_server):
    root, base = dev_server
    guide = root / GUIDE
    guide.write_text(
        guide.read_text().replace("order: 3", "order: 3\n'<img src=x onerror=alert(1)>': 1", 1)
    )
    wait_for(lambda: "onerror" in json.loads(fetch(base + "__dev/state")[1])["error"])
    status, html = fetch(base + "no-such-page/")
    assert status == 500
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html


@pytest.mark.parametrize("path", ["a%00b/", "x" * 5000 + "/"])
def test_a_path_the_file_system_refuses_gets_an_answer(dev_server, path):
    _, base = dev_server
    status, _ = fetch(base + path)
    assert status in (400, 404)
