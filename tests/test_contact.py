"""The contact form (issue 18, point 5): stored with a reference, the spam rules (honeypot, least
time, limit per address, cross-site posts), bad input kept with a Vietnamese message, mail to the
unit on a real SMTP server and nothing lost without it, the admin's handling, and the sender's
details cleared after the retention time by the hourly pass."""

import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.demo.questions import DEMO_SENDER
from portal.extensions import db
from portal.models import AuditLog, ContactMessage, MailStatus, Role, Unit
from portal.services import contact, housekeeping, two_factor
from portal.services.accounts import create_user
from tests.helpers import ADMIN_PASSWORD, TOTP_SECRET, AdminBrowser, SmtpInbox, free_port

URL = "/lien-he"
SAME_SITE = {"Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def site(make_app):
    """The demo site with no least time to fill (each test that needs it sets its own)."""
    return make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=0)


def unit_id(app, slug: str = "ban-tuyen-giao-thi-uy") -> int:
    with app.app_context():
        return db.session.execute(select(Unit.id).where(Unit.slug == slug)).scalar_one()


def stamp_of(client) -> str:
    page = client.get(URL).get_data(as_text=True)
    return page.split('name="stamp" type="hidden" value="')[1].split('"')[0]


def message(client, app, **changes) -> dict:
    return {"name": "Nguyễn Thị Hoa", "email": "hoa@nha.example", "phone": "", "unit_id": str(unit_id(app)),
            "subject": "Hỏi về lịch tiếp dân", "message": "Xin cho biết lịch tiếp dân tháng này.", "website": "",
            "stamp": stamp_of(client)} | changes  # fmt: skip


def stored(app) -> list[ContactMessage]:
    """The messages the test sent (the demo's own left out)."""
    with app.app_context():
        query = select(ContactMessage).where(ContactMessage.email != DEMO_SENDER).order_by(ContactMessage.id)
        return db.session.execute(query).scalars().all()


def test_a_message_is_stored_with_a_reference(site):
    client = site.test_client()
    form = client.get(URL + "?don-vi=ban-tuyen-giao-thi-uy")
    assert form.status_code == 200 and form.headers["Cache-Control"].startswith("public")
    assert f'<option selected value="{unit_id(site)}">' in form.get_data(as_text=True)
    response = client.post(URL, data=message(client, site), headers=SAME_SITE)
    page = response.get_data(as_text=True)
    [kept] = stored(site)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store" and "Set-Cookie" not in response.headers
    assert kept.reference.startswith("LH-") and f'<strong class="reference">{kept.reference}</strong>' in page
    assert (kept.name, kept.email, kept.unit_id, kept.mail_status) == ("Nguyễn Thị Hoa", "hoa@nha.example", unit_id(site), MailStatus.NONE)
    assert "Thư đã được chuyển đến Ban Tuyên giáo Thị ủy" in page


def test_html_and_script_are_stored_as_text_and_shown_escaped(site):
    client = site.test_client()
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    refused = client.post(URL, data=message(client, site, subject=hostile, phone="x"))  # shown again in the form
    assert refused.status_code == 422 and "<script>alert" not in refused.get_data(as_text=True)
    assert client.post(URL, data=message(client, site, name=hostile[:120], subject=hostile, message=hostile)).status_code == 200
    assert stored(site)[0].message == hostile


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"name": ""}, "Xin điền ô này."),
        ({"email": "", "phone": ""}, "Xin cho biết thư điện tử hoặc số điện thoại"),
        ({"email": "khong-phai-dia-chi"}, "Địa chỉ thư điện tử không hợp lệ."),
        ({"phone": "gọi tôi"}, "Số điện thoại chỉ gồm chữ số"),
        ({"message": "x" * 100_000}, "Tối đa 5.000 ký tự."),
        ({"subject": "y" * 201}, "Tối đa 200 ký tự."),
        ({"unit_id": "999999"}, "Đơn vị này không còn nữa; xin chọn lại."),
        ({"unit_id": "abc"}, "Lựa chọn không hợp lệ."),
        ({"unit_id": str(2**70)}, "Lựa chọn không hợp lệ."),
    ],
)
def test_bad_input_is_refused_with_the_form_kept(site, changes, text):
    client = site.test_client()
    response = client.post(URL, data=message(client, site, **changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and text in page and "Chưa gửi được. Xin sửa các ô" in page
    assert "Hỏi về lịch tiếp dân" in page or "subject" in changes  # what was written is kept
    assert stored(site) == []


def test_a_bot_filling_the_honeypot_is_refused_and_nothing_stored(site):
    client = site.test_client()
    response = client.post(URL, data=message(client, site, website="http://spam.example"))
    assert response.status_code == 422 and "phải để trống" in response.get_data(as_text=True)
    assert stored(site) == []


def test_a_form_sent_at_once_or_with_a_forged_stamp_is_refused(make_app):
    app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=2)
    client = app.test_client()
    fast = client.post(URL, data=message(client, app))
    assert fast.status_code == 422 and "Bạn gửi nhanh quá" in fast.get_data(as_text=True)
    forged = client.post(URL, data=message(client, app, stamp="form.abc.def"))
    assert forged.status_code == 400 and "Nội dung bạn viết vẫn còn" in forged.get_data(as_text=True)
    assert "Xin cho biết lịch tiếp dân" in forged.get_data(as_text=True)
    data = message(client, app)
    time.sleep(2.1)
    assert client.post(URL, data=data).status_code == 200 and len(stored(app)) == 1


def test_a_cross_site_post_is_refused(site):
    client = site.test_client()
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "http://evil.example"}):
        response = client.post(URL, data=message(client, site), headers=headers)
        assert response.status_code == 403 and "đến từ một trang web khác" in response.get_data(as_text=True)
    assert stored(site) == []


def test_a_flood_from_one_address_is_stopped(make_app):
    app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=0, CITIZEN_FORM_LIMIT="3 per minute")
    client = app.test_client()
    answers = [client.post(URL, data=message(client, app)).status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    last = client.post(URL, data=message(client, app, subject="Thư thứ sáu"))
    assert "Có quá nhiều thư gửi từ địa chỉ mạng của bạn" in last.get_data(as_text=True)
    assert "Thư thứ sáu" in last.get_data(as_text=True) and len(stored(app)) == 3


def test_the_unit_is_mailed_through_a_real_smtp_server(make_app):
    with SmtpInbox() as inbox:
        app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=0, MAIL_SERVER=inbox.address)
        client = app.test_client()
        assert client.post(URL, data=message(client, app)).status_code == 200
    [kept] = stored(app)
    [(recipients, mail)] = inbox.messages
    assert recipients == ["tuyengiao@honglinh.example"] and kept.mail_status == MailStatus.SENT
    assert mail["Subject"] == f"[{kept.reference}] Hỏi về lịch tiếp dân" and mail["Reply-To"] == "hoa@nha.example"
    body = mail.get_content()
    assert "Xin cho biết lịch tiếp dân tháng này." in body and f"http://localhost/quan-tri/lien-he/{kept.id}" in body


def test_nothing_is_lost_when_the_mail_server_is_down_and_the_hourly_pass_sends_it(make_app):
    port = free_port()  # nobody listens there yet
    app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=0, MAIL_SERVER=f"127.0.0.1:{port}")
    client = app.test_client()
    response = client.post(URL, data=message(client, app))
    [kept] = stored(app)
    assert response.status_code == 200 and kept.reference in response.get_data(as_text=True)
    assert kept.mail_status == MailStatus.WAITING
    with SmtpInbox() as inbox:
        app.config["MAIL_SERVER"] = inbox.address
        with app.app_context():
            housekeeping.keep_up(clock.now(), None)  # the admin's hourly pass
    assert stored(app)[0].mail_status == MailStatus.SENT and len(inbox.messages) == 1


def test_personal_details_are_cleared_after_the_retention_time(site):
    client = site.test_client()
    client.post(URL, data=message(client, site))
    [sent] = stored(site)
    with site.app_context():
        later = clock.now() + timedelta(days=site.config["CONTACT_RETENTION_DAYS"] + 1)
        assert housekeeping.keep_up(later, None) == later
        logged = db.session.execute(select(func.count()).where(AuditLog.action == "forget")).scalar()
        kept = db.session.get(ContactMessage, sent.id)
    assert (kept.name, kept.email, kept.message) == (contact.FORGOTTEN, "", contact.FORGOTTEN)
    assert kept.forgotten_at is not None and kept.reference.startswith("LH-") and logged == 1
    runner = site.test_cli_runner()
    assert "dữ liệu cá nhân của 0 thư" in runner.invoke(args=["portal", "purge-bin"]).output


def test_the_admin_lists_per_unit_and_records_who_handled_it(make_app):
    with SmtpInbox() as inbox:
        app = make_app(demo=True, CITIZEN_FORM_MIN_SECONDS=0, MAIL_SERVER=inbox.address, PASSWORD_HASH_PROFILE="CHEAPEST")
        with app.app_context():
            two_factor.enable(create_user("quantri", ADMIN_PASSWORD, Role.ADMIN), TOTP_SECRET, clock.now(), actor=None)
        reader = app.test_client()
        reader.post(URL, data=message(reader, app))
        reader.post(URL, data=message(reader, app, unit_id="", subject="Không rõ đơn vị"))
        admin = AdminBrowser(app.test_client())
        assert admin.sign_in("quantri").status_code == 302
        listing = admin.client.get(f"/quan-tri/lien-he?don-vi={unit_id(app)}").get_data(as_text=True)
        assert "Hỏi về lịch tiếp dân" in listing and "Không rõ đơn vị" not in listing
        assert "Không rõ đơn vị" in admin.client.get("/quan-tri/lien-he?don-vi=0").get_data(as_text=True)
        kept = stored(app)[0]
        url = f"/quan-tri/lien-he/{kept.id}"
        answer = {"status": "answered", "answer": "Lịch tiếp dân là sáng thứ Năm hằng tuần.", "send_answer": "y"}
        assert admin.post(url, answer, form_url=url).status_code == 302
    handled = stored(app)[0]
    assert (handled.status, handled.handled_by, handled.answer) == ("answered", "quantri", answer["answer"])
    replies = [mail for recipients, mail in inbox.messages if recipients == ["hoa@nha.example"]]
    assert len(replies) == 1 and "sáng thứ Năm" in replies[0].get_content()
    assert "đã trả lời" in admin.client.get("/quan-tri/lien-he?trang-thai=answered").get_data(as_text=True).lower()


def test_an_editor_cannot_read_the_messages(admin_app, editor):
    assert editor.client.get("/quan-tri/lien-he").status_code == 403
