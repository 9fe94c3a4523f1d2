"""Public pages as documents any cache can hold, and the app's one cache of them.

A public GET view is decorated with ``@public_page(<its query arguments>)``. Its page is the
same bytes for every reader: the view reads no session, no visitor cookie and no flashed
message, and what is live or personal comes later from the page's live fragment
(``portal.widgets.routes_live``). So the answer carries ``Cache-Control: public,
max-age=PAGE_MAX_AGE`` and an ``ETag``, ``If-None-Match`` gets 304, and nginx or a CDN may keep it.

The app keeps it too: the bytes as sent (compressed by Flask-Compress, hence per
``Accept-Encoding``), under the page's address (host, path, and only the query arguments the
page declares: ``?x=random`` is the same page) and the *content version*, a number that database
triggers raise in the same transaction as any write of content (``portal.models.site``), so a
save shows on the next request on every app server. The next time something comes or goes by
itself (a scheduled article out, an article's end time, a featured pin's, a chuyên đề banner's
start or end, a poll's closing) is part of the key as well, so it happens on time. A kept page lives ``PAGE_MAX_AGE`` seconds at
most: the figures printed in it (views, rating, counters, most read) are never older.
Kept in this worker's memory (cachetools, bounded by ``PAGE_CACHE_BYTES``), or in Redis with
``PORTAL_REDIS_URL``, where every app server shares it.

A kept page is answered before Flask (``KeptPagesFirst``, a WSGI middleware) when the request
names exactly its address: the path, and query arguments that are all the page's own. No
session, routing or hook runs for it; only the content version is read. Anything else (another
argument, a page not kept, a POST) goes on to Flask as before.
"""

import json
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

import redis
from cachetools import TTLCache
from flask import Flask, Response, current_app, g, request
from sqlalchemy import bindparam, func, select, union_all
from werkzeug.datastructures import Headers
from werkzeug.http import parse_etags, remove_entity_headers
from werkzeug.wrappers import Request

from portal import clock
from portal.extensions import db
from portal.models import Article, ContentVersion, FeaturedArticle, Poll, Thread
from portal.models.content import PUBLIC_STATES

EXTENSION = "portal.web.page_cache"
GENERATION = "portal.page_generation"  # the WSGI environ's key for this request's ``_generation``
_NOT_KEPT = frozenset(("set-cookie", "content-length", "cache-control", "date"))
_read_version = select(ContentVersion.version).where(ContentVersion.id == 1)
_NOW = bindparam("now")
_coming = union_all(
    select(Article.published_at.label("at")).where(Article.status.in_(PUBLIC_STATES), Article.published_at > _NOW),
    select(Article.expires_at).where(Article.status.in_(PUBLIC_STATES), Article.expires_at > _NOW),
    select(FeaturedArticle.until).where(FeaturedArticle.until > _NOW),
    select(Thread.starts_at).where(Thread.on_home, Thread.starts_at > _NOW),
    select(Thread.ends_at).where(Thread.on_home, Thread.ends_at > _NOW),
    select(Poll.closes_at).where(Poll.closes_at > _NOW),
).subquery()
_next_change = select(func.min(_coming.c.at))
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeptPage:
    made: float  # time.time() when rendered: the age is the same on every server
    generation: str  # the content it was rendered from (``_generation``)
    headers: list[tuple[str, str]]
    body: bytes

    def size(self) -> int:
        return len(self.body) + sum(len(name) + len(value) for name, value in self.headers) + 200


class MemoryPages:
    """This worker's kept pages, the least recently used dropped first past ``max_bytes``."""

    def __init__(self, max_bytes: int, max_age: int) -> None:
        self.pages: TTLCache = TTLCache(maxsize=max_bytes, ttl=max_age, getsizeof=KeptPage.size)
        self.lock = threading.Lock()  # cachetools' caches are not thread-safe

    def get(self, key: str) -> KeptPage | None:
        with self.lock:
            return self.pages.get(key)

    def put(self, key: str, page: KeptPage) -> None:
        with self.lock:
            try:
                self.pages[key] = page
            except ValueError:  # larger than the whole cache: sent, not kept
                pass


class RedisPages:
    """Kept pages in Redis, shared by every app server; each expires with its max age.
    An unreachable Redis only means pages are rendered afresh."""

    def __init__(self, client: redis.Redis, prefix: str, max_age: int) -> None:
        self.client, self.prefix, self.max_age = client, prefix, max_age

    def get(self, key: str) -> KeptPage | None:
        try:
            stored = self.client.get(self.prefix + key)
        except redis.RedisError as error:
            log.warning("Page cache unavailable: %s", error)
            return None
        if stored is None:
            return None
        head, body = stored.split(b"\n", 1)
        made, generation, headers = json.loads(head)
        return KeptPage(made, generation, [tuple(pair) for pair in headers], body)

    def put(self, key: str, page: KeptPage) -> None:
        head = json.dumps([page.made, page.generation, page.headers]).encode()
        try:
            self.client.set(self.prefix + key, head + b"\n" + page.body, ex=self.max_age)
        except redis.RedisError as error:
            log.warning("Page not kept: %s", error)


@dataclass
class _Generation:
    """The content version and the next time something comes or goes by itself, as this worker last read them."""

    version: int | None = None
    until: datetime | None = None
    checked: float = 0.0  # time.monotonic() when ``until`` was looked for


def _generation(max_age: int, environ: dict) -> str:
    """What a kept page must have been rendered from to be sent: the content version (one
    primary-key read) and the next time something comes or goes by itself (``_next_change``),
    looked for again when the content changed or that time came. Read once per request (kept in its WSGI ``environ``, which the
    middleware and Flask share), on a connection of its own, without the ORM's session."""
    if GENERATION in environ:
        return environ[GENERATION]
    state: _Generation = current_app.extensions[EXTENSION]["generation"]
    now = clock.now()
    with db.engine.connect() as connection:
        version = connection.execute(_read_version).scalar() or 0
        if version != state.version or (state.until is not None and now >= state.until) or time.monotonic() - state.checked > max_age:
            until = connection.execute(_next_change, {"now": now}).scalar()
            state.until, state.version, state.checked = until, version, time.monotonic()
    environ[GENERATION] = f"{state.version}|{state.until.isoformat() if state.until else '-'}"
    return environ[GENERATION]


def _page_key(host: str, path: str, arguments: dict[str, str], encoding: str) -> str:
    query = "&".join(f"{name}={value}" for name, value in sorted(arguments.items()))
    return f"{host}|{path}|{query}|{encoding}"


def _fresh(kept: KeptPage | None, max_age: int, environ: dict) -> KeptPage | None:
    """The kept page if it is younger than the max age and of the content as it is now."""
    if kept is None or time.time() - kept.made >= max_age or kept.generation != _generation(max_age, environ):
        return None
    return kept


def page_query() -> dict[str, str]:
    """The query arguments that are part of this page (what the pager's links repeat)."""
    return g.get("page_query", {})


def public_page(*arguments: str) -> Callable:
    """Make a GET view a public page: cacheable, kept, and built from ``arguments`` of the query alone."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def page(**kwargs):
            g.page_query = {name: request.args[name] for name in arguments if name in request.args}
            max_age = current_app.config["PAGE_MAX_AGE"]
            if max_age <= 0:
                g.page_key = None
                return view(**kwargs)
            g.page_key = _page_key(request.host, request.path, g.page_query, request.headers.get("Accept-Encoding", ""))
            _generation(max_age, request.environ)  # before rendering: a page is kept as of the content it was made from
            kept = _fresh(current_app.extensions[EXTENSION]["pages"].get(g.page_key), max_age, request.environ)
            if kept is None:
                return view(**kwargs)
            g.kept_page = kept
            return Response(kept.body, headers=kept.headers)

        return page

    return decorate


def _finish(response: Response) -> Response:
    """Keep a page just rendered, and send any page with its caching headers (after compression)."""
    if "page_key" not in g or request.method not in ("GET", "HEAD"):
        return response
    max_age = current_app.config["PAGE_MAX_AGE"]
    if "Set-Cookie" in response.headers:  # a bug, never to be shared: the page stays private
        log.error("Public page %s set a cookie; it is not cached", request.path)
        response.headers["Cache-Control"] = "private, no-store"
        return response
    if response.status_code != 200 or max_age <= 0:
        response.headers["Cache-Control"] = "public, no-cache"
        return response
    kept = g.get("kept_page")
    if kept is None:
        response.add_etag()
        headers = [(name, value) for name, value in response.headers.items() if name.lower() not in _NOT_KEPT]
        kept = KeptPage(time.time(), _generation(max_age, request.environ), headers, response.get_data())
        current_app.extensions[EXTENSION]["pages"].put(g.page_key, kept)
    response.headers["Cache-Control"] = _cache_control(kept, max_age)
    return response.make_conditional(request)


def _cache_control(kept: KeptPage, max_age: int) -> str:
    """As long as the kept page has left: nginx, a CDN or a browser keep it no longer than the app."""
    return f"public, max-age={max(0, math.ceil(kept.made + max_age - time.time()))}"


class KeptPagesFirst:
    """WSGI middleware: answer a GET or HEAD for a kept page without entering Flask.

    The request must name the page exactly as Flask keeps it (``_page_key``): its host, path
    and every query argument, once each. A kept page is only ever stored by Flask for a request
    it accepted (an allowed host, a valid URL), so the same address may be answered here."""

    def __init__(self, app: Flask, wsgi_app) -> None:
        self.app, self.wsgi_app = app, wsgi_app

    def __call__(self, environ, start_response):
        answer = self._kept(environ) if environ.get("REQUEST_METHOD") in ("GET", "HEAD") else None
        if answer is None:
            return self.wsgi_app(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return body

    def _kept(self, environ) -> tuple[str, list[tuple[str, str]], list[bytes]] | None:
        max_age = self.app.config["PAGE_MAX_AGE"]
        if max_age <= 0:
            return None
        asked = Request(environ)
        if any(len(values) > 1 for values in asked.args.listvalues()):
            return None
        key = _page_key(asked.host, asked.path, asked.args.to_dict(), asked.headers.get("Accept-Encoding", ""))
        with self.app.app_context():
            kept = _fresh(self.app.extensions[EXTENSION]["pages"].get(key), max_age, environ)
            if kept is None:
                return None
            headers = Headers(kept.headers)
            headers["Cache-Control"] = _cache_control(kept, max_age)
        etag = headers.get("ETag", "").strip('"')
        if etag and parse_etags(asked.headers.get("If-None-Match")).contains_weak(etag):
            remove_entity_headers(headers)
            return "304 NOT MODIFIED", headers.to_wsgi_list(), []
        headers["Content-Length"] = str(len(kept.body))
        return "200 OK", headers.to_wsgi_list(), [] if asked.method == "HEAD" else [kept.body]


def init_app(app: Flask) -> None:
    """Choose the store; the hook must run after Flask-Compress's, so it is registered before it."""
    max_age, url = int(app.config["PAGE_MAX_AGE"]), app.config.get("REDIS_URL")
    if url:
        timeout = app.config["REDIS_TIMEOUT"]
        client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        pages = RedisPages(client, app.config["REDIS_KEY_PREFIX"] + "pages:", max(max_age, 1))
    else:
        pages = MemoryPages(int(app.config["PAGE_CACHE_BYTES"]), max(max_age, 1))
    app.extensions[EXTENSION] = {"pages": pages, "generation": _Generation()}
    app.after_request(_finish)
    app.wsgi_app = KeptPagesFirst(app, app.wsgi_app)
