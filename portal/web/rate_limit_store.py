"""Rate-limit counts in the site's own database, for a server without Redis.

Flask-Limiter keeps its counts in a `limits` storage. The memory storage belongs to one worker
and dies with it: two gunicorn workers allowed twice the rating limit, and each restart after
``max_requests`` began it afresh. This storage, ``portal-db://`` (the default; with REDIS_URL,
create_app picks Redis instead), keeps one row per key in ``rate_limit_hits``, counted by one
upsert per hit, so every worker and every restart sees the same count. It serves Flask-Limiter's
fixed-window strategy, the one the portal uses.

Importing this module registers the scheme; create_app does, before Flask-Limiter reads it.
"""

import threading
import time

from limits.storage import Storage
from sqlalchemy import case, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import db
from portal.models import RateLimitHits

TABLE = RateLimitHits.__table__
PRUNE_EVERY = 300.0  # seconds between two deletions of expired rows by one process


class DatabaseStorage(Storage):
    """Fixed windows in the database of the app serving the request (``db.engine``)."""

    STORAGE_SCHEME = ["portal-db"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        self._pruned_at = 0.0
        self._prune_lock = threading.Lock()

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add ``amount`` to the key's window, or start a new window if it has expired; the new count."""
        now = time.time()
        dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
        insert = dialect.insert(TABLE).values(key=key, hits=amount, expires_at=now + expiry)
        expired = TABLE.c.expires_at <= now
        upsert = insert.on_conflict_do_update(
            index_elements=[TABLE.c.key],
            set_={
                "hits": case((expired, insert.excluded.hits), else_=TABLE.c.hits + insert.excluded.hits),
                "expires_at": case((expired, insert.excluded.expires_at), else_=TABLE.c.expires_at),
            },
        ).returning(TABLE.c.hits)
        with db.engine.begin() as connection:
            hits = connection.execute(upsert).scalar_one()
        self._prune(now)
        return hits

    def get(self, key: str) -> int:
        query = select(TABLE.c.hits).where(TABLE.c.key == key, TABLE.c.expires_at > time.time())
        with db.engine.connect() as connection:
            return connection.execute(query).scalar() or 0

    def get_expiry(self, key: str) -> float:
        now = time.time()
        query = select(TABLE.c.expires_at).where(TABLE.c.key == key, TABLE.c.expires_at > now)
        with db.engine.connect() as connection:
            return connection.execute(query).scalar() or now

    def check(self) -> bool:
        try:
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int:
        with db.engine.begin() as connection:
            return connection.execute(delete(TABLE)).rowcount

    def clear(self, key: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(delete(TABLE).where(TABLE.c.key == key))

    def _prune(self, now: float) -> None:
        """Delete expired windows now and then: their keys start afresh anyway."""
        with self._prune_lock:
            if now - self._pruned_at < PRUNE_EVERY:
                return
            self._pruned_at = now
        with db.engine.begin() as connection:
            connection.execute(delete(TABLE).where(TABLE.c.expires_at <= now))
