"""Parts of public pages that each worker keeps between requests until the content changes.

The site settings, the menu, the sidebar's fixed blocks, an article with its related list:
reading and rendering them was most of a page's cost, yet they change only when something is
saved (or a scheduled article's time comes). Each worker keeps them here under the *content
version*, a number in the database that triggers raise in the same transaction as any write of
public content, raw SQL included (``portal.models.site``); every request reads it (one
primary-key look-up), so a save on one server shows on the next request to any worker of any
server.

Kept parts also expire when the next scheduled article comes out, and after
``PAGE_PARTS_MAX_AGE`` seconds in any case (a database swapped under a running server by a restore).

Nothing live is kept: the counters, an article's views and rating, the most-read list, the
visitor's own vote and the CSRF token are read or made on every request. ORM objects kept here
are expunged from their session first and only read afterwards, by any thread.
"""

import dataclasses
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import Flask, current_app, g
from sqlalchemy import func, inspect, select

from portal import clock
from portal.extensions import db
from portal.models import Article, ArticleStatus, ContentVersion

EXTENSION = "portal.layout.page_parts"
MAX_ITEMS = 8000  # the least recently used go first; about 2,000 articles' pages, some 100 MB a worker
_read_version = select(ContentVersion.version).where(ContentVersion.id == 1)


class _Parts:
    """One worker's parts, valid for one content version until ``expires`` (monotonic time)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version: int | None = None
        self.until: datetime | None = None  # the next scheduled article's time
        self.expires = 0.0
        self.items: OrderedDict[Any, Any] = OrderedDict()  # least recently used first


def _next_publication(now: datetime) -> datetime | None:
    query = select(func.min(Article.published_at)).where(Article.status != ArticleStatus.DRAFT, Article.published_at > now)
    return db.session.execute(query).scalar()


def _current() -> _Parts:
    """This worker's parts, emptied first if the content changed (checked once per request)."""
    parts: _Parts = current_app.extensions[EXTENSION]
    if "page_parts_checked" in g:
        return parts
    g.page_parts_checked = True
    version = db.session.connection().execute(_read_version).scalar() or 0  # Core: the ORM's overhead is not needed
    now = clock.now()
    stale = (
        version != parts.version
        or time.monotonic() >= parts.expires
        or (parts.until is not None and now >= parts.until)
    )
    if stale:
        until = _next_publication(now)  # read before taking the lock: other threads need not wait on it
        with parts.lock:
            parts.items = OrderedDict()
            parts.version = version
            parts.until = until
            parts.expires = time.monotonic() + current_app.config["PAGE_PARTS_MAX_AGE"]
    return parts


def kept(key: Any, build: Callable[[], Any]) -> Any:
    """The part under ``key``, built (once per content version and worker) by ``build()``.

    ORM objects that ``build`` returns, alone or in lists, tuples, dicts and dataclasses, are expunged
    from the session so later requests and other threads can read them safely.
    """
    parts = _current()
    items = parts.items
    with parts.lock:
        if key in items:
            items.move_to_end(key)
            return items[key]
    value = build()
    _expunge(value)
    with parts.lock:
        items[key] = value
        if len(items) > MAX_ITEMS:
            items.popitem(last=False)  # a crawler reading every article: memory stays bounded
    return value


def _expunge(value: Any) -> None:
    """Detach ORM objects and the related objects they have loaded (an article's category and
    cover): left in the session, those would expire at its next commit and fail to load later."""
    if isinstance(value, (list, tuple)):
        for item in value:
            _expunge(item)
    elif isinstance(value, dict):
        for item in value.values():
            _expunge(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            _expunge(getattr(value, item.name))
    elif isinstance(value, db.Model):
        state = inspect(value)
        if state.session is not None:
            state.session.expunge(value)
        for relationship in state.mapper.relationships:
            if relationship.key not in state.unloaded:
                _expunge(state.dict.get(relationship.key))


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = _Parts()
