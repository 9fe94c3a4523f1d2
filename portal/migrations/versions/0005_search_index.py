"""search index: folded article words, FTS5 on SQLite, a tsvector column with a GIN index on PostgreSQL

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 06:50:00

The FTS5 table and the GIN index are written out here (not imported from the models) so this
migration keeps building what it built when it was written. Existing articles are indexed.
"""
from alembic import op
import sqlalchemy as sa


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


def _index_existing_articles():
    """The rows this revision's table holds (article_id, title, body); the words are folded by
    the portal's own ``document_of`` so they match what queries look for."""
    from portal.services.search import document_of

    bind = op.get_bind()
    article = sa.table('article', sa.column('id'), sa.column('title'), sa.column('summary'), sa.column('body'))
    index = sa.table('article_search', sa.column('article_id'), sa.column('title'), sa.column('body'))
    rows = [
        {"article_id": row.id, **document_of(row.title, row.summary, row.body)}
        for row in bind.execute(sa.select(article))
    ]
    if rows:
        bind.execute(sa.insert(index), rows)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_search_fts")
    op.drop_table('article_search')
