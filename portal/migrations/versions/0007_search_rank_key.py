"""Search at scale: each index row carries a rank key that sorts like (published_at, id),
and titles get a full-text index of their own.

With 100,000 articles a common word matches most of them, and ordering every match by date
took hundreds of milliseconds. The key is one integer, the published second shifted left
30 bits plus the article id (drafts: minus the id), so on SQLite it becomes the FTS5 rowid
and "the newest N visible matches" is a walk down the rowid that stops after N rows; on
PostgreSQL it gets a b-tree index the planner can walk newest first. A title-only index
(``article_title_fts``; ``title_document`` with a GIN index) finds the few articles with
every word in the title without checking the many that have them in the body. Triggers move
``search_generation`` on every write of ``article_search``, so a remembered ranking is
never used once the index has changed.

The key and the DDL are written out here (not imported) so this revision keeps building what
it built.

Revision ID: 0007
Revises: 0006
"""

from datetime import datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

EPOCH = datetime(1900, 1, 1)
ID_BITS = 30

SQLITE_TRIGGERS = [
    "article_search_ai", "article_search_ad", "article_search_au",
    "search_generation_ai", "search_generation_ad", "search_generation_au",
]  # fmt: skip
SQLITE_FTS_TABLES = ["article_search_fts", "article_title_fts"]
SQLITE_DDL = [
    "CREATE VIRTUAL TABLE article_search_fts USING fts5("
    "title, body, content='article_search', content_rowid='rank_key', tokenize='unicode61')",
    "CREATE VIRTUAL TABLE article_title_fts USING fts5("
    "title, content='article_search', content_rowid='rank_key', tokenize='unicode61')",
    "CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN "
    "INSERT INTO article_search_fts(rowid, title, body) VALUES (new.rank_key, new.title, new.body); "
    "INSERT INTO article_title_fts(rowid, title) VALUES (new.rank_key, new.title); END",
    "CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN "
    "INSERT INTO article_search_fts(article_search_fts, rowid, title, body) VALUES ('delete', old.rank_key, old.title, old.body); "
    "INSERT INTO article_title_fts(article_title_fts, rowid, title) VALUES ('delete', old.rank_key, old.title); END",
    "CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN "
    "INSERT INTO article_search_fts(article_search_fts, rowid, title, body) VALUES ('delete', old.rank_key, old.title, old.body); "
    "INSERT INTO article_title_fts(article_title_fts, rowid, title) VALUES ('delete', old.rank_key, old.title); "
    "INSERT INTO article_search_fts(rowid, title, body) VALUES (new.rank_key, new.title, new.body); "
    "INSERT INTO article_title_fts(rowid, title) VALUES (new.rank_key, new.title); END",
    "INSERT INTO article_search_fts(article_search_fts) VALUES ('rebuild')",
    "INSERT INTO article_title_fts(article_title_fts) VALUES ('rebuild')",
    *[
        f"CREATE TRIGGER search_generation_{suffix} AFTER {operation} ON article_search BEGIN "
        "INSERT INTO search_generation (id, n) VALUES (1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)) "
        "ON CONFLICT (id) DO UPDATE SET n = max(n + 1, excluded.n); END"
        for suffix, operation in (("ai", "INSERT"), ("ad", "DELETE"), ("au", "UPDATE"))
    ],
]
POSTGRESQL_DDL = [
    "ALTER TABLE article_search ADD COLUMN title_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED",
    "CREATE INDEX ix_article_search_title_document ON article_search USING gin (title_document)",
    "CREATE OR REPLACE FUNCTION bump_search_generation() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO search_generation (id, n) VALUES (1, CAST(extract(epoch FROM clock_timestamp()) * 1000000 AS bigint)) "
    "ON CONFLICT (id) DO UPDATE SET n = greatest(search_generation.n + 1, excluded.n); RETURN NULL; END $$",
    "CREATE TRIGGER search_generation_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_search "
    "FOR EACH STATEMENT EXECUTE FUNCTION bump_search_generation()",
]
# What revision 0005 built, for the way down.
SQLITE_0005_DDL = [
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
    "INSERT INTO article_search_fts(article_search_fts) VALUES ('rebuild')",
]


def _drop_sqlite_fts():
    for trigger in SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for name in SQLITE_FTS_TABLES:
        op.execute(f"DROP TABLE IF EXISTS {name}")


def _rank_key(article_id: int, status: str, published_at) -> int:
    if status == "draft" or published_at is None:
        return -article_id
    if isinstance(published_at, str):  # SQLite through a plain table(): the stored text
        published_at = datetime.fromisoformat(published_at)
    return ((published_at - EPOCH) // timedelta(seconds=1) << ID_BITS) | article_id


def _fill_rank_keys():
    bind = op.get_bind()
    article = sa.table("article", sa.column("id"), sa.column("status"), sa.column("published_at"))
    index = sa.table("article_search", sa.column("article_id"), sa.column("rank_key"))
    rows = [
        {"id_": row.id, "key": _rank_key(row.id, row.status, row.published_at)}
        for row in bind.execute(sa.select(article))
    ]
    if rows:
        statement = index.update().where(index.c.article_id == sa.bindparam("id_")).values(rank_key=sa.bindparam("key"))
        bind.execute(statement, rows)


def upgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _drop_sqlite_fts()
    op.create_table(
        "search_generation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_generation")),
    )
    with op.batch_alter_table("article_search", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rank_key", sa.BigInteger(), nullable=True))
    _fill_rank_keys()
    with op.batch_alter_table("article_search", schema=None) as batch_op:
        batch_op.alter_column("rank_key", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_article_search_rank_key"), ["rank_key"])
    for statement in {"sqlite": SQLITE_DDL, "postgresql": POSTGRESQL_DDL}.get(dialect, []):
        op.execute(statement)


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _drop_sqlite_fts()
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_generation_bump ON article_search")
        op.execute("DROP FUNCTION IF EXISTS bump_search_generation()")
        op.execute("DROP INDEX IF EXISTS ix_article_search_title_document")
        op.execute("ALTER TABLE article_search DROP COLUMN IF EXISTS title_document")
    with op.batch_alter_table("article_search", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_article_search_rank_key"), type_="unique")
        batch_op.drop_column("rank_key")
    op.drop_table("search_generation")
    if dialect == "sqlite":
        for statement in SQLITE_0005_DDL:
            op.execute(statement)
