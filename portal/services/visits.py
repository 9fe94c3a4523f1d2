"""Counting visits, page views and who is online, in SQL or in Redis.

The rules (ARCHITECTURE, "Visits and online"): a visit is a visitor's first page view
after ``VISIT_GAP`` without one; a visitor is online when seen (a page view or a counter
refresh) within ``ONLINE_WINDOW``; bots and requests that are not full public pages never
count. Both stores apply the rules atomically in the store itself (one upsert in SQL, one
Lua script in Redis), so concurrent requests and several app servers count exactly.
Article views ("lượt xem") always live in ``Article.view_count`` because the most-read
lists sort by that column.
"""

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Protocol, TypeVar

from crawlerdetect import CrawlerDetect
from sqlalchemy import Date, DateTime, Integer, bindparam, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from portal.extensions import db
from portal.models import TOTAL_PERIOD, Article, OnlinePeak, TallyKind, VisitorPresence, VisitTally

VISIT_GAP = timedelta(minutes=30)
ONLINE_WINDOW = timedelta(minutes=5)
PRUNE_EVERY = timedelta(minutes=5)
REDIS_RETRY_AFTER = 5.0  # seconds without trying Redis after it failed

T = TypeVar("T")

log = logging.getLogger(__name__)


# --- which requests count -------------------------------------------------------------

_CRAWLERS = CrawlerDetect()
# Monitoring probes that crawlerdetect 0.4.2's list does not name (checked one by one).
_PROBES = ("prometheus", "blackbox exporter", "googlehealthcheck")
# Paths that are never a public page view, whatever renders them.
_NOT_PAGES = ("/static", "/uploads", "/widgets", "/rss", "/api", "/quan-tri", "/healthz", "/sitemap.xml")


@lru_cache(maxsize=4096)
def is_bot(user_agent: str) -> bool:
    """A crawler, a monitoring probe or a command-line client (curl, python-requests …).

    A request without a User-Agent is a script, not a reader.
    """
    agent = user_agent.strip()
    if not agent:
        return True
    if any(probe in agent.lower() for probe in _PROBES):
        return True
    return _CRAWLERS.isCrawler(agent)


def is_public_page_path(path: str) -> bool:
    """False for static files, uploads, fragments, feeds, the API, admin and health checks."""
    return not any(path == root or path.startswith(root + "/") for root in _NOT_PAGES)


def counts_as_page_view(method: str, path: str, user_agent: str, fragment: bool, prefetch: bool) -> bool:
    """Whether a request that renders a page is a reader's page view."""
    return (
        method == "GET"
        and not fragment
        and not prefetch
        and is_public_page_path(path)
        and not is_bot(user_agent)
    )


# --- what the stores hold --------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    visits: int = 0
    page_views: int = 0


@dataclass(frozen=True)
class OnlineRecord:
    visitors: int
    at: datetime


@dataclass(frozen=True)
class Counters:
    """The live figures; ``total`` is without the webmaster's offset."""

    total: Tally
    today: Tally
    month: Tally
    online: int
    record: OnlineRecord | None
    stale: bool = False  # the store is unreachable and these are the last figures read


@dataclass(frozen=True)
class PageView:
    new_visit: bool
    article_views: int | None = None  # the article's views after this one


class CountersUnavailable(Exception):
    """The counter store cannot be reached (Redis down); the page goes on without it."""


def month_of(day: date) -> date:
    return day.replace(day=1)


def previous_month(month: date) -> date:
    return month_of(month - timedelta(days=1))


class CounterStore(Protocol):
    def record_page_view(self, visitor: str, now: datetime, article_id: int | None = None) -> PageView:
        """Count a page view: maybe a visit, the visitor's presence, the article's views."""

    def renew_presence(self, visitor: str, now: datetime) -> None:
        """The visitor is still here (a counter refresh): online, but no visit or page view."""

    def counters(self, now: datetime) -> Counters:
        """Total, today, this month, online now and the record (kept up to date here)."""

    def tallies(self, kind: TallyKind, first: date, last: date) -> dict[date, Tally]:
        """The day or month tallies from ``first`` to ``last`` that have any counts."""

    def close(self) -> None:
        """Let go of the store's own connections (the SQL store has none)."""


_ARTICLE_VIEWED = (
    update(Article)
    .where(Article.id == bindparam("article_id"))
    .values(view_count=Article.view_count + 1)
    .returning(Article.view_count)
)


def _article_viewed(connection: Connection, article_id: int) -> int | None:
    """One more view of the article, atomically; its new count (None: no such article)."""
    return connection.execute(_ARTICLE_VIEWED, {"article_id": article_id}).scalar_one_or_none()


# --- SQL -------------------------------------------------------------------------------


class _Statements:
    """The SQL store's statements, built once per dialect with bound parameters: building
    a SQLAlchemy statement in Python costs more than SQLite takes to run it."""

    def __init__(self, dialect) -> None:
        moment, day = DateTime(), Date()
        viewed = dialect.insert(VisitorPresence).values(
            visitor_key=bindparam("visitor"), last_seen=bindparam("now", type_=moment),
            last_view=bindparam("now", type_=moment), began_visit=True,
        )  # fmt: skip
        # RETURNING says whether this view began a visit, decided from the row's previous
        # last_view inside the same statement, so concurrent views cannot both begin one.
        self.viewed = viewed.on_conflict_do_update(
            index_elements=[VisitorPresence.visitor_key],
            set_={
                "last_seen": viewed.excluded.last_seen,
                "last_view": viewed.excluded.last_view,
                "began_visit": or_(
                    VisitorPresence.last_view.is_(None), VisitorPresence.last_view <= bindparam("visit_cutoff", type_=moment)
                ),
            },
        ).returning(VisitorPresence.began_visit)

        renewed = dialect.insert(VisitorPresence).values(
            visitor_key=bindparam("visitor"), last_seen=bindparam("now", type_=moment), last_view=None, began_visit=False
        )
        self.renewed = renewed.on_conflict_do_update(
            index_elements=[VisitorPresence.visitor_key], set_={"last_seen": renewed.excluded.last_seen}
        )

        # The day's, the month's and the total tallies in one statement, always in this
        # order, so concurrent PostgreSQL transactions lock the rows alike.
        visits = bindparam("visits", type_=Integer())
        tallied = dialect.insert(VisitTally).values(
            [
                {"kind": TallyKind.DAY.value, "period": bindparam("day", type_=day), "visits": visits, "page_views": 1},
                {"kind": TallyKind.MONTH.value, "period": bindparam("month", type_=day), "visits": visits, "page_views": 1},
                {"kind": TallyKind.TOTAL.value, "period": TOTAL_PERIOD, "visits": visits, "page_views": 1},
            ]
        )
        self.tallied = tallied.on_conflict_do_update(
            index_elements=[VisitTally.kind, VisitTally.period],
            set_={
                "visits": VisitTally.visits + tallied.excluded.visits,
                "page_views": VisitTally.page_views + tallied.excluded.page_views,
            },
        )

        def tally(kind: TallyKind, period, column):
            return select(column).where(VisitTally.kind == kind, VisitTally.period == period).scalar_subquery()

        periods = (
            (TallyKind.TOTAL, TOTAL_PERIOD), (TallyKind.DAY, bindparam("today", type_=day)),
            (TallyKind.MONTH, bindparam("month", type_=day)),
        )  # fmt: skip
        online = select(func.count()).where(VisitorPresence.last_seen >= bindparam("online_since", type_=moment))
        self.counters = select(
            *(tally(kind, period, column) for kind, period in periods for column in (VisitTally.visits, VisitTally.page_views)),
            online.scalar_subquery(),
            select(OnlinePeak.visitors).scalar_subquery(),
            select(OnlinePeak.recorded_at).scalar_subquery(),
        )

        peak = dialect.insert(OnlinePeak).values(
            id=1, visitors=bindparam("visitors", type_=Integer()), recorded_at=bindparam("now", type_=moment)
        )
        self.new_peak = peak.on_conflict_do_update(
            index_elements=[OnlinePeak.id],
            set_={"visitors": peak.excluded.visitors, "recorded_at": peak.excluded.recorded_at},
            where=OnlinePeak.visitors < peak.excluded.visitors,
        )


class SqlCounterStore:
    """Counters in the site's database: each write is an atomic upsert that adds.

    A page view is two statements (presence, then the day, month and total tallies in
    one multi-row upsert) plus one for an article; reading is one statement of primary
    key lookups and an index range count. Presence rows older than the visit window are
    deleted every ``PRUNE_EVERY`` by whichever request comes first in each process.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next_prune: datetime | None = None
        self._statements: dict[str, _Statements] = {}

    def _for(self, connection: Connection) -> _Statements:
        name = connection.dialect.name
        if name not in self._statements:
            self._statements[name] = _Statements(postgresql if name == "postgresql" else sqlite)
        return self._statements[name]

    def record_page_view(self, visitor: str, now: datetime, article_id: int | None = None) -> PageView:
        with db.engine.begin() as connection:
            statements = self._for(connection)
            parameters = {"visitor": visitor, "now": now, "visit_cutoff": now - VISIT_GAP}
            new_visit = connection.execute(statements.viewed, parameters).scalar_one()
            tally = {"day": now.date(), "month": month_of(now.date()), "visits": int(new_visit)}
            connection.execute(statements.tallied, tally)
            views = _article_viewed(connection, article_id) if article_id is not None else None
            self._prune_now_and_then(connection, now)
        return PageView(new_visit=bool(new_visit), article_views=views)

    def renew_presence(self, visitor: str, now: datetime) -> None:
        with db.engine.begin() as connection:
            connection.execute(self._for(connection).renewed, {"visitor": visitor, "now": now})
            self._prune_now_and_then(connection, now)

    def counters(self, now: datetime) -> Counters:
        parameters = {"today": now.date(), "month": month_of(now.date()), "online_since": now - ONLINE_WINDOW}
        with db.engine.connect() as connection:
            row = connection.execute(self._for(connection).counters, parameters).one()
        figures = [value or 0 for value in row[:6]]
        online_now, record = row[6], OnlineRecord(row[7], row[8]) if row[7] is not None else None
        if online_now > (record.visitors if record else 0):
            record = self._new_record(online_now, now)
        return Counters(
            total=Tally(*figures[0:2]), today=Tally(*figures[2:4]), month=Tally(*figures[4:6]),
            online=online_now, record=record,
        )  # fmt: skip

    def tallies(self, kind: TallyKind, first: date, last: date) -> dict[date, Tally]:
        statement = select(VisitTally.period, VisitTally.visits, VisitTally.page_views).where(
            VisitTally.kind == kind, VisitTally.period.between(first, last)
        )
        with db.engine.connect() as connection:
            return {period: Tally(visits, views) for period, visits, views in connection.execute(statement)}

    def _new_record(self, visitors: int, now: datetime) -> OnlineRecord:
        with db.engine.begin() as connection:
            connection.execute(self._for(connection).new_peak, {"visitors": visitors, "now": now})
        return OnlineRecord(visitors, now)

    def close(self) -> None:
        pass  # it borrows the app's SQLAlchemy engine

    def _prune_now_and_then(self, connection: Connection, now: datetime) -> None:
        with self._lock:
            due = self._next_prune is not None and now >= self._next_prune
            if self._next_prune is None or due:
                self._next_prune = now + PRUNE_EVERY
        if due:
            connection.execute(delete(VisitorPresence).where(VisitorPresence.last_seen < now - VISIT_GAP))


# --- Redis -----------------------------------------------------------------------------

_EPOCH = datetime(2000, 1, 1)

# KEYS: viewed, seen, day, month, total. ARGV: visitor, now, visit gap, online window (seconds).
_PAGE_VIEW_SCRIPT = """
local now = tonumber(ARGV[2])
local previous = redis.call('ZSCORE', KEYS[1], ARGV[1])
local visit = 0
if (not previous) or tonumber(previous) <= now - tonumber(ARGV[3]) then visit = 1 end
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[1])
for i = 3, 5 do
  redis.call('HINCRBY', KEYS[i], 'page_views', 1)
  if visit == 1 then redis.call('HINCRBY', KEYS[i], 'visits', 1) end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[3])))
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - tonumber(ARGV[4])))
return visit
"""

# KEYS: seen, total, day, month, peak. ARGV: now, online window (seconds), now as ISO text.
_COUNTERS_SCRIPT = """
local online = redis.call('ZCOUNT', KEYS[1], tonumber(ARGV[1]) - tonumber(ARGV[2]), '+inf')
local peak = redis.call('HMGET', KEYS[5], 'visitors', 'at')
if online > tonumber(peak[1] or '0') then
  redis.call('HSET', KEYS[5], 'visitors', online, 'at', ARGV[3])
  peak = {tostring(online), ARGV[3]}
end
local result = {online, peak[1], peak[2]}
for i = 2, 4 do
  local tally = redis.call('HMGET', KEYS[i], 'visits', 'page_views')
  table.insert(result, tally[1])
  table.insert(result, tally[2])
end
return result
"""


def _seconds(moment: datetime) -> float:
    return (moment - _EPOCH).total_seconds()


def _number(value) -> int:
    return int(value) if value else 0


class RedisCounterStore:
    """Counters in Redis: HINCRBY tallies per day, month and in total, and two sorted sets
    of visitor → time (last page view for the visit rule, last seen for online). Each page
    view is one Lua script, atomic across app servers; old members are trimmed by the same
    script as the window moves. Article views still go to ``Article.view_count`` in SQL.

    When Redis is unreachable, counting is skipped and reading answers the last figures
    this process read (marked stale), or raises ``CountersUnavailable``. After a failure
    the store does not try Redis again for ``REDIS_RETRY_AFTER`` seconds, so a dead Redis
    does not slow every page by a connection timeout; then counting resumes by itself.
    """

    def __init__(self, client, prefix: str) -> None:
        import redis

        self._client = client
        self._prefix = prefix
        self._errors = (redis.RedisError, OSError)
        self._page_view = client.register_script(_PAGE_VIEW_SCRIPT)
        self._read = client.register_script(_COUNTERS_SCRIPT)
        self._last: Counters | None = None
        self._paused_until = 0.0

    def _redis(self, operation: Callable[[], T]) -> T:
        """One round trip to Redis, or CountersUnavailable (at once while paused)."""
        if time.monotonic() < self._paused_until:
            raise CountersUnavailable("Redis was unreachable moments ago")
        try:
            return operation()
        except self._errors as error:
            self._paused_until = time.monotonic() + REDIS_RETRY_AFTER
            raise CountersUnavailable(str(error)) from error

    def _key(self, *parts: str) -> str:
        return self._prefix + ":".join(parts)

    def _tally_key(self, kind: TallyKind, period: date) -> str:
        return self._key("total") if kind is TallyKind.TOTAL else self._key(kind.value, period.isoformat())

    def record_page_view(self, visitor: str, now: datetime, article_id: int | None = None) -> PageView:
        views = None
        if article_id is not None:
            with db.engine.begin() as connection:
                views = _article_viewed(connection, article_id)
        day = now.date()
        keys = [
            self._key("viewed"), self._key("seen"),
            self._tally_key(TallyKind.DAY, day), self._tally_key(TallyKind.MONTH, month_of(day)), self._key("total"),
        ]  # fmt: skip
        arguments = [visitor, _seconds(now), VISIT_GAP.total_seconds(), ONLINE_WINDOW.total_seconds()]
        try:
            new_visit = bool(self._redis(lambda: self._page_view(keys=keys, args=arguments)))
        except CountersUnavailable as error:
            log.warning("Page view not counted: %s", error)
            new_visit = False
        return PageView(new_visit=new_visit, article_views=views)

    def renew_presence(self, visitor: str, now: datetime) -> None:
        try:
            self._redis(lambda: self._client.zadd(self._key("seen"), {visitor: _seconds(now)}))
        except CountersUnavailable as error:
            log.warning("Presence not renewed: %s", error)

    def counters(self, now: datetime) -> Counters:
        day = now.date()
        keys = [
            self._key("seen"), self._key("total"),
            self._tally_key(TallyKind.DAY, day), self._tally_key(TallyKind.MONTH, month_of(day)), self._key("peak"),
        ]  # fmt: skip
        arguments = [_seconds(now), ONLINE_WINDOW.total_seconds(), now.isoformat()]
        try:
            row = self._redis(lambda: self._read(keys=keys, args=arguments))
        except CountersUnavailable:
            if self._last is None:
                raise
            return dataclasses.replace(self._last, stale=True)
        online, peak_visitors, peak_at, *figures = row
        figures = [_number(value) for value in figures]
        record = OnlineRecord(int(peak_visitors), datetime.fromisoformat(peak_at.decode())) if peak_visitors else None
        self._last = Counters(
            total=Tally(*figures[0:2]), today=Tally(*figures[2:4]), month=Tally(*figures[4:6]),
            online=int(online), record=record,
        )  # fmt: skip
        return self._last

    def tallies(self, kind: TallyKind, first: date, last: date) -> dict[date, Tally]:
        periods = _periods(kind, first, last)

        def read() -> list:
            with self._client.pipeline(transaction=False) as pipe:
                for period in periods:
                    pipe.hmget(self._tally_key(kind, period), "visits", "page_views")
                return pipe.execute()

        return {
            period: Tally(_number(visits), _number(views))
            for period, (visits, views) in zip(periods, self._redis(read), strict=True)
            if views
        }

    def close(self) -> None:
        self._client.close()


def _periods(kind: TallyKind, first: date, last: date) -> list[date]:
    """Every day, or every month's first day, from ``first`` to ``last``."""
    periods, period = [], first if kind is TallyKind.DAY else month_of(first)
    while period <= last:
        periods.append(period)
        period = period + timedelta(days=1) if kind is TallyKind.DAY else month_of(period + timedelta(days=31))
    return periods


def make_store(redis_url: str | None, prefix: str) -> CounterStore:
    """Redis when a URL is configured (PORTAL_REDIS_URL), otherwise the site's database."""
    if not redis_url:
        return SqlCounterStore()
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)
    return RedisCounterStore(client, prefix)
