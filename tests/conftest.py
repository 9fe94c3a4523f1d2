"""Fixtures: an app on a fresh database per test (SQLite, or PostgreSQL when configured), with or
without the demo site."""

from datetime import datetime

import pytest
from sqlalchemy import text

from portal import create_app
from portal.extensions import db
from tests.helpers import ADMIN_PASSWORD, AdminBrowser
from tests.real_services import (
    TEST_DATABASE_URL,
    TEST_REDIS_URL,
    delete_redis_keys,
    redis_key_prefix,
    require_postgresql,
    throwaway_postgresql_database,
)


@pytest.fixture
def make_app(tmp_path, monkeypatch, request):
    """Build an app whose instance folder and database are this test's own.

    The database is a fresh SQLite file, or, with PORTAL_TEST_DATABASE_URL, the session's
    PostgreSQL database emptied for this test; with PORTAL_TEST_REDIS_URL the app's rate
    limits and cache live in Redis under a key prefix of the test's own."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / "instance"))
    built = []
    services = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'portal.sqlite3'}"}
    if TEST_DATABASE_URL:
        services["SQLALCHEMY_DATABASE_URI"] = request.getfixturevalue("postgresql_session_database")
    if TEST_REDIS_URL:
        services |= {"REDIS_URL": TEST_REDIS_URL, "REDIS_KEY_PREFIX": redis_key_prefix()}

    def build(demo: bool = False, **config):
        # The test client's default host is "localhost": the site's address, as PORTAL_SITE_URL is in production.
        app = create_app({"TESTING": True, "SITE_URL": "http://localhost"} | services | config)
        with app.app_context():
            db.create_all()
            if not built and db.engine.dialect.name == "postgresql":
                empty_all_tables()
            built.append(app)
            if demo:
                from portal.demo.loader import load_demo

                load_demo()
        return app

    yield build
    for app in built:
        with app.app_context():
            for engine in db.engines.values():
                engine.dispose()  # a server has only so many connections for the whole session
    if TEST_REDIS_URL:
        delete_redis_keys(TEST_REDIS_URL, services["REDIS_KEY_PREFIX"])


def empty_all_tables() -> None:
    """The PostgreSQL counterpart of a fresh SQLite file: no rows, sequences back at 1."""
    tables = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
    db.session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    db.session.commit()


@pytest.fixture(scope="session")
def postgresql_session_database():
    """One throwaway PostgreSQL database for the whole session (each test empties it)."""
    with throwaway_postgresql_database(require_postgresql()) as url:
        yield url


@pytest.fixture
def app(make_app):
    """An app with the schema and no content."""
    return make_app()


@pytest.fixture
def demo_app(make_app):
    """An app with the demo site loaded."""
    return make_app(demo=True)


@pytest.fixture
def client(demo_app):
    return demo_app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def fixed_clock():
    """A settable clock for app.config["CLOCK"]."""

    class Clock:
        moment = datetime(2020, 6, 30, 12, 0)

        def __call__(self) -> datetime:
            return self.moment

    return Clock()


# --------------------------------------------------------------------------- admin (issue 5)

@pytest.fixture
def admin_app(make_app):
    """The demo site with a quản trị ("quantri") and a biên tập viên ("bientap") account."""
    from portal.models import Role
    from portal.services.accounts import create_user

    app = make_app(demo=True, PASSWORD_HASH_PROFILE="CHEAPEST")  # argon2id, fast parameters
    with app.app_context():
        create_user("quantri", ADMIN_PASSWORD, Role.ADMIN)
        create_user("bientap", ADMIN_PASSWORD, Role.EDITOR)
    return app


@pytest.fixture
def admin(admin_app):
    """Signed in as quản trị."""
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("quantri").status_code == 302
    return browser


@pytest.fixture
def editor(admin_app):
    """Signed in as biên tập viên."""
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("bientap").status_code == 302
    return browser
