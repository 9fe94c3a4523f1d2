"""Fixtures: an app on a fresh SQLite file per test, with or without the demo site."""

from datetime import datetime

import pytest
from sqlalchemy import event

from portal import create_app
from portal.extensions import db


@pytest.fixture
def make_app(tmp_path, monkeypatch):
    """Build an app whose instance folder and database are this test's own."""
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", str(tmp_path / "instance"))

    def build(demo: bool = False, **config):
        settings = {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'portal.sqlite3'}"}
        app = create_app(settings | config)
        with app.app_context():
            db.create_all()
            if demo:
                from portal.demo.loader import load_demo

                load_demo()
        return app

    return build


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


class QueryCounter:
    """Counts the SQL statements run while it is active."""

    def __init__(self, engine):
        self.engine = engine
        self.statements: list[str] = []

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._record)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(demo_app):
    """Use as ``with count_queries() as counter: ...`` to count SQL statements."""
    with demo_app.app_context():
        engine = db.engine
    return lambda: QueryCounter(engine)


@pytest.fixture
def fixed_clock():
    """A settable clock for app.config["CLOCK"]."""

    class Clock:
        moment = datetime(2020, 6, 30, 12, 0)

        def __call__(self) -> datetime:
            return self.moment

    return Clock()
