"""The Nu HTML Checker (vnu.jar) finds no error on any page.

`make test` fetches the pinned checker from the npm registry and passes its path in
VNU_JAR; run alone, the test looks for it under .venv/ and says how to get it.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ADMIN_PASSWORD, AdminBrowser
from tests.quality_pages import PAGES, WEBMASTER, quality_site, resolve

pytestmark = pytest.mark.own_sqlite  # its site is SQLite whatever the run: checked once (tests/conftest.py)

ROOT = Path(__file__).resolve().parent.parent


def _checker() -> Path:
    found = [Path(os.environ["VNU_JAR"])] if os.environ.get("VNU_JAR") else sorted(ROOT.glob(".venv/vnu-*/vnu.jar"))
    if not found or not found[-1].is_file():
        message = "vnu.jar is missing: `make test` fetches it with npm (npm pack vnu-jar)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found[-1]


@pytest.fixture(scope="module")
def checker_errors(tmp_path_factory):
    """Render every page once, check them all in one run of the checker; errors by page name."""
    jar = _checker()
    if not shutil.which("java"):
        pytest.skip("Java is missing (apt-get install default-jre-headless; .ci/run does it)")
    folder = tmp_path_factory.mktemp("html")
    with quality_site(folder) as app:
        client = app.test_client()
        AdminBrowser(client).sign_in(WEBMASTER, ADMIN_PASSWORD)  # the visitor's pages read no session
        files = {}
        for name in PAGES:
            files[name] = folder / f"{name}.html"
            files[name].write_bytes(client.get(resolve(app, name)).data)
    run = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    messages = json.loads(run.stdout)["messages"]
    errors = {name: [] for name in files}
    for message in messages:
        if message["type"] in ("error", "non-document-error") or message.get("subType") == "fatal":
            name = Path(message.get("url", "").removeprefix("file:")).stem
            errors.setdefault(name, []).append(f"{message.get('lastLine', '?')}: {message['message']}")
    return errors


@pytest.mark.parametrize("name", PAGES)
def test_page_is_valid_html(checker_errors, name):
    assert checker_errors[name] == []


def test_the_checker_does_find_errors(tmp_path):
    """The checker really runs: a broken page is reported."""
    jar = _checker()
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="vi"><title>x</title><p><div hx-get="/x"></p>')
    run = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--stdout", str(broken)],
                         capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert any(m["type"] == "error" for m in json.loads(run.stdout)["messages"])
