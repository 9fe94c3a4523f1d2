"""The demo site, loaded once per test session and copied into each test that asks for it.

Loading the demo (tables, forty articles, their covers and renditions, the sidebar, a year of
visit history) costs several times what a test does with it. What the loader writes depends on
three things only: the database (SQLite or PostgreSQL), the counter store (the invented visit
history goes into SQL tallies, not into Redis) and the site's clock (the history ends today,
rows are stamped with the time); a test fixture may add its own rows to the demo (the
newsroom's accounts), saved as a variant of its own. The first test of each such kind loads the demo as before and
saves it; the next ones get a copy: the SQLite file through SQLite's backup API, the PostgreSQL
rows with ``COPY`` into the session's database (emptied first, as for every test there), and
the uploaded files as hard links.

On PostgreSQL a copied database (``CREATE DATABASE … TEMPLATE``) costs 0.25 s, writing and
syncing the whole catalogue; truncating the tables and copying the demo's 110 kB of rows back,
0.04 s.
"""

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from sqlalchemy.engine import make_url

from portal import clock
from portal.counters import counting
from portal.counters.sql_store import SqlCounterStore
from portal.extensions import db


@dataclass(frozen=True)
class SqliteFile:
    """A copy of a SQLite database file."""

    path: str

    @classmethod
    def take(cls, app: Flask, path: Path) -> "SqliteFile":
        _copy_sqlite(_sqlite_path(app), str(path))
        return cls(str(path))

    def put(self, app: Flask) -> None:
        _copy_sqlite(self.path, _sqlite_path(app))


@dataclass(frozen=True)
class PostgresqlRows:
    """Every table's rows in COPY's text form, and where every sequence stood (None: never used)."""

    tables: dict[str, bytes]
    sequences: dict[str, int | None]

    @classmethod
    def take(cls, app: Flask) -> "PostgresqlRows":
        with app.app_context(), _raw_cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            tables = {}
            for (name,) in cursor.fetchall():
                with cursor.copy(f'COPY "{name}" TO STDOUT') as copy:
                    tables[name] = b"".join(bytes(block) for block in copy)
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")
            return cls(tables, dict(cursor.fetchall()))

    def put(self, app: Flask) -> None:
        """Replace every row of the app's database with these. Triggers are off meanwhile
        (``session_replication_role``): the content version and the search index are rows
        copied like the others, not made again. The rows are deleted, not truncated: TRUNCATE
        makes new files for every table and index, several times the cost of a test's few rows."""
        with app.app_context(), _raw_cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
            for name, rows in self.tables.items():
                cursor.execute(f'DELETE FROM "{name}"')
                if rows:
                    with cursor.copy(f'COPY "{name}" FROM STDIN') as copy:
                        copy.write(rows)
            for name, value in self.sequences.items():
                cursor.execute("SELECT setval(%s, %s, %s)", (name, value or 1, value is not None))


@dataclass(frozen=True)
class Saved:
    """One loaded demo site: its database's content and its uploaded files."""

    database: SqliteFile | PostgresqlRows
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

    def restore(self, app: Flask, variant: str = "") -> bool:
        """Copy the saved demo site of the app's kind into its database (on PostgreSQL, one whose
        tables exist) and its upload folder; False when none is saved yet: the caller then loads
        the demo and calls ``save``."""
        saved = self.saved.get((*self.kind(app), variant))
        if saved is None:
            return False
        saved.database.put(app)
        # Hard links: the portal never rewrites an upload in place (a new file gets a new name).
        shutil.copytree(saved.uploads, app.config["UPLOAD_FOLDER"], dirs_exist_ok=True, copy_function=os.link)
        return True

    def save(self, app: Flask, variant: str = "") -> None:
        """Keep the demo site just loaded into the app's database for the next tests of its kind
        (``variant``: the name of what the test added to the demo, as ``admin_app`` its accounts)."""
        kind, name = (*self.kind(app), variant), f"demo{len(self.saved)}"
        if _is_sqlite(app):
            database = SqliteFile.take(app, self.folder / f"{name}.sqlite3")
        else:
            database = PostgresqlRows.take(app)
        uploads = self.folder / f"{name}-uploads"
        shutil.copytree(app.config["UPLOAD_FOLDER"], uploads)
        self.saved[kind] = Saved(database, uploads)


def _is_sqlite(app: Flask) -> bool:
    return make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name() == "sqlite"


def _sqlite_path(app: Flask) -> str:
    return make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database


@contextmanager
def _raw_cursor() -> Iterator:
    """A psycopg cursor on one of the app's pooled connections, committed at the end."""
    connection = db.engine.raw_connection()
    try:
        yield connection.cursor()
        connection.commit()
    finally:
        connection.close()  # back to the pool, rolled back if not committed


def _copy_sqlite(source: str, target: str) -> None:
    """A consistent copy of a SQLite database, whatever its write-ahead log holds."""
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()
