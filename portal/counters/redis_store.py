"""The counters in Redis, shared by several app servers (PORTAL_REDIS_URL)."""

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar

import redis

from portal.counters.visits import (
    ONLINE_WINDOW,
    VISIT_GAP,
    Counters,
    CountersUnavailable,
    OnlineRecord,
    PageView,
    Tally,
    article_viewed,
    month_of,
)
from portal.extensions import db
from portal.models import TallyKind

REDIS_RETRY_AFTER = 5.0  # seconds without trying Redis after it failed

T = TypeVar("T")
log = logging.getLogger(__name__)
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

# KEYS: viewed, seen. ARGV: visitor, now, visit gap (seconds). Renews only a visitor whose last
# page view is within the visit gap: a refresh without a counted page view adds no one.
_RENEW_SCRIPT = """
local viewed = redis.call('ZSCORE', KEYS[1], ARGV[1])
if viewed and tonumber(viewed) > tonumber(ARGV[2]) - tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  return 1
end
return 0
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

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self._client = client
        self._prefix = prefix
        self._errors = (redis.RedisError, OSError)
        self._page_view = client.register_script(_PAGE_VIEW_SCRIPT)
        self._read = client.register_script(_COUNTERS_SCRIPT)
        self._renew = client.register_script(_RENEW_SCRIPT)
        self._last: Counters | None = None
        self._last_lock = threading.Lock()
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
        figures = None
        if article_id is not None:
            with db.engine.begin() as connection:
                figures = article_viewed(connection, article_id, now)
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
        return PageView(new_visit=new_visit, article=figures)

    def renew_presence(self, visitor: str, now: datetime) -> None:
        try:
            keys, arguments = [self._key("viewed"), self._key("seen")], [visitor, _seconds(now), VISIT_GAP.total_seconds()]
            self._redis(lambda: self._renew(keys=keys, args=arguments))
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
        read = Counters(
            total=Tally(*figures[0:2]), today=Tally(*figures[2:4]), month=Tally(*figures[4:6]),
            online=int(online), record=record,
        )  # fmt: skip
        with self._last_lock:  # threads' reads may end out of order: keep the latest, whose total is highest
            if self._last is None or read.total.page_views >= self._last.total.page_views:
                self._last = read
        return read

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

    def correct_record(self, visitors: int, at: datetime) -> None:
        self._redis(lambda: self._client.hset(self._key("peak"), mapping={"visitors": visitors, "at": at.isoformat()}))

    def close(self) -> None:
        self._client.close()


def _periods(kind: TallyKind, first: date, last: date) -> list[date]:
    """Every day, or every month's first day, from ``first`` to ``last``."""
    periods, period = [], first if kind is TallyKind.DAY else month_of(first)
    while period <= last:
        periods.append(period)
        period = period + timedelta(days=1) if kind is TallyKind.DAY else month_of(period + timedelta(days=31))
    return periods
