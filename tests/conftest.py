"""Fixtures: an app on a fresh database per test (SQLite, or PostgreSQL when configured), with or
without the demo site."""

import shutil
from collections.abc import Callable
from datetime import datetime

import pytest
from flask import Flask
from jinja2.bccache import Bucket, BytecodeCache
from sqlalchemy import text
from werkzeug.routing import Rule

from portal import create_app
from portal.extensions import db
from tests.demo_sites import DemoSites
from tests.helpers import ADMIN_PASSWORD, EDITOR_CATEGORIES, TOTP_SECRET, WRITER_CATEGORIES, AdminBrowser
from tests.real_services import (
    TEST_DATABASE_URL,
    TEST_REDIS_URL,
    delete_redis_keys,
    redis_key_prefix,
    require_postgresql,
    throwaway_postgresql_database,
)


class SessionBytecodeCache(BytecodeCache):
    """Templates compiled once per test session rather than once per app: every test builds an
    app, and compiling its templates took a third of a simple test's time. Jinja checks each
    template's source checksum, so an edited template is compiled again."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = SessionBytecodeCache()


def _compile_url_builders_once() -> None:
    """Werkzeug compiles a URL builder for every rule of every app (Python source through
    ``compile``): half of ``create_app``'s time, in a suite that builds an app per test. The
    builder depends only on the rule's text, its defaults and ``append_unknown`` (converters are
    looked up through the rule when it runs), so the tests compile each one once."""
    compiled: dict[tuple, Callable] = {}
    compile_builder = Rule._compile_builder

    def once(self: Rule, append_unknown: bool = True) -> Callable:
        key = (self.rule, tuple(self._trace), repr(sorted((self.defaults or {}).items())), append_unknown)
        if key not in compiled:
            compiled[key] = compile_builder(self, append_unknown)
        return compiled[key]

    Rule._compile_builder = once


_compile_url_builders_once()


def pytest_collection_modifyitems(items):
    """With PORTAL_TEST_DATABASE_URL, the tests marked ``own_sqlite`` would only repeat the SQLite
    run (.ci/run runs both), and those marked ``ui_only`` check in a browser what the HTTP tests
    check on this database: both are skipped, saying so."""
    if TEST_DATABASE_URL:
        repeated = pytest.mark.skip(reason="the same whatever the run's database (a SQLite site of its own, or none): checked once, in the SQLite run")
        ui_only = pytest.mark.skip(reason="what a person sees and does, checked in the SQLite run; the HTTP tests check its database work here")
        for item in items:
            if item.get_closest_marker("own_sqlite"):
                item.add_marker(repeated)
            elif item.get_closest_marker("ui_only"):
                item.add_marker(ui_only)


@pytest.fixture(scope="session")
def demo_instance(tmp_path_factory) -> Callable[[dict[str, str]], None]:
    """Put the demo site, in SQLite, into the instance folder that ``settings`` name, for a
    server started from the command line: `flask db upgrade` and `portal demo` run once per
    session, as a webmaster runs them, and each test gets a copy of what they made."""
    from tests.gunicorn_server import flask_command

    template = tmp_path_factory.mktemp("demo-instance") / "instance"

    def copy_into(settings: dict[str, str]) -> None:
        if not template.exists():  # made beside it and moved in whole: a failed command leaves no half site
            draft = template.with_name("draft")
            flask_command({"PORTAL_INSTANCE_PATH": str(draft)}, "db", "upgrade")
            flask_command({"PORTAL_INSTANCE_PATH": str(draft)}, "portal", "demo")
            draft.rename(template)
        shutil.copytree(template, settings["PORTAL_INSTANCE_PATH"], dirs_exist_ok=True)

    return copy_into


@pytest.fixture
def make_app(tmp_path, monkeypatch, request, demo_sites):
    """Build an app whose instance folder and database are this test's own.

    The database is a fresh SQLite file, or, with PORTAL_TEST_DATABASE_URL, the session's
    PostgreSQL database emptied for this test; with PORTAL_TEST_REDIS_URL the app's rate
    limits live in Redis under a key prefix of the test's own. ``demo=True`` in the first app
    of a test gives it a copy of the session's demo site (tests/demo_sites.py). Later apps of
    the same test share the first one's database, as the workers of one site do."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / "instance"))
    built = []
    services = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'portal.sqlite3'}"}
    if TEST_REDIS_URL:
        services |= {"REDIS_URL": TEST_REDIS_URL, "REDIS_KEY_PREFIX": redis_key_prefix()}

    def build(demo: bool | Callable[[Flask], None] = False, **config):
        """``demo``: True for the demo site, or a function that adds to it (saved with it)."""
        copied = demo and not built and not config.keys() & {"SQLALCHEMY_DATABASE_URI", "DATABASE_URL"}
        if TEST_DATABASE_URL and not built:
            services["SQLALCHEMY_DATABASE_URI"] = request.getfixturevalue("postgresql_session_database")
        # The test client's default host is "localhost": the site's address, as PORTAL_SITE_URL is in production.
        app = create_app({"TESTING": True, "SITE_URL": "http://localhost"} | services | config)
        app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
        first = not built
        built.append(app)
        variant = getattr(demo, "__name__", "")
        if copied and demo_sites.restore(app, variant):
            return app
        with app.app_context():
            db.create_all()
            if first and db.engine.dialect.name == "postgresql":
                empty_all_tables()
            if demo:
                from portal.demo.loader import load_demo

                load_demo()
        if callable(demo) and first:
            demo(app)
        if copied:
            demo_sites.save(app, variant)
        return app

    yield build
    for app in built:
        with app.app_context():
            for engine in db.engines.values():
                engine.dispose()  # a server has only so many connections for the whole session
    if TEST_REDIS_URL:
        delete_redis_keys(TEST_REDIS_URL, services["REDIS_KEY_PREFIX"])


@pytest.fixture(scope="session")
def demo_sites(tmp_path_factory):
    """The demo site of each kind, loaded once in this session (tests/demo_sites.py)."""
    return DemoSites(tmp_path_factory.mktemp("demo-sites"))


def empty_all_tables() -> None:
    """The PostgreSQL counterpart of a fresh SQLite file: no rows, sequences back at 1. Deleted
    rather than truncated, as the demo's copy is (tests/demo_sites.py): a test has few rows."""
    db.session.execute(text("SET LOCAL session_replication_role = replica"))  # any order, whatever the keys
    for table in db.metadata.sorted_tables:
        db.session.execute(table.delete())
    sequences = db.session.execute(text("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"))
    for (name,) in sequences.all():
        db.session.execute(text("SELECT setval(:name, 1, false)"), {"name": name})
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

def add_newsroom_accounts(app) -> None:
    """The newsroom's accounts (issue 16) on the demo site: a quản trị ("quantri", with
    two-factor sign-in on TOTP_SECRET, which AdminBrowser.sign_in answers), a biên tập viên
    ("bientap") who approves in EDITOR_CATEGORIES and a phóng viên ("phongvien") who writes in
    WRITER_CATEGORIES (category slugs of the demo site)."""
    from portal import clock
    from portal.models import Category, Role
    from portal.services import two_factor
    from portal.services.accounts import create_user

    with app.app_context():
        ids = dict(db.session.execute(db.select(Category.slug, Category.id)).all())
        webmaster = create_user("quantri", ADMIN_PASSWORD, Role.ADMIN, display_name="Quản trị viên")
        two_factor.enable(webmaster, TOTP_SECRET, clock.now(), actor=None)  # required for quản trị
        create_user("bientap", ADMIN_PASSWORD, Role.EDITOR, display_name="Biên tập viên",
                    category_ids=[ids[slug] for slug in EDITOR_CATEGORIES])  # fmt: skip
        create_user("phongvien", ADMIN_PASSWORD, Role.WRITER, display_name="Phóng viên",
                    category_ids=[ids[slug] for slug in WRITER_CATEGORIES])  # fmt: skip


@pytest.fixture
def admin_app(make_app):
    """The demo site with the newsroom's accounts (``add_newsroom_accounts``), saved with them
    for the next test as the demo itself is (tests/demo_sites.py)."""
    return make_app(demo=add_newsroom_accounts, PASSWORD_HASH_PROFILE="CHEAPEST")  # argon2id, fast parameters


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


@pytest.fixture
def writer(admin_app):
    """Signed in as phóng viên."""
    browser = AdminBrowser(admin_app.test_client())
    assert browser.sign_in("phongvien").status_code == 302
    return browser
