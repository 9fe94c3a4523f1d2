"""DEMO DATA: invented visit history so a fresh install's charts are not empty.

Daily tallies for the ~13 months before today (weekdays busier than weekends, a slow
growth, some noise), the monthly tallies summed from them, and the all-time tally equal
to their sum. The loader sets the site's carried-over offset so that offset + history
is the seed page's "Thống kê: 791.935". Today starts at zero: real visits count from here.
"""

import random
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import insert

from portal import clock
from portal.counters.visits import month_of
from portal.extensions import db
from portal.models import TOTAL_PERIOD, TallyKind, VisitTally

DAYS = 400
PAGES_PER_VISIT = 2.4


def daily_visits(today: date) -> dict[date, int]:
    """Invented visits for each of the ``DAYS`` days before ``today``, the same on every load."""
    noise = random.Random(2020)
    visits = {}
    for back in range(DAYS, 0, -1):
        day = today - timedelta(days=back)
        trend = 190 + 110 * (DAYS - back) / DAYS
        weekday = 1.0 if day.weekday() < 5 else 0.6
        visits[day] = round(trend * weekday * noise.uniform(0.8, 1.25))
    return visits


def add_visit_history() -> int:
    """Add the invented tallies; return the visits they hold."""
    days = daily_visits(clock.now().date())
    months: Counter[date] = Counter()
    for day, visits in days.items():
        months[month_of(day)] += visits
    total = sum(days.values())
    rows = [_row(TallyKind.DAY, day, visits) for day, visits in days.items()]
    rows += [_row(TallyKind.MONTH, month, visits) for month, visits in months.items()]
    rows.append(_row(TallyKind.TOTAL, TOTAL_PERIOD, total))
    db.session.execute(insert(VisitTally), rows)
    return total


def _row(kind: TallyKind, period: date, visits: int) -> dict:
    return {"kind": kind.value, "period": period, "visits": visits, "page_views": round(visits * PAGES_PER_VISIT)}
