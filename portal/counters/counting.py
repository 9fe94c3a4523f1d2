"""Where requests meet the counters: which request counts, and this app's counter store.

Pages are the same bytes for everyone and count nothing themselves: each one loads its live
fragment (htmx) or, without JavaScript, its counting image, and that request calls
``count_page_view``; the counters fragment calls ``renew_presence`` (online, not a visit). A client
that loads neither is not counted. Reading is done once per request.
"""

import logging

import redis
from flask import Flask, current_app, g, request

from portal import clock
from portal.counters import visits
from portal.counters.redis_store import RedisCounterStore
from portal.counters.sql_store import SqlCounterStore
from portal.web.visitor import current_visitor, known_visitor

EXTENSION = "portal.counters"
log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Choose the store once per process: Redis with PORTAL_REDIS_URL, otherwise SQL."""
    url = app.config.get("REDIS_URL")
    if url:
        timeout = app.config["REDIS_TIMEOUT"]
        client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        app.extensions[EXTENSION] = RedisCounterStore(client, app.config["REDIS_KEY_PREFIX"] + "counters:")
    else:
        app.extensions[EXTENSION] = SqlCounterStore()


def store() -> visits.CounterStore:
    return current_app.extensions[EXTENSION]


def is_reader() -> bool:
    """Not a crawler, a monitoring probe or a command-line client."""
    return not visits.is_bot(request.user_agent.string)


def count_page_view(article_id: int | None = None) -> visits.PageView | None:
    """Count the page view this request reports, with ``article_id`` the article the page
    shows, if it is a reader's and not a prefetch; None when not counted."""
    purpose = request.headers.get("Sec-Purpose", request.headers.get("Purpose", ""))
    if not is_reader() or "prefetch" in purpose:
        return None
    return store().record_page_view(current_visitor(), clock.now(), article_id)


def renew_presence() -> None:
    """A counter refresh keeps a reader online, if a page view counted them (a visitor
    given an id by this very request has none, so it is not even asked)."""
    visitor = known_visitor()
    if visitor and is_reader():
        store().renew_presence(visitor, clock.now())


def current_counters() -> visits.Counters | None:
    """The live figures, read once per request; None when the store cannot be reached."""
    if "counters" not in g:
        try:
            g.counters = store().counters(clock.now())
        except visits.CountersUnavailable as error:
            log.warning("Counters unavailable: %s", error)
            g.counters = None
    return g.counters
