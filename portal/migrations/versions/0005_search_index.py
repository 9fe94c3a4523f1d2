"""search index: folded article words, FTS5 on SQLite, a tsvector column with a GIN index on PostgreSQL

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 06:50:00

The FTS5 table and the GIN index are written out here (not imported from the models) so this
migration keeps building what it built when it was written. Existing articles are indexed, their
words folded by a copy of ``portal.services.search.document_of`` (and ``portal.text.fold``), so a
later change to the service, or to what it imports, cannot break or alter this revision.
"""

import re
import unicodedata
from html.parser import HTMLParser

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_DDL = [
    "CREATE VIRTUAL TABLE article_search_fts USING fts5("
    "title, body, content='article_search', content_rowid='article_id', tokenize='unicode61')",
    "CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN "
    "INSERT INTO article_search_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
    "CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN "
    "INSERT INTO article_search_fts(article_search_fts, rowid, title, body) "
    "VALUES ('delete', old.article_id, old.title, old.body); END",
    "CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN "
    "INSERT INTO article_search_fts(article_search_fts, rowid, title, body) "
    "VALUES ('delete', old.article_id, old.title, old.body); "
    "INSERT INTO article_search_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
]
POSTGRESQL_DDL = [
    "ALTER TABLE article_search ADD COLUMN document tsvector "
    "GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED",
    "CREATE INDEX ix_article_search_document ON article_search USING gin (document)",
]


def upgrade():
    op.create_table('article_search',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_article_search_article_id_article'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_article_search'))
    )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_DDL, "postgresql": POSTGRESQL_DDL}.get(dialect, []):
        op.execute(statement)
    _index_existing_articles()


_WORD = re.compile(r"[^\W_]+")
_BLOCK_TAGS = {
    "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure",
    "figcaption", "table", "tr", "td", "th", "caption", "hr", "img",
}  # fmt: skip


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


def _html_to_text(html: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return " ".join("".join(extractor.parts).split())


def _fold(text: str) -> str:
    """Lower case, no diacritics, đ → d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).lower()


def _folded_words(text: str) -> list[str]:
    """The words of ``text``, folded: "Hội nghị, 2020!" → ["hoi", "nghi", "2020"]."""
    words: list[str] = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        words.extend(_WORD.findall(_fold(word)))
    return words


def _document_of(title: str, summary: str, body_html: str) -> dict[str, str]:
    return {
        "title": " ".join(_folded_words(title)),
        "body": " ".join(_folded_words(f"{summary} {_html_to_text(body_html)}")),
    }


def _index_existing_articles():
    """The rows this revision's table holds (article_id, title, body), folded as queries are."""
    bind = op.get_bind()
    article = sa.table('article', sa.column('id'), sa.column('title'), sa.column('summary'), sa.column('body'))
    index = sa.table('article_search', sa.column('article_id'), sa.column('title'), sa.column('body'))
    rows = [
        {"article_id": row.id, **_document_of(row.title, row.summary, row.body)}
        for row in bind.execute(sa.select(article))
    ]
    if rows:
        bind.execute(sa.insert(index), rows)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_search_fts")
    op.drop_table('article_search')
