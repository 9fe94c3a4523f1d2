"""The counting rules through the web, with the injectable clock: visits, online, bots,
requests that never count, rollovers, the record, article views and the fragment."""

import socket
from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, func, select, update

from portal.counters import counting
from portal.counters.visits import Tally, is_bot
from portal.demo.loader import SEED_VISIT_TOTAL
from portal.extensions import db
from portal.models import Article, SiteSettings, TallyKind, VisitorPresence, VisitTally
from portal.web.visitor import COOKIE_NAME
from tests.counters_support import BROWSER_UA
from tests.helpers import HX, QueryCounter, read

BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "curl/8.5.0",
    "Wget/1.21.3",
    "python-requests/2.31.0",
    "Python-urllib/3.11",
    "Go-http-client/1.1",
    "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
    "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
    "kube-probe/1.28",
    "Prometheus/2.48.0",
    "Blackbox Exporter/0.24.0",
    "GoogleHealthCheck",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
    "",
]
READERS = [
    BROWSER_UA,
    "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.0 "
    "Chrome/111.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 12; SM-A525F; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
    "Chrome/114.0.5735.196 Mobile Safari/537.36 Zalo android/12100629 ZaloLanguage/vn",
]


@pytest.fixture
def site(make_app, fixed_clock):
    """The demo site on the fixed clock, and a reader's browser for it. The demo's invented
    visit history is taken out (its total folded back into the offset): these tests count
    every visit from zero."""
    app = make_app(demo=True, CLOCK=fixed_clock, REDIS_URL=None)  # the SQL store's rows are read below
    with app.app_context():
        db.session.execute(delete(VisitTally))
        db.session.execute(update(SiteSettings).values(visit_offset=SEED_VISIT_TOTAL))
        db.session.commit()
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = BROWSER_UA
    return app, client, fixed_clock


def counters(app, clock):
    with app.app_context():
        return counting.store().counters(clock())


def article_url(app) -> tuple[int, str]:
    with app.test_request_context():
        article = db.session.execute(select(Article).order_by(Article.id)).scalars().first()
        return article.id, article.url


@pytest.mark.parametrize(("minutes", "visits"), [(10, 1), (29, 1), (30, 2), (31, 2)])
def test_two_views_are_one_visit_unless_thirty_minutes_apart(site, minutes, visits):
    app, client, clock = site
    read(client, "/")
    clock.moment += timedelta(minutes=minutes)
    read(client, "/")
    assert counters(app, clock).total == Tally(visits=visits, page_views=2)


def test_seen_four_minutes_ago_is_online_six_is_not(site):
    app, client, clock = site
    read(client, "/")
    clock.moment += timedelta(minutes=4)
    assert counters(app, clock).online == 1
    clock.moment += timedelta(minutes=2)
    assert counters(app, clock).online == 0


def test_the_shown_total_adds_the_offset(site):
    app, client, clock = site
    page, live = read(client, "/")
    body = page.get_data(as_text=True)
    assert "<dt>Thống kê:</dt>" in body and "791.935" in body  # 791.935 from the old site: the page counts nothing
    for label in ("Online:", "Hôm nay:", "Tháng này:"):
        assert f"<dt>{label}</dt>" in body
    assert "791.936" in live.get_data(as_text=True)  # plus this visit, counted by the live fragment


@pytest.mark.parametrize("user_agent", BOTS)
def test_bots_probes_and_command_line_clients_do_not_count(site, user_agent):
    app, client, clock = site
    page, live = read(client, "/", headers={"User-Agent": user_agent})
    assert page.status_code == live.status_code == 200
    assert read(client, "/", headers={"User-Agent": user_agent}, javascript=False)[1].status_code == 200
    assert client.get("/widgets/counters", headers={"User-Agent": user_agent, **HX}).status_code == 200
    assert "Set-Cookie" not in live.headers
    assert counters(app, clock).total == Tally(0, 0)
    with app.app_context():
        assert db.session.execute(select(func.count(VisitorPresence.visitor_key))).scalar() == 0


@pytest.mark.parametrize("user_agent", READERS)
def test_browsers_count(site, user_agent):
    app, client, clock = site
    read(client, "/", headers={"User-Agent": user_agent})
    assert counters(app, clock).total == Tally(1, 1)
    read(client, "/", headers={"User-Agent": user_agent}, javascript=False)  # the counting image: one more page view
    assert counters(app, clock).total == Tally(1, 2)


def test_the_counters_fragment_renews_online_but_is_no_visit(site):
    app, client, clock = site
    response = client.get("/widgets/counters", headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body and 'id="bo-dem"' in body
    assert "HX-Request" in response.vary and "Cookie" not in response.vary  # the fragment reads no session
    assert "no-store" in response.headers["Cache-Control"]
    assert counters(app, clock).total == Tally(0, 0)
    assert counters(app, clock).online == 0  # no page view has counted this visitor yet
    read(client, "/")
    clock.moment += timedelta(minutes=4)
    client.get("/widgets/counters", headers=HX)
    clock.moment += timedelta(minutes=4)
    assert counters(app, clock).online == 1  # kept online by the refresh
    assert counters(app, clock).total == Tally(1, 1)


def test_the_counters_address_without_htmx_leads_to_the_statistics_page(site):
    app, client, clock = site
    response = client.get("/widgets/counters")
    assert response.status_code == 302 and response.headers["Location"] == "/thong-ke"
    assert counters(app, clock).total == Tally(0, 0)


def test_static_files_uploads_and_fragments_do_not_count(site):
    app, client, clock = site
    with client.get("/static/css/portal.css") as response:
        assert response.status_code == 200
    page = read(client, "/ban-do")[0].get_data(as_text=True)  # counted: one page view
    image = page.split('<figure class="town-map">')[1].split('src="')[1].split('"')[0]
    with client.get(image) as response:
        assert response.status_code == 200
    client.get("/widgets/counters", headers=HX)
    assert counters(app, clock).total == Tally(1, 1)


@pytest.mark.parametrize("path", ["/", "/tin-tuc/xay-dung-dang/", "/thong-ke", "/ban-do", "/tim-kiem?q=hong+linh", "/rss", "/api/v1/articles", "/healthz"])
def test_a_page_alone_counts_nothing(site, path):
    """Pages are the same bytes for everyone: only what they load (fragment or image) counts."""
    app, client, clock = site
    response = client.get(path)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert counters(app, clock).total == Tally(0, 0) and counters(app, clock).online == 0


def test_prefetches_and_error_pages_do_not_count_but_boosted_navigation_does(site):
    app, client, clock = site
    page, live = read(client, "/", headers={"Sec-Purpose": "prefetch"})
    assert live.status_code == 200 and "Set-Cookie" not in live.headers
    missing = client.get("/khong-co-trang-nay")
    assert missing.status_code == 404 and "/widgets/live" not in missing.get_data(as_text=True)
    assert counters(app, clock).total == Tally(0, 0)
    read(client, "/", headers={**HX, "HX-Boosted": "true"})  # a boosted page loads its fragment like any other
    assert counters(app, clock).total == Tally(1, 1)


def test_rollover_keeps_yesterday_and_last_year(site):
    app, client, clock = site
    clock.moment = datetime(2019, 12, 31, 23, 59)
    read(client, "/")
    clock.moment = datetime(2020, 1, 1, 0, 1)
    read(client, "/")  # same visit, new day, new month, new year
    client.delete_cookie(COOKIE_NAME)
    read(client, "/")  # a new visitor
    now = counters(app, clock)
    assert now.today == now.month == Tally(1, 2)
    assert now.total == Tally(2, 3)
    with app.app_context():
        rows = {(row.kind, row.period): (row.visits, row.page_views) for row in db.session.execute(select(VisitTally)).scalars()}
    assert rows[(TallyKind.DAY, datetime(2019, 12, 31).date())] == (1, 1)
    assert rows[(TallyKind.MONTH, datetime(2019, 12, 1).date())] == (1, 1)


def test_the_record_online_is_kept(site):
    app, client, clock = site
    for _ in range(3):
        client.delete_cookie(COOKIE_NAME)
        read(client, "/")
    peak_time = clock.moment
    clock.moment += timedelta(hours=1)
    read(client, "/")
    body = client.get("/thong-ke").get_data(as_text=True)
    assert f'id="tk-cao-nhat">Cao nhất: 3 lúc {peak_time:%d/%m/%Y %H:%M}</dd>' in body


def test_article_views_are_counted_and_shown(site):
    app, client, clock = site
    article_id, url = article_url(app)
    for number in range(3):
        client.delete_cookie(COOKIE_NAME)
        page, live = read(client, url)
        assert "Lượt xem: 0</span>" in page.get_data(as_text=True)  # as it was when the page was kept
        assert f'id="luot-xem" data-hx-swap-oob="true">Lượt xem: {number + 1}</span>' in live.get_data(as_text=True)
    read(client, url, headers={"User-Agent": "curl/8.5.0"})
    read(client, f"/tin-tuc/in/{article_id}.html")  # printing is not another read
    with app.app_context():
        assert db.session.get(Article, article_id).view_count == 3
    most_read = client.get("/").get_data(as_text=True).split('<ol class="most-read">')[1].split("</ol>")[0]
    assert f'href="{url}"' in most_read.split("</li>")[0] and "(3 lượt xem)" in most_read


def test_article_views_use_vietnamese_thousands(site):
    app, client, clock = site
    article_id, url = article_url(app)
    with app.app_context():
        db.session.get(Article, article_id).view_count = 1233
        db.session.commit()
    assert "Lượt xem: 1.234" in read(client, url)[1].get_data(as_text=True)


def test_old_presence_rows_are_pruned_as_time_moves(site):
    app, client, clock = site
    for _ in range(5):
        client.delete_cookie(COOKIE_NAME)
        read(client, "/")
    clock.moment += timedelta(minutes=40)
    client.delete_cookie(COOKIE_NAME)
    read(client, "/")
    with app.app_context():
        assert db.session.execute(select(func.count(VisitorPresence.visitor_key))).scalar() == 1
    assert counters(app, clock).total == Tally(6, 6)


def test_counters_fragment_query_count(site):
    """Reading the fragment costs the site settings, the presence upsert and one read."""
    app, client, clock = site
    read(client, "/")  # a reader counted by a page view, whose refresh renews presence
    with app.app_context():
        counter = QueryCounter(db.engine)
    with counter:
        assert client.get("/widgets/counters", headers=HX).status_code == 200
    assert counter.count == COUNTERS_FRAGMENT_QUERIES, counter.statements


COUNTERS_FRAGMENT_QUERIES = 3


def test_the_bot_rule_as_a_plain_function():
    assert is_bot("curl/8.5.0") and is_bot("") and not is_bot(BROWSER_UA)


def test_pages_answer_when_redis_is_unreachable(make_app, fixed_clock):
    """A configured Redis that does not answer: pages, the fragment and the statistics page
    still answer 200, article views are still kept, and the counters show a dash."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free, and nothing listens there
    app = make_app(demo=True, CLOCK=fixed_clock, REDIS_URL=f"redis://127.0.0.1:{port}/0")
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = BROWSER_UA
    article_id, url = article_url(app)
    home = client.get("/")
    assert home.status_code == 200
    assert 'tổng lượt truy cập </span>–</dd>' in home.get_data(as_text=True)
    assert "Lượt xem: 1" in read(client, url)[1].get_data(as_text=True)
    fragment = client.get("/widgets/counters", headers=HX)
    assert fragment.status_code == 200 and "–" in fragment.get_data(as_text=True)
    statistics = client.get("/thong-ke")
    assert statistics.status_code == 200 and "tạm thời không đọc được" in statistics.get_data(as_text=True)
    with app.app_context():
        counting.store().close()
