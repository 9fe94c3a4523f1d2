"""The read-only JSON API: hand-picked cases, then schemathesis against our own OpenAPI document."""

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from portal.api.openapi import PATHS
from portal.demo.loader import SEED_TITLE, SEED_VISIT_TOTAL
from portal.extensions import db
from portal.models import Article, ArticleStatus, Category
from tests.counters_support import BROWSER_UA
from tests.helpers import read

OPERATIONS = [(path, method.upper()) for path, methods in PATHS.items() for method in methods]


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_api_honours_its_openapi_document(demo_app, path, method):
    """No 5xx, every status documented, every body matches its schema.

    The schema is loaded from the running app's /api/v1/openapi.json, so the test checks the
    document we serve. (Driven through Hypothesis directly: schemathesis' pytest fixture loader
    does not run under pytest 9.)
    """
    operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", demo_app)[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def honours(case):
        # Werkzeug's test client does not undo Content-Encoding; a real HTTP client would.
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    honours()


def test_articles_are_paginated_newest_first(client):
    body = client.get("/api/v1/articles?per_page=5&page=2").get_json()
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (2, 5, 29, 6)
    dates = [item["published_at"] for item in body["items"]]
    assert len(dates) == 5 and dates == sorted(dates, reverse=True)
    assert all(item["url"].startswith("http://localhost/tin-tuc/") for item in body["items"])


def test_articles_filter_by_category_and_dates(client):
    body = client.get("/api/v1/articles?category=xay-dung-dang&from=2020-02-20&to=2020-02-20").get_json()
    assert [item["title"] for item in body["items"]] == [SEED_TITLE]
    assert body["items"][0]["published_at"] == "2020-02-20T08:30:00+07:00"
    assert body["items"][0]["category"]["slug"] == "xay-dung-dang"
    whole_month = client.get("/api/v1/articles?from=2020-02-01&to=2020-02-29&per_page=100").get_json()
    assert all(item["published_at"].startswith("2020-02-") for item in whole_month["items"])
    assert SEED_TITLE in [item["title"] for item in whole_month["items"]]
    reversed_range = client.get("/api/v1/articles?from=2020-03-01&to=2020-02-01").get_json()
    assert (reversed_range["items"], reversed_range["total"]) == ([], 0)


def test_one_article_with_body_and_rating(client, demo_app):
    with demo_app.app_context():
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        seed.rating_count, seed.rating_sum = 4, 17
        db.session.commit()
        seed_id = seed.id
    body = client.get(f"/api/v1/articles/{seed_id}").get_json()
    assert body["title"] == SEED_TITLE
    assert body["body_html"].startswith("<p>Sáng ngày 20/02/2020")
    assert body["rating"] == {"count": 4, "average": 4.25}


def test_drafts_are_not_served(client, demo_app):
    with demo_app.app_context():
        category = db.session.execute(select(Category).limit(1)).scalar_one()
        draft = Article(title="Nháp", slug="nhap", category=category, status=ArticleStatus.DRAFT)
        db.session.add(draft)
        db.session.commit()
        draft_id = draft.id
    response = client.get(f"/api/v1/articles/{draft_id}")
    assert response.status_code == 404
    assert response.get_json() == {"error": {"status": 404, "message": "Không tìm thấy bài viết."}}


def test_categories_and_counters(client):
    categories = client.get("/api/v1/categories").get_json()["items"]
    assert [c["slug"] for c in categories][:2] == ["tin-tuc-su-kien", "xay-dung-dang"]
    assert sum(c["article_count"] for c in categories) == 29
    counters = client.get("/api/v1/counters").get_json()
    month = counters.pop("month")  # the demo's invented history fills this month up to yesterday
    assert counters == {
        "visits": SEED_VISIT_TOTAL, "today": 0, "online": 0,
        "articles": 29, "page_views": 0, "rating_votes": 0,
    }  # fmt: skip
    read(client, "/", headers={"User-Agent": BROWSER_UA})  # a reader's visit, counted by the page's live fragment
    assert client.get("/api/v1/counters").get_json()["visits"] == SEED_VISIT_TOTAL  # the API is a page: kept up to its max age
    client.application.config["PAGE_MAX_AGE"] = 0  # as it is once the kept answer is older than that
    counters = client.get("/api/v1/counters").get_json()
    assert (counters["visits"], counters["today"], counters["month"], counters["online"]) == (SEED_VISIT_TOTAL + 1, 1, month + 1, 1)


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/v1/articles?page=0", 400, "«page» phải là số nguyên dương"),
        ("/api/v1/articles?page=abc", 400, "«page» phải là số nguyên dương"),
        ("/api/v1/articles?per_page=1000", 400, "«per_page» tối đa là 100"),
        ("/api/v1/articles?category=khong-co", 404, "Không có chuyên mục «khong-co»"),
        ("/api/v1/articles?from=20-02-2020", 400, "«from» phải là ngày dạng NNNN-TT-NN"),
        ("/api/v1/articles/999999", 404, "Không tìm thấy bài viết"),
        ("/api/v1/khong-co", 404, "Không tìm thấy"),
    ],
)
def test_errors_are_json_with_the_right_status(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["status"] == status and message in error["message"]


def test_the_api_is_read_only(client):
    response = client.post("/api/v1/articles")
    assert response.status_code == 405
    assert response.get_json()["error"]["status"] == 405
    assert "GET" in response.headers["Allow"]


def test_openapi_document_lists_every_route(client, demo_app):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    documented = {f"/api/v1{path}" for path in document["paths"]}
    routes = {
        re.sub(r"<int:(\w+)>", r"{\1}", str(rule))
        for rule in demo_app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.endpoint not in ("api.openapi", "api.not_found")
    }
    assert routes == documented
