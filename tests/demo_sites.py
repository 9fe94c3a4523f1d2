"""The demo site, loaded once per test session and copied into each test that asks for it.

Loading the demo (tables, forty articles, their covers and renditions, the sidebar, a year of
visit history) costs several times what a test does with it. What the loader writes depends on
three things only: the database (SQLite or PostgreSQL), the counter store (the invented visit
history goes into SQL tallies, not into Redis) and the site's clock (the history ends today,
rows are stamped with the time). The first test of each such kind loads the demo as before and saves it; the
next ones get a copy: the SQLite file through SQLite's backup API, the PostgreSQL database with
``CREATE DATABASE … TEMPLATE``, and the uploaded files as hard links.
"""

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from sqlalchemy.engine import make_url

from portal import clock
from portal.counters import counting
from portal.counters.sql_store import SqlCounterStore
from portal.extensions import db
from tests.real_services import TEST_DATABASE_URL, create_database, database_beside, drop_database


@dataclass(frozen=True)
class Saved:
    """One loaded demo site: its database (a SQLite file, or a PostgreSQL template database's URL)
    and its uploaded files."""

    database: str
    uploads: Path


class DemoSites:
    """The demo sites saved in this session, one per kind (see the module's docstring)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.saved: dict[tuple, Saved] = {}

    @staticmethod
    def kind(app: Flask) -> tuple:
        """What the loader's writes depend on. Rows are stamped with the clock's time: a test's
        own clock (CLOCK) must be at the very moment, the real one on the same day."""
        with app.app_context():
            moment = clock.now()
            when = moment if app.config.get("CLOCK") else moment.date()
            return db.engine.dialect.name, isinstance(counting.store(), SqlCounterStore), when

    def restore(self, app: Flask) -> bool:
        """Copy the saved demo site of the app's kind into its database, which must not exist yet
        on PostgreSQL, and into its upload folder; False when none is saved yet: the caller then
        loads the demo and calls ``save``."""
        saved = self.saved.get(self.kind(app))
        if saved is None:
            return False
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        if _is_sqlite(url):
            _copy_sqlite(saved.database, make_url(url).database)
        else:
            create_database(url, template=make_url(saved.database).database)
        # Hard links: the portal never rewrites an upload in place (a new file gets a new name).
        shutil.copytree(saved.uploads, app.config["UPLOAD_FOLDER"], dirs_exist_ok=True, copy_function=os.link)
        return True

    def save(self, app: Flask) -> None:
        """Keep the demo site just loaded into the app's database for the next tests of its kind."""
        kind, name = self.kind(app), f"demo{len(self.saved)}"
        with app.app_context():
            for engine in db.engines.values():
                engine.dispose()  # a PostgreSQL template must have no open connection
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        if _is_sqlite(url):
            database = str(self.folder / f"{name}.sqlite3")
            _copy_sqlite(make_url(url).database, database)
        else:
            database = database_beside(TEST_DATABASE_URL)
            create_database(database, template=make_url(url).database)
        uploads = self.folder / f"{name}-uploads"
        shutil.copytree(app.config["UPLOAD_FOLDER"], uploads)
        self.saved[kind] = Saved(database, uploads)

    def drop(self) -> None:
        """Drop the PostgreSQL template databases."""
        for saved in self.saved.values():
            if not _is_sqlite(saved.database):
                drop_database(saved.database)


def _is_sqlite(database: str) -> bool:
    return database.startswith("sqlite") or database.endswith(".sqlite3")


def _copy_sqlite(source: str, target: str) -> None:
    """A consistent copy of a SQLite database, whatever its write-ahead log holds."""
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()
