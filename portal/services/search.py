"""Search without diacritics: keep the folded index in step with articles, parse queries, rank and
highlight results.

Every article's title, summary and body text are folded (``portal.text.fold``: lower case, no
diacritics, đ → d) into plain words and written to ``article_search`` whenever the article is
saved through the ORM (mapper events below), so the admin, the demo loader and any other writer
keep the index right without remembering to. Bulk writers that bypass the ORM call
``index_articles``. Queries are folded the same way and matched word for word: every word of
the query must occur; articles whose title holds every word come first, then newer before older.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime
from html.parser import HTMLParser
from typing import Iterable

from markupsafe import Markup, escape
from sqlalchemy import Select, case, column, delete, event, func, insert, inspect, literal_column, select, table, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper
from sqlalchemy.sql.elements import ColumnElement

from portal.extensions import db
from portal.models import Article, ArticleSearch
from portal.models.search import FTS_TABLE, PG_DOCUMENT_COLUMN
from portal.services.content import published
from portal.text import fold

MIN_QUERY_LETTERS = 2
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
SNIPPET_WORDS = 36
SNIPPET_LEAD = 8
INDEXED_FIELDS = ("title", "summary", "body")

_WORD = re.compile(r"[^\W_]+")
_BLOCK_TAGS = {
    "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure",
    "figcaption", "table", "tr", "td", "th", "caption", "hr", "img",
}  # fmt: skip


class InvalidQuery(ValueError):
    """The query cannot be searched; the message says why, in Vietnamese, for the visitor."""


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, with a space where a block ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of sanitised article HTML, whitespace collapsed."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return " ".join("".join(extractor.parts).split())


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(word)))


def folded_words(text: str) -> list[str]:
    """The words of ``text``, folded: "Hội nghị, 2020!" → ["hoi", "nghi", "2020"].

    Folded word by word through a cache: news text reuses a few thousand syllables, so this is
    several times faster than folding whole bodies when thousands of articles are indexed."""
    words: list[str] = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        words.extend(_fold_word(word))
    return words


def document_of(title: str, summary: str, body_html: str) -> dict[str, str]:
    """The row ``article_search`` keeps for an article (without its id)."""
    return {
        "title": " ".join(folded_words(title)),
        "body": " ".join(folded_words(f"{summary} {html_to_text(body_html)}")),
    }


# Keeping the index in step ---------------------------------------------------------------


def index_articles(connection: Connection, articles: Iterable[dict]) -> None:
    """Write the index rows of new articles in one statement (dicts with id, title, summary, body)."""
    rows = [{"article_id": a["id"], **document_of(a["title"], a["summary"], a["body"])} for a in articles]
    if rows:
        connection.execute(insert(ArticleSearch), rows)


def reindex_article(connection: Connection, article: Article) -> None:
    """Rewrite one article's index row from its current title, summary and body."""
    document = document_of(article.title or "", article.summary or "", article.body or "")
    table_ = ArticleSearch.__table__
    changed = connection.execute(update(table_).where(table_.c.article_id == article.id).values(**document))
    if changed.rowcount == 0:
        connection.execute(insert(table_).values(article_id=article.id, **document))


def reindex_all(batch_size: int = 1000) -> int:
    """Rebuild the whole index from the articles table; returns the number of articles indexed."""
    connection = db.session.connection()
    connection.execute(delete(ArticleSearch))
    query = select(Article.id, Article.title, Article.summary, Article.body)
    rows = [dict(row) for row in db.session.execute(query).mappings()]
    for start in range(0, len(rows), batch_size):
        index_articles(connection, rows[start : start + batch_size])
    db.session.commit()
    return len(rows)


def _text_changed(article: Article) -> bool:
    state = inspect(article)
    return any(state.attrs[name].history.has_changes() for name in INDEXED_FIELDS)


def _after_insert(mapper: Mapper, connection: Connection, article: Article) -> None:
    reindex_article(connection, article)


def _after_update(mapper: Mapper, connection: Connection, article: Article) -> None:
    if _text_changed(article):
        reindex_article(connection, article)


def _before_delete(mapper: Mapper, connection: Connection, article: Article) -> None:
    table_ = ArticleSearch.__table__
    connection.execute(delete(table_).where(table_.c.article_id == article.id))


def listen() -> None:
    """Hook the index to the Article mapper (idempotent; done when this module is imported)."""
    for name, handler in (("after_insert", _after_insert), ("after_update", _after_update), ("before_delete", _before_delete)):
        if not event.contains(Article, name, handler):
            event.listen(Article, name, handler)


listen()


# Queries ---------------------------------------------------------------------------------


def parse_query(raw: str) -> list[str]:
    """The distinct folded words to look for, or ``InvalidQuery`` saying what is wrong."""
    query = " ".join(raw.split())
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidQuery(
            f"Từ khoá quá dài ({len(query)} ký tự). Hãy nhập tối đa {MAX_QUERY_LENGTH} ký tự."
        )
    terms = list(dict.fromkeys(folded_words(query)))
    if not terms:
        raise InvalidQuery("Từ khoá cần có ít nhất một chữ cái hoặc chữ số. Hãy nhập từ cần tìm, ví dụ: hội nghị.")
    if sum(len(term) for term in terms) < MIN_QUERY_LETTERS:
        raise InvalidQuery(f"Từ khoá quá ngắn. Hãy nhập ít nhất {MIN_QUERY_LETTERS} chữ cái.")
    return terms[:MAX_TERMS]


@dataclass(frozen=True)
class _Matcher:
    """The dialect's "matches every term" condition and "title holds every term" rank."""

    condition: ColumnElement[bool]
    title_rank: ColumnElement[int]
    joins_index: bool


def _sqlite_matcher(terms: list[str]) -> _Matcher:
    fts = table(FTS_TABLE, column("rowid"))
    phrases = " ".join(f'"{term}"' for term in terms)  # terms are letters and digits only

    def hits(expression: str) -> Select:
        return select(fts.c.rowid).where(literal_column(FTS_TABLE).op("MATCH")(expression))

    return _Matcher(
        condition=Article.id.in_(hits(phrases)),
        title_rank=case((Article.id.in_(hits(f"title : ({phrases})")), 0), else_=1),
        joins_index=False,
    )


def _postgresql_matcher(terms: list[str]) -> _Matcher:
    document = literal_column(f"article_search.{PG_DOCUMENT_COLUMN}")

    def matches(query: str) -> ColumnElement[bool]:
        return document.op("@@")(func.to_tsquery(literal_column("'simple'"), query))

    return _Matcher(
        condition=matches(" & ".join(terms)),  # terms are letters and digits only
        title_rank=case((matches(" & ".join(f"{term}:A" for term in terms)), 0), else_=1),
        joins_index=True,
    )


def search_query(terms: list[str], now: datetime, dialect: str) -> Select[tuple[Article]]:
    """Visible articles holding every term: title matches first, then newest first."""
    matcher = _postgresql_matcher(terms) if dialect == "postgresql" else _sqlite_matcher(terms)
    query = published(now)
    if matcher.joins_index:
        query = query.join(ArticleSearch, ArticleSearch.article_id == Article.id)
    return query.where(matcher.condition).order_by(None).order_by(
        matcher.title_rank, Article.published_at.desc(), Article.id.desc()
    )


# Highlighting ----------------------------------------------------------------------------


def highlight(text_: str, terms: list[str]) -> Markup:
    """``text_`` escaped, with every word whose folded form is a term wrapped in <mark>."""
    wanted = set(terms)
    pieces: list[str] = []
    position = 0
    for match in _WORD.finditer(text_):
        if fold(match.group()) in wanted:
            pieces.append(escape(text_[position : match.start()]))
            pieces.append(Markup("<mark>%s</mark>") % match.group())
            position = match.end()
    pieces.append(escape(text_[position:]))
    return Markup("").join(pieces)


def snippet(article: Article, terms: list[str]) -> Markup:
    """A few dozen words of the summary and body around the first match, highlighted."""
    words = f"{article.summary} {html_to_text(article.body)}".split()
    wanted = set(terms)
    first = next((i for i, word in enumerate(words) if wanted.intersection(folded_words(word))), 0)
    start = max(0, first - SNIPPET_LEAD)
    chosen = " ".join(words[start : start + SNIPPET_WORDS])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    return Markup("").join([prefix, highlight(chosen, terms), suffix])
