"""The site's own pages: the tree, finding a page by its address, saving with a revision,
ordering, deleting a page without sub-pages, restoring an older revision."""

from dataclasses import dataclass, replace
from datetime import datetime

from flask import current_app
from sqlalchemy import and_, func, select

from portal.extensions import db
from portal.models import Page, PageRevision, User
from portal.models.content import ENGLISH, VIETNAMESE
from portal.services import audit
from portal.services.content import flush_refusing, sanitise_html
from portal.services.ordering import move_in
from portal.text import slugify


class PageError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PageFields:
    title: str
    slug: str
    parent_id: int | None
    summary: str
    body: str
    published: bool
    language: str = VIETNAMESE


def _all(language: str | None = None) -> list[Page]:
    query = select(Page).order_by(Page.position, Page.id)
    if language is not None:
        query = query.where(Page.language == language)
    return list(db.session.execute(query).scalars())


def tree(language: str | None = None) -> list[tuple[Page, int]]:
    """Every page (in ``language``; else the Vietnamese tree, then the English one) with its depth
    (0 at the top), each followed by its sub-pages, in order."""
    if language is None:
        return tree(VIETNAMESE) + tree(ENGLISH)
    everything = _all(language)
    ordered: list[tuple[Page, int]] = []

    def add(parent_id: int | None, depth: int) -> None:
        for page in (p for p in everything if p.parent_id == parent_id):
            ordered.append((page, depth))
            add(page.id, depth + 1)

    add(None, 0)
    return ordered


def by_path(path: str, language: str = VIETNAMESE) -> Page | None:
    """The published page at ``gioi-thieu/lich-su`` (every page above it published too); an
    English page's path is the part after /en/."""
    page = None
    for slug in path.strip("/").split("/"):
        parent = and_(Page.parent_id.is_(None), Page.language == language) if page is None else Page.parent_id == page.id
        page = db.session.execute(select(Page).where(parent, Page.slug == slug, Page.published)).scalar_one_or_none()
        if page is None:
            return None
    return page


def published(language: str | None = None) -> list[Page]:
    """Every page a reader can open (for the sitemap and the English home)."""
    return [page for page, _depth in tree(language) if page.visible]


def counterpart(page: Page) -> Page | None:
    """The page's other-language version, if a reader can open it (for ``hreflang`` and the switch)."""
    other = page.translation if page.language == VIETNAMESE else page.original
    return other if other is not None and other.visible else None


def reserved_slugs(language: str = VIETNAMESE) -> set[str]:
    """The first parts of the site's own addresses (``van-ban``, ``tin-tuc`` …; under /en/,
    ``news``, ``organisation`` …): a top-level page may not take one, or it would hide that part
    of the site or be hidden by it."""
    prefix = "/" if language == VIETNAMESE else "/en/"
    rules = [rule.rule.removeprefix(prefix) for rule in current_app.url_map.iter_rules() if rule.rule.startswith(prefix)]
    return {rule.split("/")[0] for rule in rules if not rule.startswith("<")}


def _check(page: Page, fields: PageFields) -> str:
    slug = slugify(fields.slug or fields.title)
    if not slug:
        raise PageError("title", "Tiêu đề phải có ít nhất một chữ cái hoặc chữ số.")
    if fields.parent_id is not None:
        parent = db.session.get(Page, fields.parent_id)
        if parent is None:
            raise PageError("parent_id", "Trang cấp trên không còn nữa.")
        if parent.language != fields.language:
            raise PageError("parent_id", "Trang cấp trên phải cùng ngôn ngữ với trang này.")
        if page.id is not None and (parent.id == page.id or page in parent.ancestors):
            raise PageError("parent_id", "Không thể xếp một trang vào chính nó hay vào trang con của nó.")
    elif slug in reserved_slugs(fields.language):
        raise PageError("slug", f"Đường dẫn “{slug}” là của một phần khác của trang web; hãy chọn đường dẫn khác.")
    top = and_(Page.parent_id.is_(None), Page.language == fields.language)
    sibling = top if fields.parent_id is None else Page.parent_id == fields.parent_id
    taken = select(Page.id).where(sibling, Page.slug == slug, Page.id != (page.id or 0))
    if db.session.execute(taken).first():
        raise PageError("slug", "Đã có một trang cùng cấp dùng đường dẫn này.")
    return slug


def _new_revision(page: Page, actor: User | None, at: datetime, note: str) -> PageRevision:
    number = db.session.execute(select(func.max(PageRevision.number)).where(PageRevision.page_id == page.id)).scalar() or 0
    revision = PageRevision(
        page_id=page.id, number=number + 1, title=page.title, summary=page.summary, body=page.body,
        user_id=actor.id if actor else None, username=actor.username if actor else audit.COMMAND_LINE, note=note, created_at=at,
    )  # fmt: skip
    db.session.add(revision)
    return revision


def save(page: Page | None, fields: PageFields, actor: User | None, now: datetime, translation_of: Page | None = None) -> Page:
    """Create (``page`` None) or change a page, keeping what it now says as its next revision; a
    new page may be the English version of ``translation_of``."""
    created = page is None
    if created:
        last = db.session.execute(select(func.max(Page.position))).scalar() or 0
        page = Page(position=last + 1, language=fields.language)
    fields = replace(fields, language=page.language)
    slug = _check(page, fields)
    page.title, page.slug, page.parent_id = fields.title.strip(), slug, fields.parent_id
    page.summary, page.body = fields.summary.strip(), sanitise_html(fields.body)
    page.published, page.updated_at = fields.published, now
    db.session.add(page)
    if translation_of is not None:
        page.original = translation_of
    flush_refusing(PageError("", "Trang này đã có bản tiếng Anh.") if translation_of else None)
    revision = _new_revision(page, actor, now, "")
    audit.record(actor, "create" if created else "update", "page", page.id, f"“{page.title}”: bản {revision.number}")
    db.session.commit()
    return page


def move(page: Page, step: int, actor: User) -> None:
    """Move a page one place among the pages beside it (step −1 up, +1 down)."""
    siblings = [p for p in _all(page.language) if p.parent_id == page.parent_id]
    move_in(siblings, page, step)
    audit.record(actor, "reorder", "page", page.id, page.title)
    db.session.commit()


def delete(page: Page, actor: User) -> None:
    if page.children:
        raise PageError("", f"Trang “{page.title}” còn trang con: hãy chuyển hoặc xoá chúng trước.")
    audit.record(actor, "delete", "page", page.id, page.title)
    db.session.delete(page)
    db.session.commit()


def revisions_of(page_id: int) -> list[PageRevision]:
    """Newest first."""
    query = select(PageRevision).where(PageRevision.page_id == page_id).order_by(PageRevision.number.desc())
    return list(db.session.execute(query).scalars())


def restore(page: Page, number: int, actor: User, now: datetime) -> PageRevision:
    """Put revision ``number``'s title, summary and body back on the page, as a new revision."""
    query = select(PageRevision).where(PageRevision.page_id == page.id, PageRevision.number == number)
    old = db.session.execute(query).scalar_one_or_none()
    if old is None:
        raise PageError("", f"Trang không có bản lưu số {number}.")
    page.title, page.summary, page.body, page.updated_at = old.title, old.summary, old.body, now
    restored = _new_revision(page, actor, now, f"Khôi phục từ bản {number}")
    db.session.flush()
    audit.record(actor, "restore", "page", page.id, f"“{page.title}”: bản {restored.number} (từ bản {number})")
    db.session.commit()
    return restored
