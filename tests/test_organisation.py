"""Units and people (issue 18, point 3): /to-chuc with the leaders first, each unit's page, the
phone and mail links, a vCard per person, and the admin that keeps them."""

import io

from sqlalchemy import select

from portal.extensions import db
from portal.models import Person, Unit
from portal.services.organisation import vcard


def person(app, name: str) -> Person:
    with app.app_context():
        found = db.session.execute(select(Person).where(Person.name == name)).scalar_one()
        found.unit  # noqa: B018 (loaded while the session is open)
        return found


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_the_organisation_page_lists_the_leaders_then_the_units(client):
    page = text(client, "/to-chuc")
    leaders, units = page.split('id="don-vi"')
    assert leaders.index("Nguyễn Văn An") < leaders.index("Trần Thị Bình") < leaders.index("Hoàng Văn Đức")
    assert "Bùi Thị Lan" not in leaders  # not a leader
    assert units.index("Thị ủy Hồng Lĩnh") < units.index("Văn phòng Thị ủy") < units.index("Ban Dân vận Thị ủy")
    assert 'href="tel:02393836125"' in units and 'href="mailto:tuyengiao@honglinh.example"' in units


def test_a_unit_page_shows_its_duties_and_people_leaders_first(client):
    page = text(client, "/to-chuc/ban-tuyen-giao-thi-uy")
    assert "<h1 id=\"tieu-de\">Ban Tuyên giáo Thị ủy</h1>" in page and "định hướng thông tin" in page
    assert page.index("Đặng Thị Hà") < page.index("Võ Văn Hùng") < page.index("Bùi Thị Lan")
    assert 'href="tel:0912345678"' in page and 'href="mailto:btlan@honglinh.example"' in page
    assert 'href="/to-chuc">Tổ chức bộ máy</a>' in page and 'href="/to-chuc/thi-uy-hong-linh">Thị ủy Hồng Lĩnh</a>' in page
    assert client.get("/to-chuc/khong-co").status_code == 404


def test_a_vcard_for_a_phones_contacts(demo_app, client):
    lan = person(demo_app, "Bùi Thị Lan")
    response = client.get(f"/to-chuc/nguoi/{lan.id}.vcf")
    assert response.status_code == 200 and response.mimetype == "text/vcard"
    assert response.headers["Content-Disposition"] == 'attachment; filename="bui-thi-lan.vcf"'
    card = response.get_data(as_text=True)
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bùi;Thị Lan;;;\r\nFN:Bùi Thị Lan\r\n")
    assert "TEL;TYPE=WORK,VOICE:0912 345 678\r\n" in card and card.endswith("END:VCARD\r\n")
    assert "URL:http://localhost/to-chuc/ban-tuyen-giao-thi-uy\r\n" in card
    assert client.get("/to-chuc/nguoi/999999.vcf").status_code == 404


def test_a_vcard_escapes_its_values_and_folds_long_lines(demo_app):
    with demo_app.app_context():
        unit = Unit(name="Ban; Tuyên giáo, Thị ủy", slug="x")
        long_title = "Chuyên viên phụ trách báo chí, xuất bản, cổng thông tin điện tử và các trang mạng xã hội của Đảng bộ"
        card = vcard(Person(name="Lê Văn", job_title=long_title, unit=unit, phone="", email=""), "Thị ủy\nHồng Lĩnh", "http://x/")
    assert "ORG:Thị ủy\\nHồng Lĩnh;Ban\\; Tuyên giáo\\, Thị ủy\r\n" in card
    lines = card.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "".join(line[1:] if line.startswith(" ") else "\n" + line for line in lines).count("Đảng bộ") == 1
    assert "TEL" not in card and "EMAIL" not in card


def test_the_webmaster_adds_a_unit_and_a_person(admin_app, admin):
    form = "/quan-tri/to-chuc/don-vi/moi"
    data = {"name": "Trung tâm Chính trị", "slug": "", "parent_id": "", "duties": "<p>Bồi dưỡng lý luận</p><script>x</script>",
            "address": "Hồng Lĩnh", "phone": "0239 3 836 200", "email": "ttct@honglinh.example"}  # fmt: skip
    assert admin.post(form, data, form_url=form).status_code == 302
    page = text(admin_app.test_client(), "/to-chuc/trung-tam-chinh-tri")
    assert "Bồi dưỡng lý luận" in page and "<script>" not in page.split("<main")[1]
    with admin_app.app_context():
        unit_id = db.session.execute(select(Unit.id).where(Unit.slug == "trung-tam-chinh-tri")).scalar_one()
    form = "/quan-tri/to-chuc/nguoi/moi"
    data = {"name": "Trương Văn Sơn", "job_title": "Giám đốc", "is_leader": "y", "unit_id": str(unit_id), "phone": "0239 3 836 201",
            "email": "", "position": "1"}  # fmt: skip
    assert admin.post(form, data, form_url=form).status_code == 302
    page = text(admin_app.test_client(), "/to-chuc")
    assert "Trương Văn Sơn" in page.split('id="don-vi"')[0]


def test_bad_input_in_the_organisation_forms(admin_app, admin):
    unit_form, person_form = "/quan-tri/to-chuc/don-vi/moi", "/quan-tri/to-chuc/nguoi/moi"
    unit = {"name": "Đơn vị mới", "slug": "", "parent_id": "", "duties": "", "address": "", "phone": "", "email": ""}
    people = {"name": "Người mới", "job_title": "", "unit_id": "1", "phone": "", "email": "", "position": "1"}
    cases = (
        (unit_form, unit | {"name": ""}, "Không được để trống."),
        (unit_form, unit | {"slug": "ban-tuyen-giao-thi-uy"}, "Đường dẫn này đã có đơn vị khác dùng."),
        (unit_form, unit | {"email": "khong-phai-thu"}, "Địa chỉ thư điện tử không hợp lệ."),
        (unit_form, unit | {"phone": "gọi tôi"}, "Số điện thoại chỉ gồm chữ số"),
        (unit_form, unit | {"parent_id": "999999"}, "Đơn vị cấp trên không còn nữa."),
        (person_form, people | {"unit_id": "999999"}, "Đơn vị này không còn nữa."),
        (person_form, people | {"position": "abc"}, "Phải là một số nguyên."),
        (person_form, people | {"name": "x" * 121}, "Tối đa 120 ký tự."),
    )
    for url, data, message in cases:
        response = admin.post(url, data, form_url=url)
        page = response.get_data(as_text=True)
        assert response.status_code == 422 and message in page, message
        assert data["name"][:20] in page  # the values typed are kept


def test_a_unit_with_people_is_not_deleted(admin_app, admin):
    with admin_app.app_context():
        unit_id = db.session.execute(select(Unit.id).where(Unit.slug == "ban-dan-van-thi-uy")).scalar_one()
    refused = admin.post(f"/quan-tri/to-chuc/don-vi/{unit_id}/xoa", form_url="/quan-tri/to-chuc")
    assert refused.status_code == 303 and admin_app.test_client().get("/to-chuc/ban-dan-van-thi-uy").status_code == 200
    ngoc = person(admin_app, "Đinh Thị Ngọc")
    assert admin.post(f"/quan-tri/to-chuc/nguoi/{ngoc.id}/xoa", form_url="/quan-tri/to-chuc").status_code == 302
    assert admin.post(f"/quan-tri/to-chuc/don-vi/{unit_id}/xoa", form_url="/quan-tri/to-chuc").status_code == 302
    assert admin_app.test_client().get("/to-chuc/ban-dan-van-thi-uy").status_code == 404


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (240, 300), (200, 160, 120)).save(out, "PNG")
    return out.getvalue()


def test_a_photo_is_uploaded_checked_and_shown(admin_app, admin):
    lan = person(admin_app, "Bùi Thị Lan")
    url = f"/quan-tri/to-chuc/nguoi/{lan.id}"
    data = {"name": "Bùi Thị Lan", "job_title": "Chuyên viên", "unit_id": str(lan.unit_id), "phone": "0912 345 678",
            "email": "btlan@honglinh.example", "position": "8"}  # fmt: skip
    refused = admin.post(url, data | {"photo": (io.BytesIO(b"<html>"), "anh.png")}, form_url=url, content_type="multipart/form-data")
    assert refused.status_code == 422 and "Tệp không phải là ảnh JPEG, PNG hoặc WebP hợp lệ." in refused.get_data(as_text=True)
    assert person(admin_app, "Bùi Thị Lan").photo_id == lan.photo_id  # nothing changed
    saved = admin.post(url, data | {"photo": (io.BytesIO(png()), "anh.png")}, form_url=url, content_type="multipart/form-data")
    assert saved.status_code == 302
    with admin_app.app_context():
        photo = db.session.get(Person, lan.id).photo
        assert photo.mime_type != "image/svg+xml" and photo.alt == "Ảnh Bùi Thị Lan"
        filename = photo.filename
    page = text(admin_app.test_client(), "/to-chuc/ban-tuyen-giao-thi-uy")
    assert f'src="/uploads/{filename}" alt="Ảnh Bùi Thị Lan"' in page
