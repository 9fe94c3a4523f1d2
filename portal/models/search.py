"""The search index: a folded copy of each article's words, and the database's own index over it.

``article_search`` holds, for every article, its title and its summary plus body text (HTML
stripped) folded to lower case without diacritics, as plain words separated by spaces, and its
``rank_key``: one integer that sorts like (published_at, id), negative for drafts (see
``portal.services.search.rank_key``). Both databases then see the same words:

- SQLite: FTS5 tables ``article_search_fts`` (title and body) and ``article_title_fts`` (title
  alone, so a title search never wades through the many articles holding the words in their
  body) whose content is ``article_search`` and whose rowid is the rank key, kept in step by
  triggers, so writing a row of ``article_search`` is all it takes. FTS5 walks a match's rows
  in rowid order, so "the newest N visible matches" is ``ORDER BY rowid DESC LIMIT N`` with a
  rowid range, and stops after N rows however many articles match;
- PostgreSQL: stored generated tsvector columns ``document`` (title and body) and
  ``title_document``, each with a GIN index; stored, so neither the index's recheck nor a scan
  parses the text again. The rank key has a b-tree index, so the planner can walk it newest
  first for common words or use a GIN index for rare ones.

Writes of ``article_search`` raise the content version (``portal.models.site``), like those of
the articles themselves: a kept search page follows even a raw SQL edit of the index.

None of these is in the metadata (SQLAlchemy has no type for them): ``create_all`` builds them
through the DDL events below, migrations 0005 and 0007 build them on an existing database, and
``include_object`` tells Alembic's comparison to leave them alone.
"""

from sqlalchemy import DDL, BigInteger, ForeignKey, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db

FTS_TABLE = "article_search_fts"
FTS_TITLE_TABLE = "article_title_fts"
PG_INDEX = "ix_article_search_document"
PG_TITLE_INDEX = "ix_article_search_title_document"


def _sqlite_ddl() -> list[str]:
    """Both FTS5 tables over ``article_search``, rowid = rank key, and the triggers that keep
    them in step."""
    tables = {FTS_TABLE: ("title", "body"), FTS_TITLE_TABLE: ("title",)}

    def add(name: str, row: str) -> str:
        columns = tables[name]
        values = ", ".join(f"{row}.{column}" for column in columns)
        return f"INSERT INTO {name}(rowid, {', '.join(columns)}) VALUES ({row}.rank_key, {values});"

    def remove(name: str) -> str:
        columns = tables[name]
        values = ", ".join(f"old.{column}" for column in columns)
        return f"INSERT INTO {name}({name}, rowid, {', '.join(columns)}) VALUES ('delete', old.rank_key, {values});"

    creates = [
        f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(columns)}, "
        "content='article_search', content_rowid='rank_key', tokenize='unicode61')"
        for name, columns in tables.items()
    ]
    inserted = " ".join(add(name, "new") for name in tables)
    deleted = " ".join(remove(name) for name in tables)
    return [
        *creates,
        f"CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN {inserted} END",
        f"CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN {deleted} END",
        f"CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN {deleted} {inserted} END",
    ]


SQLITE_DDL = _sqlite_ddl()
SQLITE_DROP = [f"DROP TABLE IF EXISTS {FTS_TABLE}", f"DROP TABLE IF EXISTS {FTS_TITLE_TABLE}"]  # triggers go with article_search


PG_DOCUMENT_COLUMN = "document"
PG_TITLE_COLUMN = "title_document"
POSTGRESQL_DDL = [
    f"ALTER TABLE article_search ADD COLUMN {PG_DOCUMENT_COLUMN} tsvector "
    "GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED",
    f"CREATE INDEX {PG_INDEX} ON article_search USING gin ({PG_DOCUMENT_COLUMN})",
    f"ALTER TABLE article_search ADD COLUMN {PG_TITLE_COLUMN} tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED",
    f"CREATE INDEX {PG_TITLE_INDEX} ON article_search USING gin ({PG_TITLE_COLUMN})",
]


class ArticleSearch(db.Model):
    """One article's words, folded; written by ``portal.services.search`` on every save."""

    __tablename__ = "article_search"

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    rank_key: Mapped[int] = mapped_column(BigInteger, unique=True)


for _statement in SQLITE_DDL:
    event.listen(ArticleSearch.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRESQL_DDL:
    event.listen(ArticleSearch.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql"))
for _statement in SQLITE_DROP:
    event.listen(ArticleSearch.__table__, "before_drop", DDL(_statement).execute_if(dialect="sqlite"))


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic hook: the FTS5 tables and their shadow tables, the tsvector columns and their GIN
    indexes (the articles' and the documents', ``portal.models.documents``) are ours, not strays."""
    from portal.models.documents import DOCUMENT_FTS_TABLE, PG_DOCUMENT_INDEX, PG_WORDS_COLUMN

    if type_ == "table" and reflected and compare_to is None and name and name.startswith((FTS_TABLE, FTS_TITLE_TABLE, DOCUMENT_FTS_TABLE)):
        return False
    if type_ == "index" and name in (PG_INDEX, PG_TITLE_INDEX, PG_DOCUMENT_INDEX):
        return False
    if type_ == "column" and reflected and compare_to is None and name in (PG_DOCUMENT_COLUMN, PG_TITLE_COLUMN, PG_WORDS_COLUMN):
        return False
    return True
