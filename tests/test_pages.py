"""The site's own pages (issue 18, point 1): a tree at clean addresses, the demo's pages, the
admin that writes them with revisions, and addresses that belong to the rest of the site."""

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import AuditLog, Page, PageRevision

LIST = "/quan-tri/trang"
NEW = "/quan-tri/trang/moi"


def page_id(app, title: str) -> int:
    with app.app_context():
        return db.session.execute(select(Page.id).where(Page.title == title)).scalar_one()


def fields(**changes) -> dict:
    return {"title": "Lịch công tác", "slug": "", "parent_id": "", "summary": "", "body": "<p>Tuần này</p>",
            "published": "y"} | changes  # fmt: skip


def test_the_demo_pages_stand_at_their_clean_addresses(client):
    top = client.get("/gioi-thieu").get_data(as_text=True)
    assert "Cổng thông tin điện tử đưa tin" in top and 'href="/gioi-thieu/lich-su"' in top
    history = client.get("/gioi-thieu/lich-su")
    assert history.status_code == 200 and history.headers["Cache-Control"].startswith("public")
    text = history.get_data(as_text=True)
    assert "núi Hồng Lĩnh" in text and 'href="/gioi-thieu"' in text  # the breadcrumbs lead up
    assert '<link rel="canonical" href="http://localhost/gioi-thieu/lich-su">' in text
    for path in ("/gioi-thieu/chuc-nang-nhiem-vu", "/gioi-thieu/co-cau-to-chuc"):
        assert client.get(path).status_code == 200
    assert client.get("/gioi-thieu/lich-su/").headers["Location"] == "/gioi-thieu/lich-su"
    assert client.get("/lich-su").status_code == 404  # a sub-page only under its parent
    assert client.get("/gioi-thieu/khong-co").status_code == 404


def test_a_new_page_is_saved_with_a_revision_under_its_parent(admin_app, admin):
    parent = page_id(admin_app, "Giới thiệu")
    response = admin.post(NEW, fields(parent_id=str(parent), body='<p onclick="x()">Tuần này</p><script>alert(1)</script>'), form_url=NEW)
    assert response.status_code == 302
    page = admin_app.test_client().get("/gioi-thieu/lich-cong-tac").get_data(as_text=True)
    assert "<p>Tuần này</p>" in page and "alert(1)" not in page and "onclick" not in page
    new = page_id(admin_app, "Lịch công tác")
    edit = f"/quan-tri/trang/{new}"
    assert admin.post(edit, fields(parent_id=str(parent), body="<p>Tuần sau</p>"), form_url=edit).status_code == 302
    with admin_app.app_context():
        numbers = db.session.execute(select(PageRevision.number).where(PageRevision.page_id == new)).scalars().all()
        logged = db.session.execute(select(func.count()).where(AuditLog.target_type == "page", AuditLog.target_id == new)).scalar()
    assert sorted(numbers) == [1, 2] and logged == 2
    history = f"/quan-tri/trang/{new}/phien-ban"
    assert admin.post(f"{history}/1/khoi-phuc", form_url=history).status_code == 302
    assert "<p>Tuần này</p>" in admin_app.test_client().get("/gioi-thieu/lich-cong-tac").get_data(as_text=True)
    assert "Khôi phục từ bản 1" in admin.client.get(history).get_data(as_text=True)


def test_bad_input_keeps_the_form_with_a_vietnamese_message(admin_app, admin):
    cases = (
        (fields(title=""), "Không được để trống."),
        (fields(slug="van-ban"), "Đường dẫn “van-ban” là của một phần khác của trang web"),
        (fields(title="Giới thiệu"), "Đã có một trang cùng cấp dùng đường dẫn này."),
        (fields(title="!!!"), "Tiêu đề phải có ít nhất một chữ cái hoặc chữ số."),
        (fields(title="x" * 301), "Tối đa 300 ký tự."),
        (fields(parent_id="999999"), "Trang cấp trên không còn nữa."),
        (fields(parent_id="abc"), "Lựa chọn không hợp lệ."),
    )
    for data, message in cases:
        response = admin.post(NEW, data, form_url=NEW)
        page = response.get_data(as_text=True)
        assert response.status_code == 422 and message in page, message
        assert "Tuần này" in page  # the text typed is kept
    top = page_id(admin_app, "Giới thiệu")
    under_itself = admin.post(f"/quan-tri/trang/{top}", fields(title="Giới thiệu", parent_id=str(page_id(admin_app, "Lịch sử"))),
                              form_url=f"/quan-tri/trang/{top}")  # fmt: skip
    assert under_itself.status_code == 422 and "Lựa chọn không hợp lệ." not in under_itself.get_data(as_text=True)
    assert "Không thể xếp một trang vào chính nó" in under_itself.get_data(as_text=True)


def test_a_hidden_page_and_the_pages_below_it_are_not_shown(admin_app, admin):
    top = page_id(admin_app, "Giới thiệu")
    edit = f"/quan-tri/trang/{top}"
    assert admin.post(edit, fields(title="Giới thiệu", published=""), form_url=edit).status_code == 302
    reader = admin_app.test_client()
    assert reader.get("/gioi-thieu").status_code == 404 and reader.get("/gioi-thieu/lich-su").status_code == 404
    header = reader.get("/").get_data(as_text=True).split("</header>")[0]
    assert "/gioi-thieu" not in header and "/to-chuc" not in header  # the menu entry goes, with its sub-menu


def test_a_page_with_sub_pages_is_not_deleted_and_a_leaf_is(admin_app, admin):
    top, leaf = page_id(admin_app, "Giới thiệu"), page_id(admin_app, "Lịch sử")
    refused = admin.post(f"/quan-tri/trang/{top}/xoa", form_url=LIST)
    assert refused.status_code == 303 and admin_app.test_client().get("/gioi-thieu").status_code == 200
    assert admin.post(f"/quan-tri/trang/{leaf}/xoa", form_url=LIST).status_code == 302
    assert admin_app.test_client().get("/gioi-thieu/lich-su").status_code == 404


def test_pages_are_for_the_webmaster_only(admin_app, editor):
    assert editor.client.get(LIST).status_code == 403


def test_the_sitemap_lists_the_pages_and_the_organisation(client):
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    for path in ("/gioi-thieu", "/gioi-thieu/lich-su", "/to-chuc", "/to-chuc/ban-tuyen-giao-thi-uy"):
        assert f"<loc>http://localhost{path}</loc>" in sitemap
