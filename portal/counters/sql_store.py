"""The counters in the site's database (SQLite or PostgreSQL)."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from sqlalchemy import Date, DateTime, Integer, bindparam, delete, func, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from portal.counters.visits import (
    ONLINE_WINDOW,
    VISIT_GAP,
    Counters,
    OnlineRecord,
    PageView,
    Tally,
    article_viewed,
    month_of,
)
from portal.extensions import db
from portal.models import TOTAL_PERIOD, OnlinePeak, TallyKind, VisitorPresence, VisitTally

PRUNE_EVERY = timedelta(minutes=5)


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

        # Only a visitor whose last page view is within the visit gap is renewed: a refresh
        # without a counted page view (no cookie, a made-up id) finds no row and adds none.
        self.renewed = (
            update(VisitorPresence)
            .where(
                VisitorPresence.visitor_key == bindparam("visitor"),
                VisitorPresence.last_view > bindparam("visit_cutoff", type_=moment),
            )
            .values(last_seen=bindparam("now", type_=moment))
        )

        # The day's, the month's and the total tallies in one statement, always in this
        # order, so concurrent PostgreSQL transactions lock the rows alike. Written as text
        # (the same SQL on SQLite and PostgreSQL): SQLAlchemy cannot cache the compiled form
        # of a multi-row INSERT, and compiling it again took longer than running it.
        self.tallied = text(
            "INSERT INTO visit_tally (kind, period, visits, page_views)"
            " VALUES (:day_kind, :day, :visits, 1), (:month_kind, :month, :visits, 1), (:total_kind, :total, :visits, 1)"
            " ON CONFLICT (kind, period) DO UPDATE SET visits = visit_tally.visits + excluded.visits,"
            " page_views = visit_tally.page_views + excluded.page_views"
        ).bindparams(
            bindparam("day", type_=day), bindparam("month", type_=day), bindparam("total", TOTAL_PERIOD, type_=day),
            bindparam("visits", type_=Integer()), bindparam("day_kind", TallyKind.DAY.value),
            bindparam("month_kind", TallyKind.MONTH.value), bindparam("total_kind", TallyKind.TOTAL.value),
        )  # fmt: skip

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
        self.corrected_peak = peak.on_conflict_do_update(
            index_elements=[OnlinePeak.id],
            set_={"visitors": peak.excluded.visitors, "recorded_at": peak.excluded.recorded_at},
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
        self._write_turn = threading.Lock()
        self._next_prune: datetime | None = None
        self._statements: dict[str, _Statements] = {}

    def _for(self, connection: Connection) -> _Statements:
        name = connection.dialect.name
        if name not in self._statements:
            self._statements[name] = _Statements(postgresql if name == "postgresql" else sqlite)
        return self._statements[name]

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction. On SQLite the threads of one process take turns first: SQLite
        lets one writer in at a time and makes the others poll with sleeps of a millisecond
        and more, which under load cost more than the writes themselves."""
        if db.engine.dialect.name != "sqlite":
            with db.engine.begin() as connection:
                yield connection
            return
        with self._write_turn, db.engine.begin() as connection:
            yield connection

    def record_page_view(self, visitor: str, now: datetime, article_id: int | None = None) -> PageView:
        with self._writing() as connection:
            statements = self._for(connection)
            parameters = {"visitor": visitor, "now": now, "visit_cutoff": now - VISIT_GAP}
            new_visit = connection.execute(statements.viewed, parameters).scalar_one()
            tally = {"day": now.date(), "month": month_of(now.date()), "visits": int(new_visit)}
            connection.execute(statements.tallied, tally)
            figures = article_viewed(connection, article_id, now) if article_id is not None else None
            self._prune_now_and_then(connection, now)
        return PageView(new_visit=bool(new_visit), article=figures)

    def renew_presence(self, visitor: str, now: datetime) -> None:
        with self._writing() as connection:
            parameters = {"visitor": visitor, "now": now, "visit_cutoff": now - VISIT_GAP}
            connection.execute(self._for(connection).renewed, parameters)
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

    def correct_record(self, visitors: int, at: datetime) -> None:
        with self._writing() as connection:
            connection.execute(self._for(connection).corrected_peak, {"visitors": visitors, "now": at})

    def _new_record(self, visitors: int, now: datetime) -> OnlineRecord:
        with self._writing() as connection:
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
