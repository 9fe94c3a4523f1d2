"""Accounts in the admin (issue 16, point 4): quản trị creates, edits, disables, enables and resets
accounts; everyone changes their own password by the ASVS rules and sees their own sessions;
the audit log tells the story and is filtered by person, action and day."""

import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AdminSession, AuditLog, Category, User
from portal.services import passwords
from tests.helpers import ADMIN_PASSWORD, EDITOR_CATEGORIES, AdminBrowser

NEW = "/quan-tri/tai-khoan/moi"


def _user(app, username: str) -> User:
    with app.app_context():
        user = db.session.execute(select(User).where(User.username == username)).scalar_one()
        user.categories  # loaded before the session closes  # noqa: B018
        db.session.expunge(user)
        return user


def _category_ids(app, *slugs: str) -> list[int]:
    with app.app_context():
        return list(db.session.execute(select(Category.id).where(Category.slug.in_(slugs))).scalars())


def _actions(app) -> list[tuple[str, str, str]]:
    with app.app_context():
        return [tuple(row) for row in db.session.execute(select(AuditLog.username, AuditLog.action, AuditLog.summary))]


def _temporary(page: str) -> str:
    return re.search(r'<p class="temporary-password"><code>([a-z0-9-]+)</code>', page).group(1)


def test_quan_tri_creates_a_writer_who_must_choose_a_password(admin_app, admin):
    categories = _category_ids(admin_app, "van-hoa-the-thao")
    fields = {"username": "ctv.an", "display_name": "Nguyễn Văn An", "role": "writer", "categories": categories}
    created = admin.post(NEW, fields)
    assert created.status_code == 200 and "Đã tạo tài khoản" in created.get_data(as_text=True)
    temporary = _temporary(created.get_data(as_text=True))
    user = _user(admin_app, "ctv.an")
    assert (user.role, user.display_name, user.must_change_password) == ("writer", "Nguyễn Văn An", True)
    assert [category.slug for category in user.categories] == ["van-hoa-the-thao"]
    assert temporary not in user.password_hash
    listed = admin.client.get("/quan-tri/tai-khoan").get_data(as_text=True)
    assert "Nguyễn Văn An" in listed and "Cộng tác viên / phóng viên" in listed and "Văn hóa - Thể thao" in listed

    person = AdminBrowser(admin_app.test_client())
    assert person.sign_in("ctv.an", temporary).status_code == 302
    assert person.client.get("/quan-tri/bai-viet").headers["Location"] == "/quan-tri/doi-mat-khau"
    new = "mot cau mat khau that dai"
    changed = person.post("/quan-tri/doi-mat-khau", {"current": temporary, "new": new, "confirm": new})
    assert changed.status_code == 302
    assert person.client.get("/quan-tri/bai-viet").status_code == 200
    assert ("quantri", "create", "ctv.an (Cộng tác viên / phóng viên; chuyên mục: Văn hóa - Thể thao)") in _actions(admin_app)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"username": ""}, "Không được để trống."),
        ({"username": "có dấu cách"}, "Chỉ gồm chữ, số và các dấu . _ - @ (không dấu cách)."),
        ({"username": "BIENTAP"}, "Tên đăng nhập “BIENTAP” đã có."),
        ({"role": "chu-tich"}, "Lựa chọn không hợp lệ."),
        ({"categories": []}, "Hãy chọn ít nhất một chuyên mục cho phóng viên hoặc biên tập viên."),
        ({"categories": [99999]}, "Lựa chọn không hợp lệ."),
        ({"categories": ["abc"]}, "Lựa chọn không hợp lệ."),
        ({"display_name": "x" * 121}, "Tối đa 120 ký tự."),
    ],
)
def test_bad_account_input_keeps_the_values_and_says_why(admin_app, admin, fields, message):
    base = {"username": "bientap2", "display_name": "Trần Thị Bình", "role": "editor",
            "categories": _category_ids(admin_app, "xay-dung-dang")}  # fmt: skip
    refused = admin.post(NEW, base | fields)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and message in page
    if "display_name" not in fields:
        assert 'value="Trần Thị Bình"' in page
    with admin_app.app_context():
        assert db.session.execute(select(User).where(User.username == "bientap2")).scalar_one_or_none() is None


def test_quan_tri_edits_role_and_categories(admin_app, admin):
    user = _user(admin_app, "phongvien")
    url = f"/quan-tri/tai-khoan/{user.id}"
    form = admin.client.get(url).get_data(as_text=True)
    assert 'name="username"' not in form  # a user name never changes
    assert form.count("checked") == 2  # the writer's two categories
    categories = _category_ids(admin_app, *EDITOR_CATEGORIES)
    saved = admin.post(url, {"display_name": "Phóng viên Hà", "role": "editor", "categories": categories})
    assert saved.status_code == 302 and saved.headers["Location"] == "/quan-tri/tai-khoan"
    user = _user(admin_app, "phongvien")
    assert user.role == "editor" and {c.id for c in user.categories} == set(categories)


def test_quan_tri_cannot_demote_or_disable_themself_or_the_last_admin(admin_app, admin):
    me = _user(admin_app, "quantri")
    refused = admin.post(f"/quan-tri/tai-khoan/{me.id}", {"display_name": "", "role": "editor", "categories": _category_ids(admin_app, "xay-dung-dang")})
    assert refused.status_code == 422 and "Không thể tự đổi vai trò của chính mình." in refused.get_data(as_text=True)
    disabled = admin.post(f"/quan-tri/tai-khoan/{me.id}/khoa", form_url="/quan-tri/tai-khoan")
    assert disabled.status_code == 303
    assert "Không thể tự khóa tài khoản của chính mình." in admin.client.get("/quan-tri/tai-khoan").get_data(as_text=True)
    assert _user(admin_app, "quantri").active and _user(admin_app, "quantri").is_admin


def test_disabling_an_account_ends_its_sessions_and_enabling_lets_it_back(admin_app, admin, editor):
    user = _user(admin_app, "bientap")
    asked = admin.client.get(f"/quan-tri/tai-khoan/{user.id}/khoa")
    assert "Mọi phiên đăng nhập của tài khoản kết thúc ngay" in asked.get_data(as_text=True)
    assert admin.post(f"/quan-tri/tai-khoan/{user.id}/khoa").status_code == 302
    assert editor.client.get("/quan-tri/bai-viet").status_code == 302  # out at once
    assert AdminBrowser(admin_app.test_client()).sign_in("bientap").status_code == 400
    with admin_app.app_context():
        open_sessions = select(AdminSession).where(AdminSession.user_id == user.id, AdminSession.revoked_at.is_(None))
        assert db.session.execute(open_sessions).first() is None
    assert admin.post(f"/quan-tri/tai-khoan/{user.id}/mo-khoa").status_code == 302
    assert AdminBrowser(admin_app.test_client()).sign_in("bientap").status_code == 302
    actions = [action for name, action, _ in _actions(admin_app) if name == "quantri"]
    assert "disable" in actions and "enable" in actions


def test_a_password_reset_gives_a_temporary_password_and_ends_the_sessions(admin_app, admin, editor):
    user = _user(admin_app, "bientap")
    done = admin.post(f"/quan-tri/tai-khoan/{user.id}/dat-lai-mat-khau")
    temporary = _temporary(done.get_data(as_text=True))
    assert editor.client.get("/quan-tri/").status_code == 302
    assert AdminBrowser(admin_app.test_client()).sign_in("bientap").status_code == 400  # the old password is gone
    person = AdminBrowser(admin_app.test_client())
    assert person.sign_in("bientap", temporary).status_code == 302
    page = person.client.get("/quan-tri/doi-mat-khau").get_data(as_text=True)
    assert "mật khẩu tạm thời" in page
    assert ("quantri", "password_reset", "bientap: đặt mật khẩu tạm thời") in _actions(admin_app)
    assert not any(temporary in summary for _, _, summary in _actions(admin_app))


def test_quan_tri_turns_off_a_lost_phones_two_factor(admin_app, admin):
    from portal import clock
    from portal.services import two_factor

    with admin_app.app_context():
        two_factor.enable(db.session.get(User, _user(admin_app, "bientap").id), two_factor.new_secret(), clock.now(), None)
    user = _user(admin_app, "bientap")
    assert "Tắt xác thực hai bước" in admin.client.get("/quan-tri/tai-khoan").get_data(as_text=True)
    assert admin.post(f"/quan-tri/tai-khoan/{user.id}/tat-xac-thuc").status_code == 302
    assert not _user(admin_app, "bientap").two_factor_on
    assert ("quantri", "two_factor_off", "bientap: tắt xác thực hai bước") in _actions(admin_app)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("ngan-qua", "Mật khẩu phải có ít nhất 12 ký tự (hiện có 8)."),
        ("a" + " " * 12 + "b", "Mật khẩu phải có ít nhất 12 ký tự (hiện có 3)."),  # runs of spaces count as one
        ("qwerty123456", "danh sách mật khẩu bị lộ phổ biến"),
        ("1q2w3e4r5t6y", "danh sách mật khẩu bị lộ phổ biến"),
        ("phongvien-2020-moi", "Mật khẩu không được chứa tên đăng nhập."),
        ("x" * 129, "Mật khẩu dài tối đa 128 ký tự."),
    ],
)
def test_password_rules(admin_app, writer, new, message):
    refused = writer.post("/quan-tri/doi-mat-khau", {"current": ADMIN_PASSWORD, "new": new, "confirm": new})
    assert refused.status_code == 422 and message in refused.get_data(as_text=True)


@pytest.mark.parametrize("good", ["dai mười hai chữ", "x" * 128, "Tôi đi làm lúc 7 giờ sáng mỗi ngày"])
def test_long_passwords_and_passphrases_without_composition_rules_are_accepted(good):
    assert passwords.problem(good, "phongvien") is None


def test_ones_own_sessions_and_signing_out_everywhere(admin_app, writer):
    phone = AdminBrowser(admin_app.test_client())
    phone.client.environ_base["HTTP_USER_AGENT"] = "Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36"
    assert phone.sign_in("phongvien").status_code == 302
    page = writer.client.get("/quan-tri/phien-dang-nhap").get_data(as_text=True)
    assert page.count("<tr>") == 3  # the header and two sessions
    assert "Chrome trên Android" in page and "(phiên này)" in page
    phone_session = re.search(r'action="/quan-tri/phien-dang-nhap/(\d+)/ket-thuc"', page).group(1)
    assert page.count("Đăng xuất phiên này") == 1  # the other one only
    assert writer.post(f"/quan-tri/phien-dang-nhap/{phone_session}/ket-thuc", form_url="/quan-tri/phien-dang-nhap").status_code == 302
    assert phone.client.get("/quan-tri/").status_code == 302 and writer.client.get("/quan-tri/").status_code == 200
    assert phone.sign_in("phongvien").status_code == 302
    colleague = AdminBrowser(admin_app.test_client())
    assert colleague.sign_in("bientap").status_code == 302
    with admin_app.app_context():
        theirs = db.session.execute(select(AdminSession.id).where(AdminSession.user_id == _user(admin_app, "bientap").id)).scalar_one()
    refused = writer.post(f"/quan-tri/phien-dang-nhap/{theirs}/ket-thuc", form_url="/quan-tri/phien-dang-nhap")
    assert "Phiên đó đã kết thúc." in writer.client.get(refused.headers["Location"]).get_data(as_text=True)
    assert colleague.client.get("/quan-tri/").status_code == 200  # someone else's session is not one's own to end
    done = writer.post("/quan-tri/phien-dang-nhap/dang-xuat-moi-noi", form_url="/quan-tri/phien-dang-nhap")
    assert done.headers["Location"] == "/quan-tri/dang-nhap"
    assert phone.client.get("/quan-tri/").status_code == 302
    assert writer.client.get("/quan-tri/").status_code == 302
    assert ("phongvien", "sign_out_everywhere", "") in _actions(admin_app)


def test_the_audit_tells_sign_ins_without_passwords_or_addresses(admin_app):
    browser = AdminBrowser(admin_app.test_client())
    browser.sign_in("phongvien", "mat-khau-sai-roi")
    browser.sign_in("khong-ai-ca", "mat-khau-sai-roi")
    browser.sign_in("phongvien")
    browser.post("/quan-tri/dang-xuat", form_url="/quan-tri/")
    entries = [entry for entry in _actions(admin_app) if entry[0] != "(dòng lệnh)"]  # the fixtures' own
    assert [(name, action) for name, action, _ in entries] == [
        ("phongvien", "sign_in_failed"), ("(tên không có)", "sign_in_failed"), ("phongvien", "sign_in"), ("phongvien", "sign_out")
    ]  # fmt: skip
    assert all("mat-khau" not in summary and "127.0.0.1" not in summary and "khong-ai-ca" not in summary for *_, summary in entries)
    assert re.fullmatch(r"sai mật khẩu, từ máy #[0-9a-f]{8}", entries[0][2])


def test_the_audit_is_filtered_by_person_action_and_day(admin_app, admin, writer):
    url = "/quan-tri/nhat-ky"
    mine = admin.client.get(url, query_string={"nguoi": "phongvien", "viec": "sign_in"}).get_data(as_text=True)
    assert mine.count(">phongvien</td>") == 1 and ">quantri</td>" not in mine
    assert re.search(r'<option[^>]* selected[^>]*value="phongvien"|<option[^>]*value="phongvien"[^>]* selected', mine)  # kept
    none = admin.client.get(url, query_string={"tu_ngay": "2001-01-01", "den_ngay": "2001-01-02"})
    assert "Không có mục nào khớp bộ lọc." in none.get_data(as_text=True)
    for query, message in [({"tu_ngay": "hôm qua"}, "Ngày không hợp lệ."), ({"viec": "khong-co"}, "Lựa chọn không hợp lệ."),
                           ({"tu_ngay": "2020-02-02", "den_ngay": "2020-02-01"}, "Ngày cuối phải sau ngày đầu.")]:  # fmt: skip
        refused = admin.client.get(url, query_string=query)
        assert refused.status_code == 400 and message in refused.get_data(as_text=True)
