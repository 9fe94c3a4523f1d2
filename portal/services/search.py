"""Search without diacritics: keep the folded index in step with articles, parse queries, rank and
highlight results.

Every article's title, summary and body text are folded (``portal.text.fold``: lower case, no
diacritics, đ → d) into plain words and written to ``article_search`` whenever the article is
saved through the ORM (mapper events below), so the admin, the demo loader and any other writer
keep the index right without remembering to. Bulk writers that bypass the ORM call
``index_articles``. Queries are folded the same way and matched word for word: every word of
the query must occur, next to each other as typed when any article has them so. Up to
``SCORED_AT_MOST`` matches are ranked by relevance (BM25 on SQLite, ts_rank_cd on PostgreSQL,
the title weighted above the body), newer first among equals.

At 100,000 articles a common word matches most of them, so a search never orders or counts
every match: with more than ``SCORED_AT_MOST`` matches, ``rank`` takes the newest
``RESULT_LIMIT`` title matches and the newest ``RESULT_LIMIT + 1`` matches of any kind, each a
walk down the rank key (which sorts like published_at, id) that stops at its LIMIT: titles
first, then newest first. Together they give exactly the first ``RESULT_LIMIT`` places of that
ranking (a page asks only for the places up to its own end), and say whether there are more;
the page then says "hơn 1.000" instead of a count nobody needs. The result page itself is kept
like every public page (``portal.web.page_cache``).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from html.parser import HTMLParser
from typing import Iterable

from flask_sqlalchemy.pagination import Pagination
from markupsafe import Markup, escape
from sqlalchemy import ColumnElement, and_, column, delete, event, func, insert, inspect, literal_column, select, table, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

from portal.extensions import db
from portal.models import Article, ArticleSearch
from portal.models.content import PUBLIC_STATES, VIETNAMESE
from portal.models.search import FTS_TABLE, FTS_TITLE_TABLE, PG_DOCUMENT_COLUMN, PG_TITLE_COLUMN
from portal.services.content import is_visible
from portal.text import fold

MIN_QUERY_LETTERS = 2
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
SNIPPET_WORDS = 36
SNIPPET_LEAD = 8
INDEXED_FIELDS = ("title", "summary", "body")
RANKED_FIELDS = ("status", "published_at", "language")
RESULT_LIMIT = 1000
SCORED_AT_MOST = 1000  # up to this many matches are ranked by relevance; more, newest first
TITLE_WEIGHT = 8.0  # a word in the title counts as much as eight in the body
PG_SORT_AT_MOST = 200
RANK_EPOCH = datetime(1900, 1, 1)
ID_BITS = 30  # article ids below 2**30; the published second takes the 33 bits above

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


def _seconds(moment: datetime) -> int:
    return (moment - RANK_EPOCH) // timedelta(seconds=1)


def rank_key(article_id: int, status: str, published_at: datetime | None, language: str = VIETNAMESE) -> int:
    """One integer that sorts visible articles like (published_at, id): the published second
    (since 1900) shifted left ``ID_BITS`` plus the id. Drafts get minus their id, below every
    visible key, so "visible at ``now``" is the key range 1 … ``visible_bound(now)``. So do the
    other states no visitor sees (awaiting approval, returned, unpublished, in the bin), and the
    English versions: the site search is the Vietnamese site's (the English section searches its
    own few pages, ``portal.services.english``)."""
    if article_id >= 1 << ID_BITS:
        raise ValueError(f"article id {article_id} does not fit the search rank key")
    if status not in PUBLIC_STATES or published_at is None or language != VIETNAMESE:
        return -article_id
    return (_seconds(published_at) << ID_BITS) | article_id


def visible_bound(now: datetime) -> int:
    """The largest rank key of an article published by ``now`` (to the second)."""
    return (_seconds(now) << ID_BITS) | ((1 << ID_BITS) - 1)


@dataclass(frozen=True)
class Visible:
    """The rank keys of the articles a visitor may find at a moment: 1 … ``bound`` (published by
    then), less the keys of those whose end time has passed (``expired``: few, found through the
    end time's index; an article leaves by itself, so its key cannot be changed when it does)."""

    bound: int
    expired: tuple[int, ...] = ()

    def condition(self, key: ColumnElement[int]) -> ColumnElement[bool]:
        inside = key.between(1, self.bound)
        return and_(inside, key.not_in(self.expired)) if self.expired else inside


def visible_keys(now: datetime) -> Visible:
    bound = visible_bound(now)
    ended = select(Article.id, Article.status, Article.published_at).where(Article.expires_at <= now)
    keys = (rank_key(*row) for row in db.session.execute(ended))
    return Visible(bound, tuple(key for key in keys if 0 < key <= bound))


def article_id_of(key: int) -> int:
    return key & ((1 << ID_BITS) - 1) if key > 0 else -key


def index_articles(connection: Connection, articles: Iterable[dict]) -> None:
    """Write the index rows of new articles in one statement (dicts with id, title, summary,
    body, status, published_at)."""
    rows = [
        {
            "article_id": a["id"],
            "rank_key": rank_key(a["id"], a["status"], a["published_at"], a.get("language", VIETNAMESE)),
            **document_of(a["title"], a["summary"], a["body"]),
        }
        for a in articles
    ]
    if rows:
        connection.execute(insert(ArticleSearch), rows)


def reindex_article(connection: Connection, article: Article) -> None:
    """Rewrite one article's index row from its current title, summary, body, status and date."""
    document = document_of(article.title or "", article.summary or "", article.body or "")
    document["rank_key"] = rank_key(article.id, article.status, article.published_at, article.language)
    table_ = ArticleSearch.__table__
    changed = connection.execute(update(table_).where(table_.c.article_id == article.id).values(**document))
    if changed.rowcount == 0:
        connection.execute(insert(table_).values(article_id=article.id, **document))


def rekey_article(connection: Connection, article: Article) -> None:
    """Only the rank key changes: the article was published, unpublished or re-dated."""
    table_ = ArticleSearch.__table__
    key = rank_key(article.id, article.status, article.published_at, article.language)
    changed = connection.execute(update(table_).where(table_.c.article_id == article.id).values(rank_key=key))
    if changed.rowcount == 0:
        reindex_article(connection, article)


def reindex_all(batch_size: int = 1000) -> int:
    """Rebuild the whole index from the articles table; returns the number of articles indexed."""
    connection = db.session.connection()
    connection.execute(delete(ArticleSearch))
    query = select(Article.id, Article.title, Article.summary, Article.body, Article.status, Article.published_at, Article.language)
    rows = [dict(row) for row in db.session.execute(query).mappings()]
    for start in range(0, len(rows), batch_size):
        index_articles(connection, rows[start : start + batch_size])
    db.session.commit()
    return len(rows)


def _changed(article: Article, fields: tuple[str, ...]) -> bool:
    state = inspect(article)
    return any(state.attrs[name].history.has_changes() for name in fields)


def _after_insert(mapper: Mapper, connection: Connection, article: Article) -> None:
    reindex_article(connection, article)


def _after_update(mapper: Mapper, connection: Connection, article: Article) -> None:
    if _changed(article, INDEXED_FIELDS):
        reindex_article(connection, article)
    elif _changed(article, RANKED_FIELDS):
        rekey_article(connection, article)


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


def _sqlite_matches(
    terms: list[str], title_only: bool, visible: "Visible", phrase: bool = False
) -> tuple[ColumnElement[int], ColumnElement[bool]]:
    """The rank key column and the condition "holds every term (``phrase``: next to each other,
    in order), a key a visitor may find": FTS5 walks its rowid (the rank key) in order, so ORDER BY
    it with a LIMIT stops early."""
    name = FTS_TITLE_TABLE if title_only else FTS_TABLE
    fts = table(name, column("rowid"))
    # terms are letters and digits only: nothing to escape
    phrases = f'"{" ".join(terms)}"' if phrase else " ".join(f'"{term}"' for term in terms)
    return fts.c.rowid, and_(literal_column(name).op("MATCH")(phrases), visible.condition(fts.c.rowid))


def _postgresql_matches(
    terms: list[str], title_only: bool, visible: "Visible", phrase: bool = False
) -> tuple[ColumnElement[int], ColumnElement[bool]]:
    """The same for PostgreSQL, the query written inline, not as a parameter: once psycopg
    prepares a statement, PostgreSQL may switch to a plan made without knowing the words."""
    document = literal_column(f"article_search.{PG_TITLE_COLUMN if title_only else PG_DOCUMENT_COLUMN}")
    key = ArticleSearch.rank_key
    return key, and_(document.op("@@")(_pg_query(terms, phrase)), visible.condition(key))


def _pg_query(terms: list[str], phrase: bool) -> ColumnElement:
    if not all(_WORD.fullmatch(term) for term in terms):
        raise ValueError(f"not a folded word list: {terms!r}")
    operator = " <-> " if phrase else " & "
    query = literal_column("'" + operator.join(terms) + "'")  # letters and digits only: nothing to escape
    return func.to_tsquery(literal_column("'simple'"), query)


def _matches(terms: list[str], title_only: bool, visible: "Visible", dialect: str, phrase: bool = False):
    matches = _postgresql_matches if dialect == "postgresql" else _sqlite_matches
    return matches(terms, title_only, visible, phrase)


def _count_at_most(key: ColumnElement[int], condition: ColumnElement[bool], at_most: int) -> int:
    """How many rows meet ``condition``, counting no further than ``at_most``."""
    found = select(key).where(condition).limit(at_most).subquery()
    return db.session.execute(select(func.count()).select_from(found)).scalar_one()


def _newest_keys(terms: list[str], title_only: bool, visible: "Visible", dialect: str, how_many: int, phrase: bool) -> list[int]:
    """The rank keys of the newest ``how_many`` matches, newest first.

    PostgreSQL picks between walking the rank key's b-tree and filtering (right for common
    words) and the GIN index then a sort (right for rare ones) on its estimate of how many
    rows match, and a word it has no statistics for can send it walking all 100,000 rows
    to find none. So it is told: up to ``PG_SORT_AT_MOST`` matches (counted through the GIN
    index) are sorted ("+ 0" keeps the b-tree out of the ORDER BY), more are walked."""
    key, condition = _matches(terms, title_only, visible, dialect, phrase)
    order = key.desc()
    if dialect == "postgresql" and _count_at_most(key, condition, PG_SORT_AT_MOST + 1) <= PG_SORT_AT_MOST:
        order = (key + 0).desc()
    return list(db.session.execute(select(key).where(condition).order_by(order).limit(how_many)).scalars())


def _most_relevant_keys(terms: list[str], visible: "Visible", dialect: str, how_many: int, phrase: bool) -> list[int]:
    """The rank keys of the ``how_many`` most relevant matches, the newer first among equals:
    BM25 on SQLite, with a word in the title worth ``TITLE_WEIGHT`` in the body; ts_rank_cd on
    PostgreSQL, the title's weight A against the body's D, divided by the log of the length as
    BM25 does. Both score every match, so ``_rank`` asks only when there are few."""
    key, condition = _matches(terms, False, visible, dialect, phrase)
    if dialect == "postgresql":
        body = 1 / TITLE_WEIGHT  # PostgreSQL's weights are at most 1: the title 1, the body less
        weights = literal_column(f"'{{{body}, {body}, {body}, 1}}'::float4[]")  # D (the body), C, B, A (the title)
        document = literal_column(f"article_search.{PG_DOCUMENT_COLUMN}")
        relevance = func.ts_rank_cd(weights, document, _pg_query(terms, phrase), 1).desc()
    else:
        relevance = func.bm25(literal_column(FTS_TABLE), TITLE_WEIGHT, 1.0)  # more negative: more relevant
    query = select(key).where(condition).order_by(relevance, key.desc()).limit(how_many)
    return list(db.session.execute(query).scalars())


@dataclass(frozen=True)
class Ranking:
    """The first places of the ranking (article ids, best first); ``total``: how many places it
    has, every match but at most ``limit``; ``more``: matches beyond the limit were left out;
    ``approximate``: no article holds the words next to each other, these hold them apart."""

    ids: list[int]
    total: int
    more: bool
    limit: int
    approximate: bool = False


def rank(terms: list[str], now: datetime, dialect: str, places: int | None = None, limit: int | None = None) -> Ranking:
    """The first ``places`` (at most ``limit``) of the full ranking: the most relevant first
    (see ``_rank``). Several words match as typed, next to each other ("hoi nghi" is the word
    "hội nghị", not "xã hội … kiến nghị"); only when no article holds them so do the articles
    holding them anywhere come, marked ``approximate``."""
    limit = RESULT_LIMIT if limit is None else limit
    places = limit if places is None else min(places, limit)
    visible = visible_keys(now)
    ranking = _rank(terms, visible, dialect, places, limit, phrase=len(terms) > 1)
    if len(terms) > 1 and places > 0 and not ranking.ids:
        ranking = _rank(terms, visible, dialect, places, limit, phrase=False, approximate=True)
    return ranking


def _rank(
    terms: list[str], visible: "Visible", dialect: str, places: int, limit: int, phrase: bool, approximate: bool = False
) -> Ranking:
    """``rank`` from the index, for the articles a visitor may find (``visible``) that hold the
    terms as a phrase (``phrase``) or anywhere: by relevance when at most ``SCORED_AT_MOST``
    do, otherwise title matches newest first, then the others newest first.

    The second is exact without ranking every match: if fewer titles match than the places
    asked for, those are all of them, and the newest ``places`` matches of any kind hold at
    least as many others as the places left, the newest ones. The total is the number of those newest matches when
    they are fewer than the places, else a count of at most ``limit + 1`` keys."""
    latest = _newest_keys(terms, False, visible, dialect, places, phrase) if places > 0 else []
    found = len(latest)
    if found == places:
        found = _count_at_most(*_matches(terms, False, visible, dialect, phrase), limit + 1)
    if 1 < found <= SCORED_AT_MOST:
        ranked = _most_relevant_keys(terms, visible, dialect, places, phrase)
    else:
        titled = _newest_keys(terms, True, visible, dialect, places, phrase) if latest else []
        in_title = set(titled)
        ranked = (titled + [key for key in latest if key not in in_title])[:places]
    ids = [article_id_of(key) for key in ranked]
    return Ranking(ids=ids, total=min(found, limit), more=found > limit, limit=limit, approximate=approximate)


class ResultPage(Pagination):
    """One page of a ranking with Flask-SQLAlchemy's pager (``pages``, ``iter_pages`` …): its
    items are the ranking's articles for the page, its total the ranking's."""

    def __init__(self, ranking: Ranking, items: list[Article], page: int, per_page: int) -> None:
        self.more, self.limit, self.approximate = ranking.more, ranking.limit, ranking.approximate
        super().__init__(max(page, 1), per_page, max_per_page=None, error_out=False, items=items, total=ranking.total)

    def _query_items(self) -> list[Article]:
        return self._query_args["items"]

    def _query_count(self) -> int:
        return self._query_args["total"]

    @property
    def beyond_limit(self) -> bool:
        """A page past the last one kept, when matches were left out: the page says so."""
        return self.more and self.page > self.pages


def result_page(terms: list[str], now: datetime, dialect: str, page: int, per_page: int) -> ResultPage:
    """One page of the ranking for ``terms``, its articles in order (one query by primary key)."""
    ranking = rank(terms, now, dialect, places=max(page, 0) * per_page)
    ids = ranking.ids[(page - 1) * per_page :] if page >= 1 else []
    found = {}
    if ids:
        query = select(Article).where(Article.id.in_(ids), is_visible(now))
        found = {article.id: article for article in db.session.execute(query).scalars()}
    return ResultPage(ranking, [found[id_] for id_ in ids if id_ in found], page, per_page)


# Highlighting ----------------------------------------------------------------------------


def _terms_pattern(terms: frozenset[str]) -> re.Pattern[str]:
    """Any of ``terms`` as a whole word (a run of letters and digits, as ``_WORD`` finds)."""
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _term_spans(text_: str, terms: list[str]) -> Iterable[tuple[int, int]]:
    """Where the words of ``text_`` whose folded form is a term start and end."""
    wanted = frozenset(terms)
    folded = fold(text_)
    if len(folded) == len(text_):  # letter for letter (NFC text): one search over the folded copy
        return (match.span() for match in _terms_pattern(wanted).finditer(folded))
    return (match.span() for match in _WORD.finditer(text_) if fold(match.group()) in wanted)


def highlight(text_: str, terms: list[str]) -> Markup:
    """``text_`` (NFC) escaped, with every word whose folded form is a term wrapped in <mark>."""
    text_ = unicodedata.normalize("NFC", text_)
    pieces: list[str] = []
    position = 0
    for start, end in _term_spans(text_, terms):
        pieces.append(escape(text_[position:start]))
        pieces.append(Markup("<mark>%s</mark>") % text_[start:end])
        position = end
    pieces.append(escape(text_[position:]))
    return Markup("").join(pieces)


def snippet(article: Article, terms: list[str]) -> Markup:
    """A few dozen words of the summary and body around the first match, highlighted."""
    words = f"{article.summary} {html_to_text(article.body)}".split()
    wanted = set(terms)
    first = next((i for i, word in enumerate(words) if not wanted.isdisjoint(folded_words(word))), 0)
    start = max(0, first - SNIPPET_LEAD)
    chosen = " ".join(words[start : start + SNIPPET_WORDS])
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    return Markup("").join([prefix, highlight(chosen, terms), suffix])
