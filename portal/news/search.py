"""The search page: /tim-kiem?q=… over titles, summaries and bodies, without diacritics."""

from flask import abort, current_app, request
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.layout import render_page
from portal.news import bp
from portal.services import documents, questions
from portal.services import search as search_service
from portal.web.inputs import int_arg
from portal.web.page_cache import public_page

DOCUMENTS_BESIDE = 5


def _matching_documents(terms: list[str], page: int) -> tuple[list, int]:
    """The library's documents holding the words, listed beside the articles on the first page."""
    if not terms or page != 1:
        return [], 0
    ids = documents.ranked_ids(terms, db.session.get_bind().dialect.name, documents.listing(documents.Filters()))
    return documents.documents_by_id(ids[:DOCUMENTS_BESIDE]), len(ids)


def _matching_questions(query: str, page: int) -> tuple[list, int]:
    """The answered questions (Hỏi đáp) holding the words, listed beside the articles on the first page."""
    if not query.strip() or page != 1:
        return [], 0
    found = questions.published(None, query)
    total = db.session.execute(select(func.count()).select_from(found.subquery())).scalar()
    return list(db.session.execute(found.limit(DOCUMENTS_BESIDE)).scalars()), total


def _results_page(query: str, terms=(), pagination=None, error: str | None = None, status: int = 200):
    found, total = _matching_documents(list(terms), pagination.page if pagination else 1)
    asked, asked_total = _matching_questions(query if terms else "", pagination.page if pagination else 1)
    page = render_page(
        "news/search.html",
        query=query,
        terms=list(terms),
        pagination=pagination,
        error=error,
        highlight=search_service.highlight,
        snippet=search_service.snippet,
        documents=found,
        documents_total=total,
        questions=asked,
        questions_total=asked_total,
    )
    return page, status


@bp.get("/tim-kiem")
@public_page("q", "page")
def search():
    """Search results, ten a page, the first thousand at most; an unusable query gets a message
    saying why (400); a page past the thousandth result says so (404)."""
    raw = request.args.get("q", "", type=str)
    page = int_arg("page", 1)
    if not raw.strip():
        return _results_page(raw)
    try:
        terms = search_service.parse_query(raw)
    except search_service.InvalidQuery as invalid:
        return _results_page(raw, error=str(invalid), status=400)
    per_page = current_app.config["ARTICLES_PER_PAGE"]
    results = search_service.result_page(terms, clock.now(), db.session.get_bind().dialect.name, page, per_page)
    if results.beyond_limit:
        return _results_page(raw, terms, results, status=404)
    if page < 1 or (page > 1 and page > results.pages):
        abort(404)
    return _results_page(raw, terms, results)
