from flask import current_app

from portal import clock
from portal.counters import counting, statistics
from portal.layout import render_page
from portal.services import settings
from portal.stats import bp
from portal.stats.charts import bar_chart
from portal.web.page_cache import public_page


@bp.get("/thong-ke")
@public_page()
def page():
    """Total, online, today and this month, visits per day and per month, the most read."""
    now, carried_over = clock.now(), settings.visit_offset()
    report = statistics.build_report(
        counting.store(), counting.current_counters(), carried_over, now,
        current_app.config["STATISTICS_MOST_READ"],
    )  # fmt: skip
    charts = None
    if report:
        charts = {
            "daily": bar_chart([(f"{day:%d/%m}", tally.visits) for day, tally in report.daily]),
            "monthly": bar_chart([(f"{month:%m/%Y}", tally.visits) for month, tally in report.monthly]),
        }
    return render_page("stats/page.html", report=report, charts=charts, carried_over=carried_over)
