"""Extensions, created unbound here and bound to the app in create_app."""

import sqlite3

from flask_compress import Compress
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from htmx_flask import Htmx
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

from portal.web.visitor import hashed_client_address


class Base(DeclarativeBase):
    """Declarative base shared by every model. Constraints get predictable names so
    migrations can alter them, SQLite's batch mode included."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
htmx = Htmx()
# Storage and options come from the config (RATELIMIT_*): the database or Redis, see create_app.
# Limits are set per route (the rating widget's RATING_LIMIT), keyed on the hashed client address.
limiter = Limiter(hashed_client_address)
login_manager = LoginManager()
compress = Compress()  # gzip/brotli/zstd for HTML, CSS and JS when no proxy does it


@event.listens_for(Engine, "connect")
def _tune_sqlite(dbapi_connection, connection_record) -> None:
    """SQLite only: write-ahead log so readers never wait for writers, a busy timeout
    so concurrent writers queue instead of failing, and enforced foreign keys."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
