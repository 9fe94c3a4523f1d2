"""Machine-readable views of the news: RSS 2.0 feeds, the sitemap and robots.txt."""

from urllib.parse import urlsplit

from flask import Response, current_app, render_template, url_for
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import Category
from portal.news import bp
from portal.services import albums, documents, english, feeds, organisation, pages, questions, settings
from portal.web.page_cache import public_page

FEED_ITEMS = 30
ROBOTS_DISALLOW = ("/quan-tri/", "/tim-kiem", "/tin-tuc/in/", "/widgets/")


def _xml(body: str, mimetype: str) -> Response:
    return Response(body, mimetype=mimetype)


def date_filters() -> dict:
    zone = current_app.config["SITE_TIMEZONE"]
    return {"rfc822": lambda moment: feeds.rfc822(moment, zone), "w3c": lambda moment: feeds.w3c(moment, zone)}


def _feed(category: Category | None):
    now = clock.now()
    articles = feeds.feed_articles(now, FEED_ITEMS, category)
    self_url = url_for(".category_rss", slug=category.slug, _external=True) if category else url_for(".rss", _external=True)
    body = render_template(
        "news/rss.xml",
        site=settings.current(),
        category=category,
        articles=articles,
        self_url=self_url,
        site_host=urlsplit(current_app.config["SITE_URL"]).netloc,
        built=articles[0].published_at if articles else now,
        **date_filters(),
    )
    return _xml(body, "application/rss+xml")


@bp.get("/rss")
@public_page()
def rss():
    """The site's newest articles as RSS 2.0."""
    return _feed(None)


@bp.get("/rss/<slug>")
@public_page()
def category_rss(slug: str):
    """One category's newest articles as RSS 2.0."""
    return _feed(db.first_or_404(select(Category).where(Category.slug == slug)))


@bp.get("/sitemap.xml")
@public_page()
def sitemap():
    """Every visible article and category, with the time it last changed; the library's documents;
    the pages, the organisation, answered questions, photo albums and the English section, each
    page beside its other-language version (``xhtml:link`` alternates, as Google reads them)."""
    now = clock.now()
    articles = feeds.sitemap_articles(now)
    body = render_template(
        "news/sitemap.xml",
        articles=articles,
        site_changed=max(map(feeds.last_modified, articles), default=None),
        categories=feeds.category_last_changes(now),
        documents=documents.newest(),
        pages=pages.published(),
        units=[unit for unit, _depth in organisation.units_tree()],
        questions=questions.newest(),
        albums=db.session.execute(albums.published()).scalars(),
        english_articles=english.translated_articles(now),
        english_only=[a for a in db.session.execute(english.articles(now)).scalars() if a.original is None],
        site_url=current_app.config["SITE_URL"].rstrip("/"),
        last_modified=feeds.last_modified,
        **date_filters(),
    )
    return _xml(body, "application/xml")


@bp.get("/robots.txt")
@public_page()
def robots():
    """Crawlers: welcome on the news, kept out of the admin; the sitemap's address."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), "", f"Sitemap: {url_for('.sitemap', _external=True)}", ""]
    return Response("\n".join(lines), mimetype="text/plain")
