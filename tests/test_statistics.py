"""The statistics page: its figures agree with the rows behind them."""

import re
from datetime import date, datetime, timedelta
from html import unescape

import pytest
from sqlalchemy import func, select

from portal.counters import counting
from portal.counters.visits import OnlineRecord
from portal.extensions import db
from portal.models import TOTAL_PERIOD, Article, AuditLog, SiteSettings, TallyKind, VisitTally
from portal.services.content import published
from portal.stats.charts import bar_chart, nice_ceiling
from portal.text import format_number
from tests.counters_support import BROWSER_UA
from tests.helpers import read

NOW = datetime(2020, 6, 30, 12, 0)


@pytest.fixture
def history(make_app, fixed_clock):
    """The demo site with fourteen months of traffic recorded through the store, and
    uneven article views."""
    app = make_app(demo=True, CLOCK=fixed_clock, REDIS_URL=None)  # figures checked against the SQL rows
    with app.app_context():
        store = counting.store()
        moment, number = datetime(2019, 4, 1, 8, 0), 0
        while moment < NOW - timedelta(hours=1):
            for visitor in range(number % 4 + 1):
                store.record_page_view(f"v{visitor}", moment)
                store.record_page_view(f"v{visitor}", moment + timedelta(minutes=5))
            moment += timedelta(hours=19)
            number += 1
        articles = db.session.execute(select(Article).order_by(Article.id)).scalars().all()
        for rank, article in enumerate(articles):
            article.view_count = (rank * 37) % 101
        db.session.commit()
    fixed_clock.moment = NOW
    return app


def rows(app) -> dict[tuple[str, date], tuple[int, int]]:
    with app.app_context():
        return {
            (row.kind, row.period): (row.visits, row.page_views)
            for row in db.session.execute(select(VisitTally)).scalars()
        }


def figure(body: str, element_id: str) -> str:
    return re.search(rf'id="{element_id}">([^<]*)<', body).group(1)


def chart_table(body: str, chart_id: str) -> list[tuple[str, str]]:
    chart = body.split(f'id="{chart_id}-tieu-de"')[1].split("</figure>")[0]
    return re.findall(r'<tr><th scope="row">([^<]+)</th><td>([^<]+)</td></tr>', chart)


def test_summary_agrees_with_the_tallies(history):
    client = history.test_client()
    client.environ_base["HTTP_USER_AGENT"] = BROWSER_UA
    read(client, "/")  # a reader, counted by the home page's live fragment
    response = client.get("/thong-ke")
    assert response.status_code == 200
    body = unescape(response.get_data(as_text=True))
    tallies = rows(history)
    with history.app_context():
        offset = db.session.execute(select(SiteSettings.visit_offset)).scalar()
        day_sum = db.session.execute(select(func.sum(VisitTally.visits)).where(VisitTally.kind == TallyKind.DAY)).scalar()
        month_sum = db.session.execute(
            select(func.sum(VisitTally.visits)).where(VisitTally.kind == TallyKind.MONTH)
        ).scalar()
    total = tallies[(TallyKind.TOTAL, TOTAL_PERIOD)][0]
    assert total == day_sum == month_sum  # the three kinds of tally tell one story
    assert figure(body, "tk-tong") == format_number(offset + total)
    assert figure(body, "tk-hom-nay") == format_number(tallies[(TallyKind.DAY, date(2020, 6, 30))][0])
    assert figure(body, "tk-hom-qua") == format_number(tallies.get((TallyKind.DAY, date(2020, 6, 29)), (0, 0))[0])
    assert figure(body, "tk-thang-nay") == format_number(tallies[(TallyKind.MONTH, date(2020, 6, 1))][0])
    assert figure(body, "tk-thang-truoc") == format_number(tallies[(TallyKind.MONTH, date(2020, 5, 1))][0])
    assert figure(body, "tk-online") == "1"  # only this reader was seen in the last five minutes


def test_charts_tables_list_every_day_and_month_from_the_rows(history):
    body = unescape(history.test_client().get("/thong-ke").get_data(as_text=True))
    tallies = rows(history)
    daily = chart_table(body, "bieu-do-ngay")
    expected_days = [NOW.date() - timedelta(days=n) for n in range(29, -1, -1)]
    assert daily == [
        (f"{day:%d/%m}", format_number(tallies.get((TallyKind.DAY, day), (0, 0))[0])) for day in expected_days
    ]
    monthly = chart_table(body, "bieu-do-thang")
    expected_months = [date(2019, 7, 1)] + [date(2019 + (6 + n) // 12, (6 + n) % 12 + 1, 1) for n in range(1, 12)]
    assert [label for label, _ in monthly] == [f"{month:%m/%Y}" for month in expected_months]
    assert monthly == [
        (f"{month:%m/%Y}", format_number(tallies.get((TallyKind.MONTH, month), (0, 0))[0])) for month in expected_months
    ]
    assert body.count('<rect class="chart-bar"') == 30 + 12


def test_most_read_are_the_ten_highest_view_counts(history):
    body = unescape(history.test_client().get("/thong-ke").get_data(as_text=True))
    section = body.split('id="doc-nhieu-nhat"')[1].split("</section>")[0]
    listed = re.findall(r'<li><a href="[^"]+">([^<]+)</a> <span class="meta">\(([\d.]+) lượt xem\)</span></li>', section)
    with history.app_context():
        query = published(NOW).order_by(None).order_by(Article.view_count.desc(), Article.published_at.desc())
        top = db.session.execute(query.limit(10)).scalars().all()
        expected = [(article.title, format_number(article.view_count)) for article in top]
    assert listed == expected and len(listed) == 10


def test_the_page_says_when_no_record_exists_yet(make_app, fixed_clock):
    app = make_app(demo=True, CLOCK=fixed_clock, REDIS_URL=None)  # figures checked against the SQL rows
    body = app.test_client().get("/thong-ke", headers={"User-Agent": "curl/8.5.0"}).get_data(as_text=True)
    assert "Chưa ghi nhận số người online cao nhất." in body
    assert 'id="tk-tong">791.935<' in body


def test_counters_block_links_to_the_statistics_page(client):
    body = client.get("/").get_data(as_text=True)
    assert '<a href="/thong-ke">Xem thống kê chi tiết</a>' in body.split('id="bo-dem"')[1]


@pytest.mark.parametrize(("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (420, 500), (1001, 2000)])
def test_chart_scale_is_a_round_number(value, ceiling):
    assert nice_ceiling(value) == ceiling


def test_bars_are_proportional_and_inside_the_chart():
    chart = bar_chart([("a", 0), ("b", 25), ("c", 50)])
    heights = [bar.height for bar in chart.bars]
    assert heights[0] == 0 and heights[2] == pytest.approx(2 * heights[1])
    assert chart.scale_max == 50
    for bar in chart.bars:
        assert chart.left <= bar.x and bar.x + bar.width <= chart.width
        assert bar.y + bar.height == pytest.approx(chart.baseline)


def test_cli_sets_the_offset_and_shows_the_figures(make_app, fixed_clock):
    app = make_app(demo=True, CLOCK=fixed_clock, REDIS_URL=None)  # figures checked against the SQL rows
    runner = app.test_cli_runner()
    result = runner.invoke(args=["portal", "counters", "offset", "1000000"])
    assert result.exit_code == 0 and "1.000.000" in result.output
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = BROWSER_UA
    read(client, "/")
    result = runner.invoke(args=["portal", "counters", "show"])
    assert result.exit_code == 0
    with app.app_context():  # the demo's invented visit history counts toward the total too
        history = db.session.get(VisitTally, (TallyKind.TOTAL, TOTAL_PERIOD)).visits
    assert f"Thống kê: {format_number(1_000_000 + history)}" in result.output and "Online: 1" in result.output
    assert f"Cao nhất: 1 lúc {NOW:%d/%m/%Y %H:%M}" in result.output
    refused = runner.invoke(args=["portal", "counters", "offset", "-5"])
    assert refused.exit_code == 2


def test_cli_corrects_the_record_online_and_logs_it(make_app, fixed_clock):
    app = make_app(demo=True, CLOCK=fixed_clock)  # either store: SQL, or Redis in CI's second run
    runner = app.test_cli_runner()
    with app.app_context():
        counting.store().correct_record(12_332, NOW - timedelta(days=3))
    result = runner.invoke(args=["portal", "counters", "record", "42", "--at", "20/06/2020 08:30"])
    assert result.exit_code == 0 and "Đã sửa số người online cao nhất: 42 lúc 08:30 20/06/2020." in result.output
    assert "Cao nhất: 42 lúc 20/06/2020 08:30" in runner.invoke(args=["portal", "counters", "show"]).output
    future = runner.invoke(args=["portal", "counters", "record", "5", "--at", "01/07/2020 08:30"])
    assert future.exit_code == 2 and "không được ở trong tương lai" in future.output
    assert runner.invoke(args=["portal", "counters", "record", "7"]).exit_code == 0  # now, by default
    with app.app_context():
        assert counting.store().counters(NOW).record == OnlineRecord(7, NOW)
        entries = db.session.execute(select(AuditLog).where(AuditLog.target_type == "online_record")).scalars().all()
    assert [(entry.username, entry.summary) for entry in entries] == [
        ("(dòng lệnh)", "42 lúc 20/06/2020 08:30"), ("(dòng lệnh)", f"7 lúc {NOW:%d/%m/%Y %H:%M}"),
    ]  # fmt: skip


def test_cli_offset_is_logged(make_app):
    app = make_app(demo=True)
    assert app.test_cli_runner().invoke(args=["portal", "counters", "offset", "791000"]).exit_code == 0
    with app.app_context():
        entry = db.session.execute(select(AuditLog).where(AuditLog.target_type == "settings")).scalar_one()
    assert (entry.username, entry.summary) == ("(dòng lệnh)", "visit_offset")


@pytest.mark.parametrize(("scale_max", "values"), [(1, [0, 1]), (20, [0, 5, 10, 15, 20]), (50, [0, 10, 20, 30, 40, 50])])
def test_charts_have_a_few_gridlines_with_round_values(scale_max, values):
    assert [value for value, _ in bar_chart([("a", scale_max)]).ticks] == values


def test_chart_page_explains_the_carried_over_total(make_app, fixed_clock):
    app = make_app(demo=True, CLOCK=fixed_clock, REDIS_URL=None)
    assert app.test_cli_runner().invoke(args=["portal", "counters", "offset", "791000"]).exit_code == 0
    body = app.test_client().get("/thong-ke").get_data(as_text=True)
    assert "gồm cả 791.000 lượt chuyển sang từ trang web cũ" in body
