"""Counting visits, page views and who is online: the rules and the stores' interface.

The rules (ARCHITECTURE, "Visits and online"): a visit is a visitor's first page view
after ``VISIT_GAP`` without one; a visitor is online when seen (a page view or a counter
refresh) within ``ONLINE_WINDOW``, and a refresh keeps online only a visitor whose last
page view is within ``VISIT_GAP`` (still in their visit); a page view is what a page's live
fragment or counting image reports (``portal.counters.counting``), and bots and prefetches
never count. Both stores (``sql_store``, ``redis_store``) apply the rules atomically in the
store itself (one upsert in SQL, one Lua script in Redis), so concurrent requests and
several app servers count exactly.
Article views ("lượt xem") always live in ``Article.view_count`` because the most-read
lists sort by that column.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Protocol

from crawlerdetect import CrawlerDetect
from sqlalchemy import bindparam, update
from sqlalchemy.engine import Connection

from portal.models import Article, TallyKind
from portal.services.content import FIGURES, ArticleFigures, is_visible

VISIT_GAP = timedelta(minutes=30)
ONLINE_WINDOW = timedelta(minutes=5)


# --- which requests count -------------------------------------------------------------

_CRAWLERS = CrawlerDetect()
# Monitoring probes that crawlerdetect 0.4.2's list does not name (checked one by one).
_PROBES = ("prometheus", "blackbox exporter", "googlehealthcheck")
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

    def site_total(self, offset: int) -> int:
        """"Thống kê": the visits counted since the site began plus the webmaster's starting offset."""
        return offset + self.total.visits


@dataclass(frozen=True)
class PageView:
    new_visit: bool
    article: ArticleFigures | None = None  # the article's figures, its views including this one


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
        """The visitor is still here (a counter refresh): online, but no visit or page view.

        Only a visitor counted by a page view within ``VISIT_GAP`` is renewed; any other id
        changes nothing, so polls without a cookie cannot pump "online" or its record."""

    def counters(self, now: datetime) -> Counters:
        """Total, today, this month, online now and the record (kept up to date here)."""

    def tallies(self, kind: TallyKind, first: date, last: date) -> dict[date, Tally]:
        """The day or month tallies from ``first`` to ``last`` that have any counts."""

    def correct_record(self, visitors: int, at: datetime) -> None:
        """Replace the record, higher or lower (the webmaster's correction of a wrong figure)."""

    def close(self) -> None:
        """Let go of the store's own connections (the SQL store has none)."""


_ARTICLE_VIEWED = (
    update(Article)
    .where(Article.id == bindparam("article_id"), is_visible(bindparam("now")))
    .values(view_count=Article.view_count + 1)
    .returning(*FIGURES)
)


def article_viewed(connection: Connection, article_id: int, now: datetime) -> ArticleFigures | None:
    """One more view of the article, atomically; its figures after it (None: no such article
    that a visitor may see at ``now``)."""
    row = connection.execute(_ARTICLE_VIEWED, {"article_id": article_id, "now": now}).one_or_none()
    return ArticleFigures(*row) if row else None
