"""The main menu (issue 18, point 2): built by the webmaster from categories, pages, the
library and links, ordered, one level of sub-menu, shown in the header; the site settings'
legal lines, logo and banner."""

import io

from PIL import Image
from sqlalchemy import delete, select

from portal.extensions import db
from portal.models import Category, MenuItem, Page

MENU = "/quan-tri/trinh-don"


def header(client) -> str:
    return client.get("/").get_data(as_text=True).split("<nav class=\"main-nav\"")[1].split("</nav>")[0]


def item_id(app, label: str) -> int:
    with app.app_context():
        return db.session.execute(select(MenuItem.id).where(MenuItem.label == label)).scalar_one()


def test_the_demo_menu_with_its_sub_menu(client):
    nav = header(client)
    tops = ["Trang chủ", "Tin tức - Sự kiện", "Văn bản", "Giới thiệu", "Hỏi đáp", "Liên hệ"]
    assert all(nav.index(a) < nav.index(b) for a, b in zip(tops, tops[1:]))
    about = nav.split('<li class="has-sub"><a href="/gioi-thieu">Giới thiệu</a>')[1].split("</ul></li>")[0]
    assert '<a href="/gioi-thieu/lich-su">Lịch sử</a>' in about and '<a href="/to-chuc">Tổ chức bộ máy</a>' in about


def test_without_entries_the_menu_is_the_categories_and_the_library(demo_app):
    with demo_app.app_context():
        db.session.execute(delete(MenuItem))
        db.session.commit()
        names = db.session.execute(select(Category.name).where(Category.parent_id.is_(None))).scalars().all()
    nav = header(demo_app.test_client())
    assert all(name in nav for name in names) and '<a href="/van-ban">Văn bản</a>' in nav and "Giới thiệu" not in nav


def test_the_webmaster_adds_orders_and_nests_entries(admin_app, admin):
    fields = {"label": "Lịch công tác", "kind": "link", "category_id": "", "page_id": "", "url": "/lich-cong-tac", "parent_id": ""}
    assert admin.post(MENU, fields, form_url=MENU).status_code == 302
    nav = header(admin_app.test_client())
    assert nav.index("Liên hệ") < nav.index('<a href="/lich-cong-tac">Lịch công tác</a>')  # added last
    new = item_id(admin_app, "Lịch công tác")
    move = f"/quan-tri/trinh-don/{new}/di-chuyen"
    assert admin.post(move, {"direction": "up"}, form_url=MENU).status_code == 302
    nav = header(admin_app.test_client())
    assert nav.index("Lịch công tác") < nav.index("Liên hệ")
    edit = f"/quan-tri/trinh-don/{new}"
    nested = fields | {"parent_id": str(item_id(admin_app, "Giới thiệu"))}
    assert admin.post(edit, nested, form_url=edit).status_code == 302
    about = header(admin_app.test_client()).split(">Giới thiệu</a>")[1].split("</ul></li>")[0]
    assert "Lịch công tác" in about


def test_bad_entries_get_a_vietnamese_message(admin_app, admin):
    base = {"label": "Mục", "kind": "link", "category_id": "", "page_id": "", "url": "/x", "parent_id": ""}
    under_a_child = str(item_id(admin_app, "Lịch sử"))
    cases = (
        (base | {"label": ""}, "Không được để trống."),
        (base | {"url": "javascript:alert(1)"}, "Địa chỉ phải là một đường dẫn của trang"),
        (base | {"kind": "category"}, "Hãy chọn một chuyên mục."),
        (base | {"kind": "page", "page_id": "999999"}, "Hãy chọn một trang."),
        (base | {"kind": "khac"}, "Lựa chọn không hợp lệ."),
        (base | {"parent_id": under_a_child}, "Chỉ được xếp vào một mục cấp cao nhất"),
    )
    for data, message in cases:
        response = admin.post(MENU, data, form_url=MENU)
        assert response.status_code == 422 and message in response.get_data(as_text=True), message
    about = f"/quan-tri/trinh-don/{item_id(admin_app, 'Giới thiệu')}"
    nested = base | {"label": "Giới thiệu", "kind": "link", "url": "/gioi-thieu", "parent_id": str(item_id(admin_app, "Liên hệ"))}
    response = admin.post(about, nested, form_url=about)
    assert response.status_code == 422 and "đang có trình đơn con" in response.get_data(as_text=True)


def test_a_deleted_page_leaves_the_menu(admin_app, admin):
    with admin_app.app_context():
        history = db.session.execute(select(Page.id).where(Page.title == "Lịch sử")).scalar_one()
    assert admin.post(f"/quan-tri/trang/{history}/xoa", form_url="/quan-tri/trang").status_code == 302
    assert "Lịch sử" not in header(admin_app.test_client())


def png(width: int, height: int) -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (180, 20, 20)).save(out, "PNG")
    out.seek(0)
    return out


def test_the_footer_shows_the_legal_lines(client):
    footer = client.get("/").get_data(as_text=True).split('<footer class="site-footer">')[1]
    assert "Cơ quan chủ quản: Ban Thường vụ Thị ủy Hồng Lĩnh" in footer and "Người chịu trách nhiệm chính: " in footer
    assert "Giấy phép số" in footer


def test_a_logo_and_a_banner_are_uploaded_checked_and_shown(admin_app, admin):
    url = "/quan-tri/cai-dat"
    fields = {"name": "Thị ủy Hồng Lĩnh", "tagline": "", "address": "", "phone": "", "email": "", "footer": "",
              "owner": "Ban Thường vụ Thị ủy", "licence": "Giấy phép số 12/GP-TTĐT", "responsible": "Nguyễn Văn An", "banner_alt": ""}  # fmt: skip
    no_alt = admin.post(url, fields | {"banner": (png(1200, 200), "bang-ron.png")}, form_url=url, content_type="multipart/form-data")
    assert no_alt.status_code == 422 and "Hãy nhập mô tả ảnh" in no_alt.get_data(as_text=True)
    not_image = admin.post(url, fields | {"logo": (io.BytesIO(b"GIF89a"), "logo.png")}, form_url=url, content_type="multipart/form-data")
    assert not_image.status_code == 422 and "Tệp không phải là ảnh" in not_image.get_data(as_text=True)
    saved = admin.post(url, fields | {"logo": (png(96, 96), "logo.png"), "banner": (png(1200, 200), "bang-ron.png"),
                                      "banner_alt": "Chào mừng đại hội"}, form_url=url, content_type="multipart/form-data")  # fmt: skip
    assert saved.status_code == 302
    page = admin_app.test_client().get("/").get_data(as_text=True)
    assert '<img class="logo" src="/uploads/' in page and 'alt="Chào mừng đại hội"' in page
    assert "Người chịu trách nhiệm chính: Nguyễn Văn An" in page
    removed = admin.post(url, fields | {"remove_banner": "y"}, form_url=url, content_type="multipart/form-data")
    assert removed.status_code == 302 and "site-banner" not in admin_app.test_client().get("/").get_data(as_text=True)
