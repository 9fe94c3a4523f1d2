"""Categories: create, rename, reorder, nest one level, delete only when empty."""

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article, Category, User
from portal.services import audit
from portal.services.ordering import move_in
from portal.text import slugify


class CategoryError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def ordered() -> list[tuple[Category, int]]:
    """Top-level categories each followed by their children, with article counts."""
    counts = dict(db.session.execute(select(Article.category_id, func.count()).group_by(Article.category_id)).all())
    everything = list(db.session.execute(select(Category).order_by(Category.position, Category.id)).scalars())
    tree = []
    for parent in (c for c in everything if c.parent_id is None):
        tree.append((parent, counts.get(parent.id, 0)))
        tree.extend((child, counts.get(child.id, 0)) for child in everything if child.parent_id == parent.id)
    return tree


def choices() -> list[tuple[int, str]]:
    """(id, name) of every category in menu order, a child's name after a dash, for a form's choices."""
    return [(category.id, ("— " if category.parent_id else "") + category.name) for category, _count in ordered()]


def parent_choices(exclude_id: int | None = None) -> list[Category]:
    query = select(Category).where(Category.parent_id.is_(None)).order_by(Category.position, Category.id)
    return [c for c in db.session.execute(query).scalars() if c.id != exclude_id]


def _check(category: Category, name: str, slug: str, parent_id: int | None) -> str:
    slug = slugify(slug or name)
    if not slug:
        raise CategoryError("name", "Tên chuyên mục phải có ít nhất một chữ cái hoặc chữ số.")
    taken = select(Category.id).where(Category.slug == slug, Category.id != (category.id or 0))
    if db.session.execute(taken).first():
        raise CategoryError("slug", "Đường dẫn này đã có chuyên mục khác dùng.")
    if parent_id is not None:
        parent = db.session.get(Category, parent_id)
        if parent is None or parent.parent_id is not None or parent.id == category.id:
            raise CategoryError("parent_id", "Chỉ được xếp vào một chuyên mục cấp trên (một cấp).")
        has_children = category.id and db.session.execute(
            select(Category.id).where(Category.parent_id == category.id).limit(1)
        ).first()
        if has_children:
            raise CategoryError("parent_id", "Chuyên mục đang có chuyên mục con nên không thể làm chuyên mục con.")
    return slug


def save(category: Category | None, name: str, slug: str, parent_id: int | None, actor: User) -> Category:
    """Create (``category`` None) or rename/move a category."""
    created = category is None
    if created:
        last = db.session.execute(select(func.max(Category.position))).scalar() or 0
        category = Category(position=last + 1)
    clean_slug = _check(category, name.strip(), slug.strip(), parent_id)
    category.name, category.slug, category.parent_id = name.strip(), clean_slug, parent_id
    db.session.add(category)
    db.session.flush()
    audit.record(actor, "create" if created else "update", "category", category.id, category.name)
    db.session.commit()
    return category


def move(category: Category, step: int, actor: User) -> None:
    """Move a category one place among its siblings (step −1 up, +1 down)."""
    parent = Category.parent_id
    same_parent = parent.is_(None) if category.parent_id is None else parent == category.parent_id
    query = select(Category).where(same_parent).order_by(Category.position, Category.id)
    move_in(list(db.session.execute(query).scalars()), category, step)
    audit.record(actor, "reorder", "category", category.id, category.name)
    db.session.commit()


def delete(category: Category, actor: User) -> None:
    if db.session.execute(select(Article.id).where(Article.category_id == category.id).limit(1)).first():
        raise CategoryError("", f"Chuyên mục “{category.name}” còn bài viết: hãy chuyển hoặc xoá các bài đó trước.")
    if db.session.execute(select(Category.id).where(Category.parent_id == category.id).limit(1)).first():
        raise CategoryError("", f"Chuyên mục “{category.name}” còn chuyên mục con: hãy chuyển hoặc xoá chúng trước.")
    audit.record(actor, "delete", "category", category.id, category.name)
    db.session.delete(category)
    db.session.commit()
