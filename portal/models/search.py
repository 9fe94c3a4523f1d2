"""The search index: a folded copy of each article's words, and the database's own index over it.

``article_search`` holds, for every article, its title and its summary plus body text (HTML
stripped) folded to lower case without diacritics, as plain words separated by spaces. Both
databases then see the same words:

- SQLite: an FTS5 table ``article_search_fts`` whose content is ``article_search``, kept in step by
  triggers, so writing a row of ``article_search`` is all it takes;
- PostgreSQL: a stored generated tsvector column ``document`` (title words weighted A, so a
  title match is the query with ``:A`` on each word) with a GIN index; stored, so neither the
  index's recheck nor a scan parses the text again.

None of these is in the metadata (SQLAlchemy has no type for them): ``create_all`` builds them
through the DDL events below, migration 0005 builds them on an existing database, and
``include_object`` tells Alembic's comparison to leave them alone.
"""

from sqlalchemy import DDL, ForeignKey, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db

FTS_TABLE = "article_search_fts"
PG_INDEX = "ix_article_search_document"

SQLITE_DDL = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "title, body, content='article_search', content_rowid='article_id', tokenize='unicode61')",
    f"CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
    f"CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body); END",
    f"CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.article_id, new.title, new.body); END",
]
SQLITE_DROP = [f"DROP TABLE IF EXISTS {FTS_TABLE}"]  # its triggers go with article_search


PG_DOCUMENT_COLUMN = "document"
POSTGRESQL_DDL = [
    f"ALTER TABLE article_search ADD COLUMN {PG_DOCUMENT_COLUMN} tsvector "
    "GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED",
    f"CREATE INDEX {PG_INDEX} ON article_search USING gin ({PG_DOCUMENT_COLUMN})",
]


class ArticleSearch(db.Model):
    """One article's words, folded; written by ``portal.services.search`` on every save."""

    __tablename__ = "article_search"

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")


for _statement in SQLITE_DDL:
    event.listen(ArticleSearch.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRESQL_DDL:
    event.listen(ArticleSearch.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql"))
for _statement in SQLITE_DROP:
    event.listen(ArticleSearch.__table__, "before_drop", DDL(_statement).execute_if(dialect="sqlite"))


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic hook: the FTS5 table and its shadow tables, the tsvector column and its GIN index
    are ours, not strays."""
    if type_ == "table" and reflected and compare_to is None and name and name.startswith(FTS_TABLE):
        return False
    if type_ == "index" and name == PG_INDEX:
        return False
    if type_ == "column" and reflected and compare_to is None and name == PG_DOCUMENT_COLUMN:
        return False
    return True
