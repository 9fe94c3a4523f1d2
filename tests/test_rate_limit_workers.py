"""The rating limit on a real gunicorn without Redis: two workers, each restarted every few
requests (max_requests), still allow exactly the limit, because the count is in the database."""

import secrets

import pytest

from tests.gunicorn_server import Visitor, gunicorn_server, reading_paths

# left out of the fast subset (README); its site is SQLite whatever the run: checked once (tests/conftest.py)
pytestmark = [pytest.mark.slow, pytest.mark.own_sqlite]

LIMIT = 6
VOTERS = 10
RESTART_EVERY = 3  # requests per worker before gunicorn replaces it


def test_two_restarting_workers_allow_exactly_the_limit(tmp_path, demo_instance):
    settings = {
        "PORTAL_INSTANCE_PATH": str(tmp_path / "instance"),
        "PORTAL_SECRET_KEY": secrets.token_hex(32),
        "PORTAL_RATING_LIMIT": f"{LIMIT} per 10 minutes",
    }
    demo_instance(settings)
    restarts = ("--max-requests", str(RESTART_EVERY), "--max-requests-jitter", "0")
    with gunicorn_server(settings, tmp_path / "gunicorn.log", options=restarts) as server:
        article = next(path for path in reading_paths(server.url) if path.endswith(".html"))
        statuses = []
        for _ in range(VOTERS):  # each a reader of their own, all from 127.0.0.1
            visitor = Visitor()
            status, action, fields = visitor.rating_form(server.url + article)
            assert status == 200 and action
            statuses.append(visitor.request(server.url + action, fields | {"stars": "4"}, htmx=True)[0])
        log = server.log_text()
    assert statuses == [200] * LIMIT + [429] * (VOTERS - LIMIT)
    assert log.count("Autorestarting worker") >= 4  # the workers were replaced during the votes
