"""The main menu the webmaster builds: categories, pages, the documents library and links,
ordered, with one level of sub-menu. Without any entry the menu is the categories and the
library, as before there was a menu to build."""

from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Category, MenuItem, MenuKind, Page, User
from portal.models.content import ENGLISH
from portal.services import audit, pages
from portal.services.content import menu_categories
from portal.services.ordering import move_in


class MenuError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass
class Entry:
    """A link of the menu as the header shows it."""

    label: str
    href: str
    children: list["Entry"] = field(default_factory=list)


@dataclass(frozen=True)
class ItemFields:
    label: str
    kind: MenuKind
    category_id: int | None
    page_id: int | None
    url: str
    parent_id: int | None


def _all() -> list[MenuItem]:
    return list(db.session.execute(select(MenuItem).order_by(MenuItem.position, MenuItem.id)).scalars())


def tree() -> list[tuple[MenuItem, int]]:
    """Every entry with its depth (0 or 1), each top entry followed by its sub-menu."""
    everything = _all()
    ordered = []
    for top in (item for item in everything if item.parent_id is None):
        ordered.append((top, 0))
        ordered.extend((child, 1) for child in everything if child.parent_id == top.id)
    return ordered


def _href(item: MenuItem) -> str | None:
    """Where the entry leads; None when it leads nowhere a reader may go (a hidden page)."""
    if item.kind == MenuKind.CATEGORY:
        return item.category.url
    if item.kind == MenuKind.PAGE:
        return item.page.path if item.page.visible else None
    if item.kind == MenuKind.DOCUMENTS:
        return url_for("documents.index")
    return item.url


def main_menu() -> list[Entry]:
    """The header's menu after "Trang chủ"; an entry leading nowhere is left out, with its sub-menu."""
    everything = _all()
    entries: list[Entry] = []
    for top in (item for item in everything if item.parent_id is None):
        href = _href(top)
        if href is None:
            continue
        children = [Entry(child.label, link) for child in everything if child.parent_id == top.id and (link := _href(child))]
        entries.append(Entry(top.label, href, children))
    if entries:
        return entries
    return [Entry(category.name, category.url) for category in menu_categories()] + [Entry("Văn bản", url_for("documents.index"))]


def _check(item: MenuItem, fields: ItemFields) -> None:
    if fields.kind == MenuKind.CATEGORY and (fields.category_id is None or db.session.get(Category, fields.category_id) is None):
        raise MenuError("category_id", "Hãy chọn một chuyên mục.")
    if fields.kind == MenuKind.PAGE and (fields.page_id is None or db.session.get(Page, fields.page_id) is None):
        raise MenuError("page_id", "Hãy chọn một trang.")
    if fields.kind == MenuKind.LINK and not (fields.url.startswith(("/", "https://", "http://")) and " " not in fields.url):
        raise MenuError("url", "Địa chỉ phải là một đường dẫn của trang (bắt đầu bằng /) hoặc bắt đầu bằng https://.")
    if fields.parent_id is not None:
        parent = db.session.get(MenuItem, fields.parent_id)
        if parent is None or parent.parent_id is not None or parent.id == item.id:
            raise MenuError("parent_id", "Chỉ được xếp vào một mục cấp cao nhất (trình đơn con có một cấp).")
        if item.id is not None and any(other.parent_id == item.id for other in _all()):
            raise MenuError("parent_id", "Mục này đang có trình đơn con nên không thể vào trình đơn con của mục khác.")


def save(item: MenuItem | None, fields: ItemFields, actor: User) -> MenuItem:
    """Add (``item`` None) or change an entry."""
    created = item is None
    if created:
        last = db.session.execute(select(func.max(MenuItem.position))).scalar() or 0
        item = MenuItem(position=last + 1)
    _check(item, fields)
    item.label, item.kind, item.parent_id = fields.label.strip(), fields.kind, fields.parent_id
    item.category_id = fields.category_id if fields.kind == MenuKind.CATEGORY else None
    item.page_id = fields.page_id if fields.kind == MenuKind.PAGE else None
    item.url = fields.url.strip() if fields.kind == MenuKind.LINK else ""
    db.session.add(item)
    db.session.flush()
    audit.record(actor, "create" if created else "update", "menu_item", item.id, item.label)
    db.session.commit()
    return item


def move(item: MenuItem, step: int, actor: User) -> None:
    """Move an entry one place among those beside it (step −1 up, +1 down)."""
    move_in([other for other in _all() if other.parent_id == item.parent_id], item, step)
    audit.record(actor, "reorder", "menu_item", item.id, item.label)
    db.session.commit()


def delete(item: MenuItem, actor: User) -> None:
    """Remove an entry (its sub-menu goes with it)."""
    audit.record(actor, "delete", "menu_item", item.id, item.label)
    db.session.delete(item)
    db.session.commit()


def english_menu() -> list[Entry]:
    """The English section's menu after "Home" (the header adds its fixed links): its top pages,
    each with its pages under it."""
    top = [page for page, depth in pages.tree(ENGLISH) if depth == 0 and page.published]
    return [Entry(page.title, page.path, [Entry(child.title, child.path) for child in page.children if child.published]) for page in top]
