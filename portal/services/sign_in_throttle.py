"""Sign-in throttling that holds under concurrency and cannot lock the owner out.

Three counters per try, all in ``sign_in_throttle``:

- the pair (account, address): tight, a hard wait once ``pair_limit`` failures are reached;
- the address: looser, so colleagues behind one office address still sign in to their own
  accounts after one of them is throttled, while one address cannot try many names;
- the account: loose, never a hard lock; past ``account_free`` failures each further try waits a
  delay that doubles up to ``account_max_delay``, so guessing from many addresses is slow and a
  stranger who knows the name cannot keep the webmaster out.

A try is counted *before* its password is checked, in one transaction holding the rows' locks
(BEGIN IMMEDIATE on SQLite, SELECT … FOR UPDATE on PostgreSQL), so at most ``pair_limit``
passwords are ever checked per window however many requests arrive at once. A success gives
the try back.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from portal.extensions import db
from portal.models import SignInThrottle

TABLE = SignInThrottle.__table__


@dataclass(frozen=True)
class Throttle:
    pair_limit: int
    address_limit: int
    account_free: int
    account_max_delay: timedelta
    window: timedelta


@dataclass(frozen=True)
class Keys:
    account: str
    address: str

    @property
    def pair(self) -> str:
        return f"pair:{self.account}|{self.address}"

    def all(self) -> list[str]:
        return sorted([self.account, self.address, self.pair])  # one order: no deadlock


@dataclass(frozen=True)
class Try:
    allowed: bool
    wait: timedelta | None  # refused: until the next try; allowed: the wait a failure would start
    remaining: int  # tries left for this account from this address after this one fails


@dataclass
class _Row:
    failures: int
    window_start: datetime
    next_try_at: datetime | None


def take_try(keys: Keys, now: datetime, throttle: Throttle) -> Try:
    """Count one try under every key, or refuse it with the wait; one locked transaction."""
    with _locked(keys) as (connection, rows):
        for row in rows.values():
            if row.window_start <= now - throttle.window:
                row.failures, row.window_start, row.next_try_at = 0, now, None
        wait = _wait(keys, rows, now, throttle)
        if wait is None:
            for row in rows.values():
                row.failures += 1
            account = rows[keys.account]
            if account.failures > throttle.account_free:
                delay = timedelta(seconds=2 ** (account.failures - throttle.account_free - 1))
                account.next_try_at = now + min(delay, throttle.account_max_delay)
        _write(connection, rows)
    if wait is not None:
        return Try(allowed=False, wait=wait, remaining=0)
    left = min(throttle.pair_limit - rows[keys.pair].failures, throttle.address_limit - rows[keys.address].failures)
    return Try(allowed=True, wait=_wait(keys, rows, now, throttle), remaining=max(left, 0))


def give_back(keys: Keys, now: datetime, throttle: Throttle) -> None:
    """After a right password: the account and the pair start afresh, the address gets its try back."""
    with _locked(keys) as (connection, rows):
        address = rows[keys.address]
        address.failures = max(address.failures - 1, 0)
        _write(connection, {keys.address: address})
        connection.execute(delete(TABLE).where(TABLE.c.key.in_([keys.account, keys.pair])))
        stale = (TABLE.c.window_start <= now - throttle.window) & (
            TABLE.c.next_try_at.is_(None) | (TABLE.c.next_try_at <= now)
        )
        connection.execute(delete(TABLE).where(stale, TABLE.c.key.not_in(keys.all())))


def _wait(keys: Keys, rows: dict[str, _Row], now: datetime, throttle: Throttle) -> timedelta | None:
    waits = []
    for key, limit in ((keys.pair, throttle.pair_limit), (keys.address, throttle.address_limit)):
        if rows[key].failures >= limit:
            waits.append(rows[key].window_start + throttle.window - now)
    next_try_at = rows[keys.account].next_try_at
    if next_try_at is not None and next_try_at > now:
        waits.append(next_try_at - now)
    return max(waits) if waits else None


@contextmanager
def _locked(keys: Keys) -> Iterator[tuple[Connection, dict[str, _Row]]]:
    """The keys' rows (made if missing), locked until the transaction commits.

    On PostgreSQL a row can go between the insert and the lock: a concurrent success deletes the
    account's and the pair's rows (give_back), a clean-up deletes stale ones. SELECT … FOR UPDATE
    then skips it, so the missing rows are made and locked again until all are held (the rows
    already locked cannot go meanwhile)."""
    dialect = db.engine.dialect.name
    with db.engine.connect() as connection:
        if dialect == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # the one writer's turn, taken before reading
        insert = (postgresql if dialect == "postgresql" else sqlite).insert(TABLE)
        fresh = [{"key": key, "failures": 0, "window_start": datetime.min} for key in keys.all()]
        query = select(TABLE).where(TABLE.c.key.in_(keys.all())).order_by(TABLE.c.key)
        if dialect == "postgresql":
            query = query.with_for_update()
        rows: dict[str, _Row] = {}
        while len(rows) < len(fresh):
            connection.execute(insert.on_conflict_do_nothing(index_elements=["key"]), fresh)
            rows = {row.key: _Row(row.failures, row.window_start, row.next_try_at) for row in connection.execute(query)}
        yield connection, rows
        connection.commit()


def _write(connection: Connection, rows: dict[str, _Row]) -> None:
    for key, row in rows.items():
        values = {"failures": row.failures, "window_start": row.window_start, "next_try_at": row.next_try_at}
        connection.execute(update(TABLE).where(TABLE.c.key == key).values(values))
