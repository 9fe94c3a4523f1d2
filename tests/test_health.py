"""/healthz: the database's and Redis's state as JSON; 503 without a database."""

import pytest

from portal import create_app
from portal.extensions import db
from portal.web.visitor import COOKIE_NAME
from tests.real_services import TEST_DATABASE_URL, TEST_REDIS_URL, free_port


def test_healthy(app):
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "no-store"
    body = response.json
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok" and body["database"]["latency_ms"] >= 0
    assert body["redis"]["status"] == ("ok" if TEST_REDIS_URL else "not configured")


def test_suite_runs_on_the_configured_database(app):
    """Guards the harness: with PORTAL_TEST_DATABASE_URL every test's app is on PostgreSQL."""
    with app.app_context():
        assert db.engine.dialect.name == ("postgresql" if TEST_DATABASE_URL else "sqlite")


def test_health_check_is_no_visit(app):
    """No visitor cookie: a load balancer polling /healthz is not a reader (the counters skip
    the path too)."""
    client = app.test_client()
    response = client.get("/healthz")
    assert not response.headers.getlist("Set-Cookie")
    assert client.get_cookie(COOKIE_NAME) is None


@pytest.fixture
def app_on(tmp_path, monkeypatch):
    """An app on the given database and Redis URLs, built without touching either."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path))
    return lambda database, redis=None: create_app({"SQLALCHEMY_DATABASE_URI": database, "REDIS_URL": redis})


@pytest.mark.parametrize(
    "unreachable",
    ["sqlite:////khong-co-thu-muc/portal.sqlite3", "postgresql+psycopg://portal@127.0.0.1:{port}/portal"],
    ids=["sqlite-missing-folder", "postgresql-closed-port"],
)
def test_database_unreachable_is_503(app_on, unreachable):
    response = app_on(unreachable.format(port=free_port())).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["status"] == "unavailable"
    assert response.json["database"] == {"status": "unavailable", "error": "OperationalError"}
    assert response.headers["Cache-Control"] == "no-store"


def test_redis_unreachable_is_degraded_but_serving(app_on, tmp_path):
    app = app_on(f"sqlite:///{tmp_path}/portal.sqlite3", f"redis://127.0.0.1:{free_port()}/0")
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "degraded"
    assert response.json["database"]["status"] == "ok"
    assert response.json["redis"] == {"status": "unavailable", "error": "ConnectionError"}
