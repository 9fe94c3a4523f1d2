"""Addresses that pages print many times, memoised per worker: a page lists a dozen articles,
and url_for costs more than the rest of a link's rendering. The memo is keyed by the request's
script root, so a site mounted under a prefix gets its own addresses."""

from functools import lru_cache

from flask import has_request_context, request, url_for


def article_url(category_slug: str, slug: str, article_id: int) -> str:
    """An article's address, built once per article and worker while serving requests."""
    if not has_request_context():
        return url_for("news.article", category_slug=category_slug, slug=slug, article_id=article_id)
    return _article_url(request.script_root, category_slug, slug, article_id)


@lru_cache(maxsize=16384)
def _article_url(script_root: str, category_slug: str, slug: str, article_id: int) -> str:
    return url_for("news.article", category_slug=category_slug, slug=slug, article_id=article_id)
