"""Machine-readable views of the news: RSS 2.0 feeds, the sitemap and robots.txt."""

from urllib.parse import urlsplit

from flask import Response, current_app, render_template, url_for
from sqlalchemy import Select, select

from portal import clock
from portal.extensions import db
from portal.models import Category
from portal.news import bp
from portal.services import albums, documents, english, feeds, organisation, pages, questions, settings, topics
from portal.services.content import in_category_tree, published
from portal.web.page_cache import public_page

FEED_ITEMS = 30
ROBOTS_DISALLOW = ("/quan-tri/", "/tim-kiem", "/tin-tuc/in/", "/widgets/")


def date_filters() -> dict:
    zone = current_app.config["SITE_TIMEZONE"]
    return {"rfc822": lambda moment: feeds.rfc822(moment, zone), "w3c": lambda moment: feeds.w3c(moment, zone)}


def rss_response(query: Select, topic: str | None, link: str, self_url: str) -> Response:
    """The newest ``FEED_ITEMS`` of ``query`` (visible articles, newest first) as RSS 2.0: the
    site's feed (``topic`` None), or a category's, a chuyên đề's or a tag's, whose page is ``link``."""
    articles = list(db.session.execute(query.limit(FEED_ITEMS)).scalars())
    body = render_template(
        "news/rss.xml",
        site=settings.current(),
        topic=topic,
        link=link,
        articles=articles,
        self_url=self_url,
        site_host=urlsplit(current_app.config["SITE_URL"]).netloc,
        built=articles[0].published_at if articles else clock.now(),
        **date_filters(),
    )
    return Response(body, mimetype="application/rss+xml")


@bp.get("/rss")
@public_page()
def rss():
    """The site's newest articles as RSS 2.0."""
    return rss_response(published(clock.now()), None, url_for(".home", _external=True), url_for(".rss", _external=True))


@bp.get("/rss/<slug>")
@public_page()
def category_rss(slug: str):
    """One category's newest articles as RSS 2.0."""
    category = db.first_or_404(select(Category).where(Category.slug == slug))
    query = published(clock.now()).where(in_category_tree(category.id))
    link = url_for(".category", slug=category.slug, _external=True)
    return rss_response(query, category.name, link, url_for(".category_rss", slug=slug, _external=True))


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
        threads=topics.threads(),
        tags=topics.tags_in_use(now),
        last_modified=feeds.last_modified,
        **date_filters(),
    )
    return Response(body, mimetype="application/xml")


@bp.get("/robots.txt")
@public_page()
def robots():
    """Crawlers: welcome on the news, kept out of the admin; the sitemap's address."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW), "", f"Sitemap: {url_for('.sitemap', _external=True)}", ""]
    return Response("\n".join(lines), mimetype="text/plain")
