"""The home page: what leads it and how it is laid out.

It leads with the featured articles the editors pinned (portal.services.featured), the first
large and the rest as a strip, or else with the newest article; a running chuyên đề may stand
as a banner; then the webmaster's blocks of categories (``home_block``: which, in what order,
how many articles, with pictures or as a list), each without what was shown above. Without any
block saved, every top category shows ``HOME_ARTICLES_PER_CATEGORY`` articles with pictures.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select

from portal.extensions import db
from portal.models import Article, Category, FeaturedArticle, HomeBlock, Thread, User
from portal.services import audit
from portal.services.content import is_visible, latest_by_category, menu_categories, published

ITEMS_MAX = 20  # the most articles a block may show (home_block's check constraint)


@dataclass(frozen=True)
class Block:
    """A category's block as the webmaster chose it."""

    category: Category
    shown: bool
    position: int
    items: int
    pictures: bool


@dataclass(frozen=True)
class Section:
    category: Category
    articles: list[Article]
    pictures: bool


@dataclass
class Home:
    lead: Article | None
    strip: list[Article] = field(default_factory=list)  # the other featured articles
    banners: list[Thread] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def default_blocks(items: int) -> list[Block]:
    """Every top category in the menu's order, ``items`` articles each, with pictures."""
    return [Block(category, True, position, items, True) for position, category in enumerate(menu_categories(), start=1)]


def _all_blocks(rows: dict[int, HomeBlock], items: int) -> list[Block]:
    """Every top category's block, in order: as saved; a category made since comes last, not
    shown; with nothing saved, the default blocks."""
    if not rows:
        return default_blocks(items)
    blocks = []
    for order, category in enumerate(menu_categories(), start=1):
        row = rows.get(category.id)
        if row is None:
            blocks.append(Block(category, False, 1000 + order, items, True))
        else:
            blocks.append(Block(category, row.shown, row.position, row.items, row.pictures))
    return sorted(blocks, key=lambda block: block.position)


def blocks(default_items: int) -> list[Block]:
    """Every top category's block (shown or not) in the home page's order: as saved, or the default ones."""
    rows = {row.category_id: row for row in db.session.execute(select(HomeBlock)).scalars()}
    return _all_blocks(rows, default_items)


def save_blocks(chosen: list[Block], actor: User) -> None:
    """Keep the webmaster's layout: one row per top category, renumbered in the chosen order."""
    db.session.execute(HomeBlock.__table__.delete())
    for position, block in enumerate(sorted(chosen, key=lambda b: b.position), start=1):
        db.session.add(HomeBlock(category_id=block.category.id, shown=block.shown, position=position,
                                 items=min(max(block.items, 1), ITEMS_MAX), pictures=block.pictures))  # fmt: skip
    shown = ", ".join(block.category.name for block in sorted(chosen, key=lambda b: b.position) if block.shown)
    audit.record(actor, "update", "home_blocks", None, f"Trang chủ: {shown or '(không chuyên mục nào)'}")
    db.session.commit()


def home_sections(now: datetime, chosen: list[Block], shown_above: set[int]) -> list[Section]:
    """Each shown block with its category's newest articles, leaving out ``shown_above`` (ids)."""
    wanted = {block.category.id: block.items + len(shown_above) for block in chosen if block.shown}
    latest = latest_by_category(now, wanted)
    sections = []
    for block in sorted(chosen, key=lambda block: block.position):
        if not block.shown:
            continue
        articles = [a for a in latest.get(block.category.id, []) if a.id not in shown_above][: block.items]
        if articles:
            sections.append(Section(block.category, articles, block.pictures))
    return sections


def featured_now(now: datetime, limit: int) -> list[Article]:
    """The featured articles a visitor sees at ``now``, in the editors' order: visible, pin not over."""
    query = (
        select(Article)
        .join(FeaturedArticle, FeaturedArticle.article_id == Article.id)
        .where(is_visible(now), or_(FeaturedArticle.until.is_(None), FeaturedArticle.until > now))
        .order_by(FeaturedArticle.position)
        .limit(limit)
    )
    return list(db.session.execute(query).scalars())


def banners(now: datetime) -> list[Thread]:
    """The chuyên đề running at ``now`` that the editors put on the home page, newest start first."""
    query = select(Thread).where(
        Thread.on_home, or_(Thread.starts_at.is_(None), Thread.starts_at <= now), or_(Thread.ends_at.is_(None), Thread.ends_at > now)
    )
    return list(db.session.execute(query.order_by(Thread.starts_at.desc().nulls_last(), Thread.id.desc())).scalars())


def compose(now: datetime, chosen: list[Block], featured_max: int) -> Home:
    """The home page at ``now`` with the blocks ``chosen`` (saved, or a preview's)."""
    featured = featured_now(now, featured_max)
    if featured:
        home = Home(featured[0], featured[1:])
    else:
        home = Home(db.session.execute(published(now).limit(1)).scalar_one_or_none())
    above = {article.id for article in [home.lead, *home.strip] if article is not None}
    home.banners = banners(now)
    home.sections = home_sections(now, chosen, above)
    return home
