"""The statistics page's figures, gathered from the counter store and the articles."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from portal.counters.visits import (
    Counters,
    CounterStore,
    CountersUnavailable,
    OnlineRecord,
    Tally,
    month_of,
    previous_month,
)
from portal.extensions import db
from portal.models import TallyKind, User
from portal.services import audit
from portal.services.content import ReadCount, most_read
from portal.text import format_number

DAYS_SHOWN = 30
MONTHS_SHOWN = 12


@dataclass(frozen=True)
class Report:
    total: int  # visits since the site began, the webmaster's offset included
    online: int
    today: Tally
    yesterday: Tally
    this_month: Tally
    last_month: Tally
    daily: list[tuple[date, Tally]]  # oldest first, every day shown even without visits
    monthly: list[tuple[date, Tally]]  # first day of each month, oldest first
    most_read: list[ReadCount]
    record: OnlineRecord | None
    stale: bool


def months_back(month: date, count: int) -> date:
    for _ in range(count):
        month = previous_month(month)
    return month


def build_report(
    store: CounterStore, counters: Counters | None, offset: int, now: datetime, most_read_count: int
) -> Report | None:
    """Everything the page shows, or None when the counter store cannot be reached."""
    if counters is None:
        return None
    today, this_month = now.date(), month_of(now.date())
    first_day, first_month = today - timedelta(days=DAYS_SHOWN - 1), months_back(this_month, MONTHS_SHOWN - 1)
    try:
        days = store.tallies(TallyKind.DAY, first_day, today)
        months = store.tallies(TallyKind.MONTH, first_month, this_month)
    except CountersUnavailable:
        return None
    daily = [(first_day + timedelta(days=n), days.get(first_day + timedelta(days=n), Tally())) for n in range(DAYS_SHOWN)]
    monthly = [(month, months.get(month, Tally())) for month in _months(first_month, MONTHS_SHOWN)]
    return Report(
        total=counters.site_total(offset),
        online=counters.online,
        today=counters.today,
        yesterday=days.get(today - timedelta(days=1), Tally()),
        this_month=counters.month,
        last_month=months.get(previous_month(this_month), Tally()),
        daily=daily,
        monthly=monthly,
        most_read=most_read(now, most_read_count),
        record=counters.record,
        stale=counters.stale,
    )


def correct_online_record(store: CounterStore, visitors: int, at: datetime, actor: User | None) -> None:
    """Set "Cao nhất" to the webmaster's figure (one pumped by a flood, or an older site's), logged."""
    store.correct_record(visitors, at)
    audit.record(actor, "update", "online_record", None, f"{format_number(visitors)} lúc {at:%d/%m/%Y %H:%M}")
    db.session.commit()


def _months(first: date, count: int) -> list[date]:
    months = [first]
    while len(months) < count:
        months.append(month_of(months[-1] + timedelta(days=31)))
    return months
