"""The visit counters kept in SQL: tallies per day, month and in total, who is online,
and the record number online.

Every write is one atomic statement (an upsert that adds), never read-modify-write in
Python; see ``portal.counters.sql_store.SqlCounterStore``.
"""

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class TallyKind(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    TOTAL = "total"


# The one "total" tally row carries this date, so every tally has the same key shape.
TOTAL_PERIOD = date(1970, 1, 1)


class VisitTally(db.Model):
    """Visits and page views of one day, one month (first day as the key) or all time.

    A day's row is created by its first page view and only ever added to, so a day,
    month or year rollover never resets or overwrites history.
    """

    __tablename__ = "visit_tally"
    __table_args__ = (
        CheckConstraint("kind IN ('day', 'month', 'total')", name="known_kind"),
        CheckConstraint("visits >= 0 AND page_views >= visits", name="counts_consistent"),
    )

    kind: Mapped[TallyKind] = mapped_column(String(5), primary_key=True)
    period: Mapped[date] = mapped_column(Date, primary_key=True)
    visits: Mapped[int] = mapped_column(default=0, server_default="0")
    page_views: Mapped[int] = mapped_column(default=0, server_default="0")


class VisitorPresence(db.Model):
    """When a visitor (the signed cookie id) was last seen and last viewed a page.

    ``last_seen`` feeds "online" through its index; ``last_view`` decides the 30-minute
    visit rule; ``began_visit`` is set by the same upsert that moves ``last_view``, so the
    decision is atomic. Rows older than the visit window are pruned as time moves on.
    """

    __tablename__ = "visitor_presence"
    __table_args__ = (Index("ix_visitor_presence_last_seen", "last_seen"),)

    visitor_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seen: Mapped[datetime]
    last_view: Mapped[datetime | None]
    began_visit: Mapped[bool] = mapped_column(default=False, server_default="0")


class OnlinePeak(db.Model):
    """The most visitors ever online at once, and when ("Cao nhất: 1.024 lúc …")."""

    __tablename__ = "online_peak"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    visitors: Mapped[int]
    recorded_at: Mapped[datetime]
