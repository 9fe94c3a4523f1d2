"""The demo's main menu: the categories, the library, Giới thiệu with its pages and the
organisation in a sub-menu, Hỏi đáp and Liên hệ."""

from sqlalchemy import select

from portal.extensions import db
from portal.models import MenuItem, MenuKind, Page
from portal.services.content import menu_categories


def load_menu() -> None:
    items = [MenuItem(label=category.name, kind=MenuKind.CATEGORY, category_id=category.id) for category in menu_categories()]
    items.append(MenuItem(label="Văn bản", kind=MenuKind.DOCUMENTS))
    pages = {page.title: page for page in db.session.execute(select(Page)).scalars()}
    about = MenuItem(label="Giới thiệu", kind=MenuKind.PAGE, page_id=pages["Giới thiệu"].id)
    items += [about, MenuItem(label="Hỏi đáp", kind=MenuKind.LINK, url="/hoi-dap"), MenuItem(label="Liên hệ", kind=MenuKind.LINK, url="/lien-he")]
    for position, item in enumerate(items, start=1):
        item.position = position
    db.session.add_all(items)
    db.session.flush()
    under = [MenuItem(label=title, kind=MenuKind.PAGE, page_id=pages[title].id) for title in ("Lịch sử", "Chức năng nhiệm vụ", "Cơ cấu tổ chức")]
    under.append(MenuItem(label="Tổ chức bộ máy", kind=MenuKind.LINK, url="/to-chuc"))
    for position, item in enumerate(under, start=1):
        item.parent_id, item.position = about.id, position
    db.session.add_all(under)
