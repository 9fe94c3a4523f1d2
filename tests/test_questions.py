"""Hỏi đáp (issue 18, point 6): a citizen asks under the contact form's rules, a moderator
publishes the question with the unit's answer or rejects it; the published ones are listed by
topic, searched without diacritics, each at its own address, in the site search, RSS and the
sitemap; the asker is never shown."""

import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import Question, QuestionStatus, Role, Unit
from portal.services import two_factor
from portal.services.accounts import create_user
from tests.helpers import ADMIN_PASSWORD, TOTP_SECRET, AdminBrowser

ASK = "/hoi-dap/gui-cau-hoi"
WAITING_TITLE = "Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ"
PUBLISHED_TITLE = "Giờ tiếp dân của Thường trực Thị ủy"


@pytest.fixture
def site(make_app):
    app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=0, CITIZEN_FORM_LIMIT="100 per minute", PASSWORD_HASH_PROFILE="CHEAPEST")
    with app.app_context():
        two_factor.enable(create_user("quantri", ADMIN_PASSWORD, Role.ADMIN), TOTP_SECRET, clock.now(), actor=None)
    return app


def signed_in(app) -> AdminBrowser:
    browser = AdminBrowser(app.test_client())
    assert browser.sign_in("quantri").status_code == 302
    return browser


def question(app, title: str) -> Question:
    """The question, with its address read while the app is there."""
    with app.test_request_context():
        found = db.session.execute(select(Question).where(Question.title == title)).scalar_one()
        found.address = found.url
        return found


def asking(client, **changes) -> dict:
    page = client.get(ASK).get_data(as_text=True)
    stamp = page.split('name="stamp" type="hidden" value="')[1].split('"')[0]
    return {"name": "Trần Văn Nam", "email": "nam@nha.example", "phone": "0912 111 222", "topic_id": "", "unit_id": "",
            "title": "Đăng ký khai sinh cho con", "question": "Đăng ký khai sinh ở phường cần giấy tờ gì?", "website": "",
            "stamp": stamp} | changes  # fmt: skip


def text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.get_data(as_text=True)


def test_the_published_questions_by_topic_and_each_at_its_own_address(site):
    client = site.test_client()
    listing = text(client, "/hoi-dap")
    assert PUBLISHED_TITLE in listing and WAITING_TITLE not in listing
    topic = text(client, "/hoi-dap?chu-de=cong-tac-dang-doan-the")
    assert "Chuyển sinh hoạt đảng" in topic and PUBLISHED_TITLE not in topic
    assert client.get("/hoi-dap?chu-de=khong-co").status_code == 404
    published = question(site, PUBLISHED_TITLE)
    page = text(client, published.address)
    assert "ngày 15 hằng tháng" in page and "Văn phòng Thị ủy" in page
    assert "đã xoá" not in page and "Người hỏi" not in page  # nothing of the asker is shown
    assert client.get(f"/hoi-dap/sai-duong-dan-{published.id}.html").headers["Location"] == published.address
    assert client.get(f"/hoi-dap/x-{question(site, WAITING_TITLE).id}.html").status_code == 404


def test_the_list_is_searched_without_diacritics(site):
    client = site.test_client()
    found = text(client, "/hoi-dap?q=sinh+hoat+dang&chu-de=")  # as the form sends it, every topic
    assert "Chuyển sinh hoạt đảng" in found and PUBLISHED_TITLE not in found
    assert "Không có câu hỏi nào có đủ các từ «100%_»" in text(client, "/hoi-dap?q=100%25_")


def test_in_the_site_search_the_feed_and_the_sitemap(site):
    client = site.test_client()
    published = question(site, PUBLISHED_TITLE)
    assert published.address in text(client, "/tim-kiem?q=tiep+dan")
    feed = text(client, "/hoi-dap/rss")
    assert f"<link>http://localhost{published.address}</link>" in feed
    sitemap = text(client, "/sitemap.xml")
    assert f"<loc>http://localhost{published.address}</loc>" in sitemap and "<loc>http://localhost/hoi-dap</loc>" in sitemap


def test_a_question_waits_then_is_published_with_the_answer(site):
    client = site.test_client()
    response = client.post(ASK, data=asking(client))
    assert response.status_code == 200 and "HD-" in response.get_data(as_text=True)
    asked = question(site, "Đăng ký khai sinh cho con")
    assert asked.status == QuestionStatus.PENDING and "Đăng ký khai sinh" not in text(client, "/hoi-dap")
    admin = signed_in(site)
    url = f"/quan-tri/hoi-dap/{asked.id}"
    assert "0912 111 222" in admin.client.get(url).get_data(as_text=True)  # the moderator sees the asker
    with site.app_context():
        unit_id = db.session.execute(select(Unit.id).where(Unit.slug == "van-phong-thi-uy")).scalar_one()
    fields = {"title": "Giấy tờ đăng ký khai sinh", "question": asked.question, "topic_id": "", "unit_id": str(unit_id), "answer": ""}
    no_answer = admin.post(url, fields | {"thao_tac": "dang"}, form_url=url)
    assert no_answer.status_code == 422 and "Chỉ đăng được câu hỏi đã có câu trả lời." in no_answer.get_data(as_text=True)
    answer = "Mang theo giấy chứng sinh và giấy tờ tùy thân của cha, mẹ."
    assert admin.post(url, fields | {"answer": answer, "thao_tac": "dang"}, form_url=url).status_code == 302
    published = question(site, "Giấy tờ đăng ký khai sinh")
    page = text(client, published.address)
    assert answer in page and "Trần Văn Nam" not in page and "nam@nha.example" not in page and "0912 111 222" not in page
    assert admin.post(url, fields | {"answer": answer, "thao_tac": "khong-dang"}, form_url=url).status_code == 302
    assert client.get(published.address).status_code == 404


def test_the_question_form_has_the_contact_forms_rules(site):
    client = site.test_client()
    cases = (
        ({"website": "x"}, 422, "phải để trống"),
        ({"stamp": "gia-mao"}, 400, "Nội dung bạn viết vẫn còn"),
        ({"title": ""}, 422, "Xin điền ô này."),
        ({"question": "z" * 100_000}, 422, "Tối đa 5.000 ký tự."),
        ({"topic_id": "999999"}, 422, "Chủ đề này không còn nữa; xin chọn lại."),
        ({"email": "", "phone": ""}, 422, "Xin cho biết thư điện tử hoặc số điện thoại"),
    )
    for changes, status, message in cases:
        response = client.post(ASK, data=asking(client, **changes))
        assert response.status_code == status and message in response.get_data(as_text=True), message
    cross = client.post(ASK, data=asking(client), headers={"Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403
    with site.app_context():
        assert db.session.execute(select(Question).where(Question.title == "Đăng ký khai sinh cho con")).first() is None


def test_a_flood_of_questions_is_stopped(make_app):
    app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=0, CITIZEN_FORM_LIMIT="2 per minute")
    client = app.test_client()
    answers = [client.post(ASK, data=asking(client)).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
