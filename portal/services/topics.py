"""Chuyên đề (threads) and tags: an article's own, their public listings, and their upkeep.

A tag is known by its slug (portal.text.slugify: no diacritics, lower case), so "Hội nghị",
"hội nghị" and "hoi nghi" typed in the editor are one tag, named as it was first typed; a name
with no letter or digit is refused. New tags are made when the article is saved (an insert that
leaves a tag made meanwhile by another editor alone). Renaming a tag, or merging it into
another, keeps its old slug in ``tag_redirect``: the old address answers 301, and typing the old
name again finds the tag it became.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from portal.extensions import db
from portal.models import Article, Tag, TagRedirect, Thread, User, article_tag, article_thread
from portal.services import audit
from portal.services.content import is_visible, published
from portal.services.media import PreparedUpload
from portal.text import slugify

TAG_NAME_LENGTH = 80
TAG_SLUG_LENGTH = 100
TAGS_PER_ARTICLE = 20
THREAD_SLUG_LENGTH = 140
_SEPARATORS = re.compile(r"[,;\n]")


class TopicError(ValueError):
    """Bad input for a tag or a thread; ``field`` names the form field the message belongs to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


# --------------------------------------------------------------------------- tags


def tag_names(typed: str, field: str = "tags") -> dict[str, str]:
    """The tags typed (separated by commas), slug → name, each slug once, in the order typed."""
    named: dict[str, str] = {}
    for part in _SEPARATORS.split(typed or ""):
        name = " ".join(part.split())
        if not name:
            continue
        if len(name) > TAG_NAME_LENGTH:
            raise TopicError(field, f"Thẻ “{name[:30]}…” dài quá {TAG_NAME_LENGTH} ký tự.")
        slug = slugify(name, TAG_SLUG_LENGTH)
        if not slug:
            raise TopicError(field, f"Thẻ “{name}” phải có ít nhất một chữ cái hoặc chữ số.")
        named.setdefault(slug, name)
    if len(named) > TAGS_PER_ARTICLE:
        raise TopicError(field, f"Một bài có nhiều nhất {TAGS_PER_ARTICLE} thẻ.")
    return named


def _insert_ignoring_taken():
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    return dialect.insert(Tag).on_conflict_do_nothing(index_elements=["slug"])


def resolve_tags(named: dict[str, str]) -> list[Tag]:
    """The tags of these slugs, in order: existing ones (by slug, or by a slug they had), the others made."""
    if not named:
        return []
    moved = dict(db.session.execute(select(TagRedirect.slug, TagRedirect.tag_id).where(TagRedirect.slug.in_(named))).all())
    missing = [slug for slug in named if slug not in moved]
    existing = set(db.session.execute(select(Tag.slug).where(Tag.slug.in_(missing))).scalars()) if missing else set()
    new = [{"name": named[slug], "slug": slug} for slug in missing if slug not in existing]
    if new:
        db.session.execute(_insert_ignoring_taken(), new)
    by_slug = {tag.slug: tag for tag in db.session.execute(select(Tag).where(Tag.slug.in_(missing))).scalars()}
    by_id = {tag.id: tag for tag in db.session.execute(select(Tag).where(Tag.id.in_(moved.values()))).scalars()}
    tags = [by_id[moved[slug]] if slug in moved else by_slug[slug] for slug in named]
    return list({tag.id: tag for tag in tags}.values())


def suggestions(typed: str, limit: int = 12) -> list[str]:
    """Existing tag names that complete the last tag being typed (folded: "hoi" finds "Hội nghị")."""
    last = slugify(_SEPARATORS.split(typed or "")[-1], TAG_SLUG_LENGTH)
    query = select(Tag.name).order_by(Tag.slug).limit(limit)
    if last:
        query = query.where(Tag.slug.startswith(last, autoescape=True))
    return list(db.session.execute(query).scalars())


def all_tag_names(limit: int = 500) -> list[str]:
    """The tag names offered in the editor without JavaScript, most used first."""
    used = func.count(article_tag.c.article_id)
    query = select(Tag.name).outerjoin(article_tag, article_tag.c.tag_id == Tag.id).group_by(Tag.id, Tag.name)
    return list(db.session.execute(query.order_by(used.desc(), Tag.name).limit(limit)).scalars())


def find_tag(slug: str) -> tuple[Tag | None, bool]:
    """The tag of a slug, and whether the slug is an old one (to be answered with 301)."""
    tag = db.session.execute(select(Tag).where(Tag.slug == slug)).scalar_one_or_none()
    if tag is not None:
        return tag, False
    moved = db.session.execute(select(Tag).join(TagRedirect, TagRedirect.tag_id == Tag.id).where(TagRedirect.slug == slug))
    tag = moved.scalar_one_or_none()
    return tag, tag is not None


def tags_matching(search: str = "") -> Select:
    """Tags by name; those whose slug holds ``search`` folded ("hoi" finds "Hội nghị")."""
    query = select(Tag).order_by(Tag.slug)
    wanted = slugify(search, TAG_SLUG_LENGTH)
    return query.where(Tag.slug.contains(wanted, autoescape=True)) if wanted else query


def article_counts(tag_ids: list[int]) -> dict[int, int]:
    """How many articles carry each of these tags."""
    query = select(article_tag.c.tag_id, func.count()).where(article_tag.c.tag_id.in_(tag_ids)).group_by(article_tag.c.tag_id)
    return dict(db.session.execute(query).all()) if tag_ids else {}


def _keep_old_slug(slug: str, tag_id: int) -> None:
    db.session.execute(delete(TagRedirect).where(TagRedirect.slug == slug))
    db.session.add(TagRedirect(slug=slug, tag_id=tag_id))


def rename_tag(tag: Tag, name: str, actor: User) -> Tag:
    """Give a tag a new name (and the slug of it); its old address answers 301 to the new one.
    A name whose slug another tag has is refused: merge the two instead."""
    named = tag_names(name, "name")
    if len(named) != 1:
        raise TopicError("name", "Hãy nhập một tên thẻ (không có dấu phẩy).")
    (slug, clean), = named.items()
    other = db.session.execute(select(Tag.id).where(Tag.slug == slug, Tag.id != tag.id)).first()
    if other is not None:
        raise TopicError("name", "Đã có một thẻ cùng tên (không kể dấu và chữ hoa): hãy gộp hai thẻ.")
    before = tag.name
    if slug != tag.slug:
        _keep_old_slug(tag.slug, tag.id)
        db.session.execute(delete(TagRedirect).where(TagRedirect.slug == slug))  # the name is this tag's again
    tag.name, tag.slug = clean, slug
    audit.record(actor, "update", "tag", tag.id, f"“{before}” → “{clean}”")
    db.session.commit()
    return tag


def merge_tags(source: Tag, target: Tag, actor: User) -> None:
    """Move every article of ``source`` to ``target`` and remove ``source``; its slugs lead to ``target``."""
    if source.id == target.id:
        raise TopicError("target", "Hãy chọn một thẻ khác để gộp vào.")
    carried = select(article_tag.c.article_id).where(article_tag.c.tag_id == target.id)
    moving = select(article_tag.c.article_id, target.id).where(article_tag.c.tag_id == source.id, article_tag.c.article_id.not_in(carried))
    db.session.execute(insert(article_tag).from_select(["article_id", "tag_id"], moving))
    db.session.execute(update(TagRedirect).where(TagRedirect.tag_id == source.id).values(tag_id=target.id))
    slug, name, source_id = source.slug, source.name, source.id
    db.session.delete(source)
    db.session.flush()
    _keep_old_slug(slug, target.id)
    audit.record(actor, "merge", "tag", target.id, f"“{name}” (#{source_id}) vào “{target.name}”")
    db.session.commit()


def tag_by_name(name: str) -> Tag | None:
    """The tag a typed name stands for (its slug, or a slug it had)."""
    slug = slugify(name, TAG_SLUG_LENGTH)
    return find_tag(slug)[0] if slug else None


# --------------------------------------------------------------------------- an article's


def of_article(article_id: int) -> tuple[list[Thread], list[Tag]]:
    """The article's threads and tags, by name."""
    threads = select(Thread).join(article_thread, article_thread.c.thread_id == Thread.id).where(article_thread.c.article_id == article_id)
    tags = select(Tag).join(article_tag, article_tag.c.tag_id == Tag.id).where(article_tag.c.article_id == article_id)
    return (list(db.session.execute(threads.order_by(Thread.name)).scalars()),
            list(db.session.execute(tags.order_by(Tag.slug)).scalars()))  # fmt: skip


def tags_text(article_id: int | None) -> str:
    """The article's tags as the editor's field shows them."""
    return ", ".join(tag.name for tag in of_article(article_id)[1]) if article_id else ""


def thread_ids(article_id: int | None) -> list[int]:
    return [thread.id for thread in of_article(article_id)[0]] if article_id else []


def same_topics(article_id: int | None, named: dict[str, str], chosen_threads: list[int]) -> bool:
    """Would these tags (by slug) and threads leave the article's as they are?"""
    threads, tags = of_article(article_id) if article_id else ([], [])
    return {tag.slug for tag in tags} == set(named) and {t.id for t in threads} == set(chosen_threads)


def set_topics_in_transaction(article_id: int, named: dict[str, str], chosen_threads: list[int]) -> None:
    """Give the article exactly these tags (made if new) and threads; the caller commits."""
    tags = resolve_tags(named)
    db.session.execute(delete(article_tag).where(article_tag.c.article_id == article_id))
    if tags:
        db.session.execute(insert(article_tag), [{"article_id": article_id, "tag_id": tag.id} for tag in tags])
    db.session.execute(delete(article_thread).where(article_thread.c.article_id == article_id))
    if chosen_threads:
        db.session.execute(insert(article_thread), [{"article_id": article_id, "thread_id": i} for i in sorted(set(chosen_threads))])


def check_threads(chosen: list[int]) -> None:
    known = set(db.session.execute(select(Thread.id).where(Thread.id.in_(chosen))).scalars()) if chosen else set()
    if set(chosen) - known:
        raise TopicError("thread_ids", "Chuyên đề không tồn tại.")


# --------------------------------------------------------------------------- public listings


def thread_articles(thread: Thread, now: datetime) -> Select:
    """The thread's visible articles, newest first."""
    return published(now).where(Article.id.in_(select(article_thread.c.article_id).where(article_thread.c.thread_id == thread.id)))


def tag_articles(tag: Tag, now: datetime) -> Select:
    """The tag's visible articles, newest first."""
    return published(now).where(Article.id.in_(select(article_tag.c.article_id).where(article_tag.c.tag_id == tag.id)))


def threads() -> list[Thread]:
    """Every thread, the latest to start first."""
    return list(db.session.execute(select(Thread).order_by(Thread.starts_at.desc().nulls_last(), Thread.id.desc())).scalars())


def tags_in_use(now: datetime) -> list[Tag]:
    """The tags that have at least one visible article (the sitemap lists their pages)."""
    visible = select(article_tag.c.tag_id).join(Article, Article.id == article_tag.c.article_id).where(is_visible(now))
    return list(db.session.execute(select(Tag).where(Tag.id.in_(visible)).order_by(Tag.slug)).scalars())


# --------------------------------------------------------------------------- threads


@dataclass
class ThreadFields:
    name: str
    slug: str
    description: str
    starts_at: datetime | None
    ends_at: datetime | None
    on_home: bool
    remove_cover: bool = False


def _thread_slug(fields: ThreadFields, thread_id: int | None) -> str:
    slug = slugify(fields.slug or fields.name, THREAD_SLUG_LENGTH)
    if not slug:
        raise TopicError("slug" if fields.slug else "name", "Đường dẫn phải có ít nhất một chữ cái hoặc chữ số.")
    taken = select(Thread.id).where(Thread.slug == slug)
    if thread_id is not None:
        taken = taken.where(Thread.id != thread_id)
    if db.session.execute(taken).first() is not None:
        raise TopicError("slug", "Đường dẫn này đã được chuyên đề khác dùng.")
    return slug


def save_thread(thread: Thread | None, fields: ThreadFields, actor: User, now: datetime, cover: PreparedUpload | None = None) -> Thread:
    """Create (``thread`` None) or change a thread, with a new cover stored in the same transaction."""
    if fields.starts_at and fields.ends_at and fields.ends_at <= fields.starts_at:
        raise TopicError("ends_at", "Thời điểm kết thúc phải sau thời điểm bắt đầu.")
    created = thread is None
    thread = thread or Thread()
    thread.slug = _thread_slug(fields, thread.id)
    thread.name, thread.description = fields.name.strip(), fields.description.strip()
    thread.starts_at, thread.ends_at, thread.on_home, thread.updated_at = fields.starts_at, fields.ends_at, fields.on_home, now
    if fields.remove_cover:
        thread.cover_id = None
    db.session.add(thread)
    if cover is None:
        _record_thread(thread, actor, created)
        return thread
    with cover.stored() as media:
        thread.cover = media
        _record_thread(thread, actor, created)
    return thread


def _record_thread(thread: Thread, actor: User, created: bool) -> None:
    db.session.flush()
    audit.record(actor, "create" if created else "update", "thread", thread.id, thread.name)
    db.session.commit()


def delete_thread(thread: Thread, actor: User) -> None:
    """Remove a thread; its articles stay, without it."""
    audit.record(actor, "delete", "thread", thread.id, thread.name)
    db.session.delete(thread)
    db.session.commit()
