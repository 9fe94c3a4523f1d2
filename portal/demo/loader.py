"""Load the demo site: the seed article, our own articles, the sidebar and its media.

Every image and sound is drawn or synthesised by ``portal.demo.media``; nothing is
downloaded. ``load_demo`` refuses a database that already holds content.
"""

import io
import secrets
from datetime import datetime
from functools import lru_cache
from html import escape
from importlib.resources import files
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from portal.counters import counting
from portal.counters.sql_store import SqlCounterStore
from portal.demo import articles as data
from portal.demo import albums as gallery
from portal.demo import covers, english
from portal.demo import media as drawings
from portal.demo import visits as visit_history
from portal.demo.documents import SEED_DOCUMENT_NUMBER
from portal.demo.history import add_seed_history
from portal.demo.library import attach_outline, load_library
from portal.demo.menu import load_menu
from portal.demo.organisation import load_organisation
from portal.demo.pages import load_pages
from portal.demo.questions import load_questions
from portal.demo.topics import load_topics
from portal.extensions import db
from portal.models import (
    Article,
    ArticleStatus,
    AuditLog,
    BlockKind,
    Category,
    Document,
    Media,
    MediaKind,
    SidebarBlock,
    Song,
    User,
    WebLink,
)
from portal.models.documents import document_path
from portal.services import settings
from portal.services.content import sanitise_html
from portal.services.media import PreparedUpload, UploadLimits, prepare_image, write_all
from portal.text import slugify

SEED_FILE = "seed-article-2020-02-20.txt"
SEED_TITLE = "Hội nghị triển khai nhiệm vụ công tác tuyên truyền, khoa giáo năm 2020"
SEED_CATEGORY = "xay-dung-dang"
SEED_PUBLISHED_AT = datetime(2020, 2, 20, 8, 30)
# The seed page has no summary of its own; this one is ours.
SEED_SUMMARY = (
    "Ban Tuyên giáo Thị ủy Hồng Lĩnh triển khai nhiệm vụ tuyên truyền, khoa giáo năm 2020, "
    "trọng tâm là tuyên truyền đại hội Đảng các cấp nhiệm kỳ 2020 - 2025."
)
SEED_VISIT_TOTAL = 791_935
MAP_CAPTION = "Bản đồ hành chính thị xã Hồng Lĩnh, tỉnh Hà Tĩnh"


class DemoRefused(Exception):
    """The database already has content and --force was not given."""


def has_content() -> bool:
    return bool(db.session.execute(select(func.count(Category.id))).scalar())


def load_demo(force: bool = False) -> int:
    """Fill an empty database with the demo site; return the number of articles."""
    if has_content():
        if not force:
            raise DemoRefused("Cơ sở dữ liệu đã có nội dung; dùng --force để xoá và nạp lại.")
        _wipe()
    categories = _load_categories()
    library = load_library()
    count = _load_seed_article(categories, library[SEED_DOCUMENT_NUMBER]) + _load_articles(categories)
    _load_sidebar()
    _load_albums_and_poll()
    db.session.flush()
    load_topics(SEED_TITLE)
    load_pages()
    load_organisation(_portrait)
    load_questions()
    load_menu()
    english.load_english(SEED_TITLE)
    history = visit_history.add_visit_history() if _counts_in_sql() else 0
    site = settings.for_editing()
    for name, value in (data.SITE | english.SITE | {"visit_offset": SEED_VISIT_TOTAL - history}).items():
        setattr(site, name, value)
    db.session.commit()
    return count


def _counts_in_sql() -> bool:
    """The invented history is written as SQL tally rows, so it is only added where the SQL
    store keeps the counters; with Redis the offset alone makes the seed page's total."""
    return isinstance(counting.store(), SqlCounterStore)


def _wipe() -> None:
    """Delete every row of the site's content, children first. The webmaster's accounts and
    the audit log are not content: they stay, so the admin can still sign in afterwards."""
    kept = {User.__table__, AuditLog.__table__}
    for table in reversed(db.metadata.sorted_tables):
        if table not in kept:
            db.session.execute(table.delete())


def _save_media(kind: MediaKind, content: bytes, suffix: str, mime_type: str, alt: str = "", size=None) -> Media:
    """Write a generated file under the uploads folder with a generated name."""
    filename = f"{secrets.token_hex(12)}{suffix}"
    Path(current_app.config["UPLOAD_FOLDER"], filename).write_bytes(content)
    width, height = size or (None, None)
    media = Media(kind=kind, filename=filename, mime_type=mime_type, size=len(content), alt=alt, width=width, height=height)
    db.session.add(media)
    return media


def _photo(caption: str, seed: int) -> Media:
    svg = drawings.placeholder_photo_svg(caption, seed).encode()
    return _save_media(MediaKind.IMAGE, svg, ".svg", "image/svg+xml", alt=caption, size=(1200, 675))


def _portrait(svg: str, alt: str) -> Media:
    media = _save_media(MediaKind.IMAGE, svg.encode(), ".svg", "image/svg+xml", alt=alt, size=(240, 300))
    db.session.flush()
    return media


def _cover(category: Category) -> Media:
    """A copy of the category's drawn cover for one article, with its renditions, stored
    under fresh names like any upload (each article owns its cover)."""
    media, files = _cover_upload(category.slug, category.name)
    stem = secrets.token_hex(12)
    copy = Media(kind=media.kind, filename=f"{stem}.{media.filename.rsplit('.', 1)[1]}", mime_type=media.mime_type,
                 width=media.width, height=media.height, alt=media.alt, size=media.size, renditions=media.renditions)  # fmt: skip
    names = {media.filename: copy.filename} | {media.rendition_filename(w): copy.rendition_filename(w) for w in media.rendition_widths}
    upload = PreparedUpload(copy, {names[name]: content for name, content in files.items()}, _upload_folder())
    with upload.stored() as stored:
        return stored


@lru_cache(maxsize=None)
def _cover_upload(slug: str, name: str) -> tuple[Media, dict[str, bytes]]:
    """The category's cover checked, re-encoded and resized by the upload pipeline, once per
    process: the costly part, done five times instead of once per article."""
    jpeg = covers.cover_jpeg(slug, name)
    limits = UploadLimits(_upload_folder(), max_bytes=len(jpeg))
    prepared = prepare_image(io.BytesIO(jpeg), f"Hình minh họa chuyên mục {name}", limits)
    return prepared.media, prepared.files


def _upload_folder() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"])


def _figure_html(media: Media, caption: str) -> str:
    return (
        f'<figure><img src="{media.path}" alt="{escape(caption)}" width="{media.width}" height="{media.height}">'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def _paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _load_categories() -> dict[str, Category]:
    categories = {c["slug"]: Category(**c) for c in data.CATEGORIES}
    db.session.add_all(categories.values())
    return categories


def read_seed_article() -> tuple[list[str], str, str]:
    """The seed page's body paragraphs, photo caption and byline, exactly as written."""
    text = files("portal.demo").joinpath(SEED_FILE).read_text(encoding="utf-8")
    blocks = [b.strip("\n") for b in text.split("Đánh giá:")[0].split("\n\n") if b.strip()]
    first, caption, *paragraphs, byline = blocks
    return [first, *paragraphs], caption, byline


def _cite(body: str, document: Document) -> str:
    """The seed article's mention of the plan becomes a link to the library's copy."""
    mention = f"Kế hoạch số {document.number}"
    return body.replace(mention, f'<a href="{document_path(document)}">{mention}</a>', 1)


def _load_seed_article(categories: dict[str, Category], plan: Document) -> int:
    paragraphs, caption, byline = read_seed_article()
    figure = _figure_html(_photo(caption, seed=2020), caption)
    body = _cite(_paragraphs_html(paragraphs[:1]) + figure + _paragraphs_html(paragraphs[1:]), plan)
    seed = Article(
        title=SEED_TITLE,
        slug=slugify(SEED_TITLE),
        summary=SEED_SUMMARY,
        body=sanitise_html(body),
        byline=byline,
        category=categories[SEED_CATEGORY],
        cover=_cover(categories[SEED_CATEGORY]),
        status=ArticleStatus.PUBLISHED,
        published_at=SEED_PUBLISHED_AT,
        updated_at=SEED_PUBLISHED_AT,
    )
    db.session.add(seed)
    db.session.flush()
    plan.articles.append(seed)
    attach_outline(seed)
    add_seed_history(seed)
    return 1


def _load_articles(categories: dict[str, Category]) -> int:
    for number, item in enumerate(data.ARTICLES):
        body = _paragraphs_html(item["paragraphs"][:1])
        if caption := item.get("figure_caption"):
            body += _figure_html(_photo(caption, seed=number), caption)
        body += _paragraphs_html(item["paragraphs"][1:])
        db.session.add(
            Article(
                title=item["title"],
                slug=slugify(item["title"]),
                summary=item["summary"],
                body=sanitise_html(body),
                byline=item["byline"],
                category=categories[item["category"]],
                cover=_cover(categories[item["category"]]),
                status=ArticleStatus.PUBLISHED,
                published_at=item["published_at"],
                updated_at=item["published_at"],
            )
        )
    return len(data.ARTICLES)


def _load_albums_and_poll() -> None:
    """The two albums (their drawn photos through the upload pipeline) and the sidebar's poll."""

    def store(prepared: PreparedUpload) -> Media:
        write_all(prepared.folder, prepared.files)
        db.session.add(prepared.media)
        return prepared.media

    def article_titled(title: str) -> Article:
        return db.session.execute(select(Article).where(Article.title == title)).scalar_one()

    limits = UploadLimits(_upload_folder(), max_bytes=current_app.config["IMAGE_MAX_BYTES"])
    db.session.add_all(gallery.load_albums(limits, store, article_titled))
    db.session.add(gallery.demo_poll(datetime(2021, 4, 1, 8, 0)))


def _load_sidebar() -> None:
    town_map = _save_media(
        MediaKind.IMAGE, drawings.town_map_svg().encode(), ".svg", "image/svg+xml", alt=MAP_CAPTION, size=(800, 600)
    )
    blocks = [
        SidebarBlock(kind=BlockKind.MAP, title="Bản đồ thị xã Hồng Lĩnh", image=town_map, caption=MAP_CAPTION, link="/ban-do"),
        SidebarBlock(kind=BlockKind.SONGS, title="Các ca khúc hay về Hồng Lĩnh"),
        SidebarBlock(kind=BlockKind.LINKS, title="Liên kết website"),
        SidebarBlock(kind=BlockKind.COUNTERS, title="Thống kê truy cập"),
        SidebarBlock(kind=BlockKind.MOST_READ, title="Đọc nhiều"),
        SidebarBlock(kind=BlockKind.POLL, title="Thăm dò ý kiến"),
    ]
    for position, block in enumerate(blocks, start=1):
        block.position = position
    db.session.add_all(blocks)
    for position, song in enumerate(data.SONGS, start=1):
        wav = drawings.song_wav(song["melody"])
        audio = _save_media(MediaKind.AUDIO, wav, ".wav", "audio/wav", alt=song["title"])
        db.session.add(
            Song(title=song["title"], composer=song["composer"], performer=song["performer"], audio=audio, position=position)
        )
    db.session.add_all(WebLink(title=l["title"], url=l["url"], position=p) for p, l in enumerate(data.LINKS, start=1))
