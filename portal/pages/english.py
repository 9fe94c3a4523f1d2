"""The English section, /en/: its home (the organisation, its duties, leaders and contacts, and
what the webmaster translated), the organisation and its units from the same records as /to-chuc,
the English articles and pages, and a search of the section. Labels come from the English
message catalogue (``portal.i18n``); each page links its Vietnamese counterpart."""

from flask import abort, redirect, request, url_for

from portal import clock
from portal.extensions import db
from portal.layout import render_page
from portal.models.content import ENGLISH
from portal.pages import bp
from portal.services import english, organisation, pages
from portal.web.page_cache import public_page

SEARCH_LENGTH = 200


@bp.get("/en/")
@public_page()
def english_home():
    """The organisation in English: who it is, its duties, its leaders and contacts, and the
    articles and pages written in English."""
    now = clock.now()
    context = {
        "tops": [unit for unit, depth in organisation.units_tree() if depth == 0],
        "leaders": organisation.leaders(),
        "articles": list(db.session.execute(english.articles(now)).scalars()),
        "english_pages": pages.published(ENGLISH),
    }
    return render_page("pages/english_home.html", counterpart=url_for("news.home"), **context)


@bp.get("/en/organisation")
@public_page()
def english_organisation():
    """/to-chuc in English."""
    return render_page("pages/organisation.html", leaders=organisation.leaders(), units=organisation.units_tree(),
                       counterpart=url_for("pages.organisation_page"))  # fmt: skip


@bp.get("/en/organisation/<slug>")
@public_page()
def english_unit(slug: str):
    """/to-chuc/<slug> in English."""
    found = organisation.unit_by_slug(slug)
    if found is None:
        abort(404)
    return render_page("pages/unit.html", unit=found, counterpart=url_for("pages.unit", slug=slug))


@bp.get("/en/news/<slug>-<int:article_id>.html")
@public_page()
def english_article(slug: str, article_id: int):
    """An English article; an outdated slug answers 301 to its address."""
    found = english.visible_article(article_id, clock.now())
    if found is None:
        abort(404)
    if slug != found.slug:
        return redirect(found.url, code=301)
    original = english.article_counterpart(found, clock.now())
    return render_page("pages/english_article.html", article=found, counterpart=original.url if original else None)


@bp.get("/en/search")
@public_page("q")
def english_search():
    """The English articles and pages holding every word of ``q``."""
    query = request.args.get("q", "", type=str)[:SEARCH_LENGTH]
    found, shown = english.search(query, clock.now())
    return render_page("pages/english_search.html", query=query, articles=found, found_pages=shown)


@bp.get("/en/<path:path>")
@public_page()
def english_page(path: str):
    """An English page, by its slugs under /en/."""
    if path.endswith("/"):
        return redirect(url_for("pages.english_page", path=path.rstrip("/")), code=301)
    found = pages.by_path(path, ENGLISH)
    if found is None:
        abort(404)
    original = pages.counterpart(found)
    trail = [(above.title, above.path) for above in found.ancestors] + [(found.title, None)]
    return render_page("pages/page.html", page=found, trail=trail, counterpart=original.path if original else None)
