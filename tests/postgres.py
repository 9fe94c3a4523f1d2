"""A throwaway PostgreSQL database for tests, on the server PORTAL_TEST_DATABASE_URL names."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from sqlalchemy import create_engine, make_url, text

from portal.extensions import db


@contextmanager
def throwaway_database() -> Iterator[str]:
    """Create a database with a random name, yield its URL, drop it afterwards.
    Skips the test, saying why, when no server is configured."""
    server = os.environ.get("PORTAL_TEST_DATABASE_URL")
    if not server:
        pytest.skip("PORTAL_TEST_DATABASE_URL is not set: no PostgreSQL server to test against")
    server_url = make_url(server).set(drivername="postgresql+psycopg")
    name = f"portal_test_{secrets.token_hex(6)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def demo_app_on(kind: str, make_app, **config) -> Iterator[Flask]:
    """The demo site on a SQLite file (``kind`` "sqlite") or on a throwaway PostgreSQL
    database ("postgresql"), so one test can check both engines."""
    if kind == "sqlite":
        yield make_app(demo=True, **config)
        return
    with throwaway_database() as database:
        app = make_app(demo=True, SQLALCHEMY_DATABASE_URI=database, **config)
        try:
            yield app
        finally:
            with app.app_context():
                db.engine.dispose()
