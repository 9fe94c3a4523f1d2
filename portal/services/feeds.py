"""What the RSS feeds and the sitemap list, and the date formats they need."""

from datetime import datetime
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article, Category
from portal.services.content import published


def sitemap_articles(now: datetime) -> list[Article]:
    """Every visible article, newest first."""
    return list(db.session.execute(published(now)).scalars())


def category_last_changes(now: datetime) -> list[tuple[Category, datetime | None]]:
    """Every category with the time its newest visible article was published or edited."""
    visible = published(now).order_by(None).subquery()
    newest = (
        select(visible.c.category_id, func.max(visible.c.updated_at).label("changed"), func.max(visible.c.published_at).label("out"))
        .group_by(visible.c.category_id)
        .subquery()
    )
    query = select(Category, newest.c.changed, newest.c.out).outerjoin(newest, newest.c.category_id == Category.id)
    query = query.order_by(Category.position, Category.id)
    return [(category, max(filter(None, (changed, out)), default=None)) for category, changed, out in db.session.execute(query)]


def last_modified(article: Article) -> datetime:
    """An article's last change: edited after publication, or its publication."""
    return max(article.updated_at, article.published_at)


def rfc822(moment: datetime, zone: str) -> str:
    """ "Thu, 20 Feb 2020 08:30:00 +0700" for a naive local time of the site."""
    return format_datetime(moment.replace(tzinfo=ZoneInfo(zone)))


def w3c(moment: datetime, zone: str) -> str:
    """ "2020-02-20T08:30:00+07:00" for a naive local time of the site."""
    return moment.replace(tzinfo=ZoneInfo(zone), microsecond=0).isoformat()
