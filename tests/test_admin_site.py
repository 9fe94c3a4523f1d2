"""Categories, sidebar blocks, songs, links and site settings through the admin's forms."""

import pytest
from sqlalchemy import delete, select

from portal.extensions import db
from portal.models import AuditLog, Category, MenuItem, SidebarBlock, SiteSettings, WebLink


def _categories(app) -> list[tuple[str, int | None]]:
    with app.app_context():
        query = select(Category).order_by(Category.position, Category.id)
        return [(c.name, c.parent_id) for c in db.session.execute(query).scalars()]


def _category(app, name: str) -> Category:
    with app.app_context():
        return db.session.execute(select(Category).where(Category.name == name)).scalar_one()


def test_create_rename_nest_and_delete_a_category(admin_app, admin):
    created = admin.post("/quan-tri/chuyen-muc", {"name": "Thông báo", "slug": "", "parent_id": ""})
    assert created.headers["Location"] == "/quan-tri/chuyen-muc"
    category = _category(admin_app, "Thông báo")
    assert category.slug == "thong-bao" and category.parent_id is None
    parent = next(name for name, parent_id in _categories(admin_app) if parent_id is None and name != "Thông báo")
    parent_id = _category(admin_app, parent).id
    url = f"/quan-tri/chuyen-muc/{category.id}"
    assert admin.post(url, {"name": "Thông báo mới", "slug": "thong-bao", "parent_id": str(parent_id)}).status_code == 302
    assert ("Thông báo mới", parent_id) in _categories(admin_app)
    assert "Thông báo mới" in admin_app.test_client().get("/tin-tuc/thong-bao/").get_data(as_text=True)

    grandchild = admin.post("/quan-tri/chuyen-muc", {"name": "Cháu", "parent_id": str(category.id)})
    assert grandchild.status_code == 422
    assert "một cấp" in grandchild.get_data(as_text=True)

    deleted = admin.post(f"{url}/xoa")
    assert deleted.status_code == 302
    assert all(name != "Thông báo mới" for name, _ in _categories(admin_app))


def test_a_category_with_articles_is_not_deleted(admin_app, admin):
    name = next(name for name, parent_id in _categories(admin_app) if parent_id is None)
    category = _category(admin_app, name)
    response = admin.post(f"/quan-tri/chuyen-muc/{category.id}/xoa")
    assert response.status_code == 303
    listing = admin.client.get("/quan-tri/chuyen-muc").get_data(as_text=True)
    assert f"Chuyên mục “{name}” còn bài viết" in listing
    assert name in [n for n, _ in _categories(admin_app)]


def test_reorder_categories(admin_app, admin):
    top = [name for name, parent_id in _categories(admin_app) if parent_id is None]
    second = _category(admin_app, top[1])
    admin.post(f"/quan-tri/chuyen-muc/{second.id}/di-chuyen", {"direction": "up"}, form_url="/quan-tri/chuyen-muc")
    reordered = [name for name, parent_id in _categories(admin_app) if parent_id is None]
    assert reordered[:2] == [top[1], top[0]]
    with admin_app.app_context():  # issue 18: a menu the webmaster built keeps its own order; without one,
        db.session.execute(delete(MenuItem))  # the menu is the categories in their order
        db.session.commit()
    menu = admin_app.test_client().get("/").get_data(as_text=True)
    assert menu.index(f">{top[1]}<") < menu.index(f">{top[0]}<")


def test_duplicate_category_slug_is_refused(admin_app, admin):
    name = _categories(admin_app)[0][0]
    response = admin.post("/quan-tri/chuyen-muc", {"name": name})
    assert response.status_code == 422
    assert "Đường dẫn này đã có chuyên mục khác dùng." in response.get_data(as_text=True)


def _blocks(app) -> list[tuple[str, bool]]:
    with app.app_context():
        query = select(SidebarBlock).order_by(SidebarBlock.position, SidebarBlock.id)
        return [(block.kind, block.visible) for block in db.session.execute(query).scalars()]


def test_hide_show_and_reorder_blocks(admin_app, admin):
    first_kind = _blocks(admin_app)[0][0]
    with admin_app.app_context():
        block = db.session.execute(select(SidebarBlock).where(SidebarBlock.kind == first_kind)).scalar_one()
        block_id, title = block.id, block.title
    toggle = f"/quan-tri/khoi-ben-phai/khoi/{block_id}/hien-an"
    admin.post(toggle, form_url="/quan-tri/khoi-ben-phai")
    assert (first_kind, False) in _blocks(admin_app)
    assert f">{title}<" not in admin_app.test_client().get("/").get_data(as_text=True)
    admin.post(toggle, form_url="/quan-tri/khoi-ben-phai")
    assert (first_kind, True) in _blocks(admin_app)
    admin.post(f"/quan-tri/khoi-ben-phai/khoi/{block_id}/di-chuyen", {"direction": "down"}, form_url="/quan-tri/khoi-ben-phai")
    assert _blocks(admin_app)[1][0] == first_kind


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.com", "https://", "localhost", "hatinh gov vn", "//hatinh.gov.vn"]
)
def test_links_must_be_web_addresses(admin_app, admin, url):
    response = admin.post("/quan-tri/lien-ket/moi", {"title": "Trang lạ", "url": url})
    assert response.status_code == 422
    assert "Địa chỉ phải là một trang web (http:// hoặc https://) có tên miền" in response.get_data(as_text=True)
    assert f'value="{url}"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("hatinh.gov.vn", "https://hatinh.gov.vn"), ("www.hatinh.gov.vn/tin-tuc?id=5", "https://www.hatinh.gov.vn/tin-tuc?id=5"),
     ("hatinh.gov.vn:8080/", "https://hatinh.gov.vn:8080/"), ("http://hongLinh.hatinh.gov.vn", "http://hongLinh.hatinh.gov.vn")],
)  # fmt: skip
def test_a_link_typed_without_https_is_completed(admin_app, admin, typed, saved):
    assert admin.post("/quan-tri/lien-ket/moi", {"title": "Cổng Hà Tĩnh", "url": typed}).status_code == 302
    with admin_app.app_context():
        assert db.session.execute(select(WebLink.url).where(WebLink.title == "Cổng Hà Tĩnh")).scalar_one() == saved


def test_add_edit_move_and_delete_a_link(admin_app, admin):
    assert admin.post("/quan-tri/lien-ket/moi", {"title": "Cổng Hà Tĩnh", "url": "https://hatinh.gov.vn"}).status_code == 302
    with admin_app.app_context():
        link = db.session.execute(select(WebLink).where(WebLink.title == "Cổng Hà Tĩnh")).scalar_one()
    assert 'href="https://hatinh.gov.vn"' in admin_app.test_client().get("/").get_data(as_text=True)
    admin.post(f"/quan-tri/lien-ket/{link.id}", {"title": "Cổng tỉnh Hà Tĩnh", "url": "https://hatinh.gov.vn/"})
    admin.post(f"/quan-tri/khoi-ben-phai/lien-ket/{link.id}/di-chuyen", {"direction": "up"}, form_url="/quan-tri/khoi-ben-phai")
    dialog = admin.client.get(f"/quan-tri/khoi-ben-phai/lien-ket/{link.id}/xoa", headers={"HX-Request": "true"})
    assert "<dialog" in dialog.get_data(as_text=True) and {"HX-Request", "Cookie"} <= set(dialog.vary)
    admin.post(f"/quan-tri/khoi-ben-phai/lien-ket/{link.id}/xoa")
    with admin_app.app_context():
        assert db.session.get(WebLink, link.id) is None
        links = select(AuditLog).where(AuditLog.target_type == "web_link").order_by(AuditLog.id)  # not the sign-ins
        actions = [(e.action, e.target_type) for e in db.session.execute(links).scalars()]
    assert actions == [("create", "web_link"), ("update", "web_link"), ("reorder", "web_link"), ("delete", "web_link")]


def test_edit_the_map_block(admin_app, admin):
    fields = {"title": "Bản đồ hành chính", "caption": "Thị xã Hồng Lĩnh", "link": "https://maps.example.vn/hl"}
    assert admin.post("/quan-tri/khoi-ben-phai/ban-do", fields).status_code == 302
    home = admin_app.test_client().get("/").get_data(as_text=True)
    assert "Bản đồ hành chính" in home and 'href="https://maps.example.vn/hl"' in home
    bad = admin.post("/quan-tri/khoi-ben-phai/ban-do", fields | {"link": "javascript:alert(1)"})
    assert bad.status_code == 422


def test_site_settings(admin_app, admin):
    fields = {"name": "Cổng TTĐT thị xã Hồng Lĩnh", "tagline": "", "address": "Số 1 Trần Phú",
              "phone": "0239 3836 222", "email": "bientap@honglinh.gov.vn", "footer": "Ghi rõ nguồn khi phát hành lại."}  # fmt: skip
    assert admin.post("/quan-tri/cai-dat", fields).status_code == 302
    home = admin_app.test_client().get("/").get_data(as_text=True)
    for value in ("Cổng TTĐT thị xã Hồng Lĩnh", "Số 1 Trần Phú", "0239 3836 222", "Ghi rõ nguồn khi phát hành lại."):
        assert value in home
    bad = admin.post("/quan-tri/cai-dat", fields | {"email": "khong-phai-thu", "name": ""})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert "Địa chỉ thư điện tử không hợp lệ." in page and "Không được để trống." in page
    assert 'value="Số 1 Trần Phú"' in page
    with admin_app.app_context():
        assert db.session.execute(select(SiteSettings.name)).scalar_one() == "Cổng TTĐT thị xã Hồng Lĩnh"


def test_new_map_image_replaces_the_old_one(admin_app, admin):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (900, 675), (240, 230, 200)).save(buffer, format="WEBP")
    fields = {"title": "Bản đồ", "caption": "", "link": "", "alt": "Bản đồ thị xã mới vẽ",
              "image_file": (io.BytesIO(buffer.getvalue()), "ban-do.webp")}  # fmt: skip
    response = admin.post("/quan-tri/khoi-ben-phai/ban-do", fields, content_type="multipart/form-data")
    assert response.status_code == 302
    with admin_app.app_context():
        block = db.session.execute(select(SidebarBlock).where(SidebarBlock.kind == "map")).unique().scalar_one()
        assert (block.image.mime_type, block.image.alt) == ("image/webp", "Bản đồ thị xã mới vẽ")
        filename = block.image.filename
    home = admin_app.test_client().get("/").get_data(as_text=True)
    assert f'src="/uploads/{filename}"' in home and 'alt="Bản đồ thị xã mới vẽ"' in home
    missing_alt = admin.post("/quan-tri/khoi-ben-phai/ban-do", fields | {"alt": "", "image_file": (io.BytesIO(buffer.getvalue()), "b.webp")},
                             content_type="multipart/form-data")  # fmt: skip
    assert missing_alt.status_code == 422
    assert "Hãy nhập mô tả cho ảnh bản đồ." in missing_alt.get_data(as_text=True)
