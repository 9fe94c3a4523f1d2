"""The search index moves the content version; the search generation goes.

A search result page is now kept like every public page (portal.web.page_cache), under the
content version, and no ranking is remembered apart; so the writes of ``article_search`` raise
the content version (raw SQL writers of the index included), and ``search_generation``, which
only told remembered rankings from stale ones, is dropped with its triggers.

Statements written out as the models had them at this revision (a snapshot, no imports).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

RAISE = (
    "INSERT INTO content_version (id, version) VALUES (1, 1)"
    " ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)
GENERATION_TRIGGERS = {"INSERT": "search_generation_ai", "DELETE": "search_generation_ad", "UPDATE": "search_generation_au"}
SQLITE_BUMP = (
    "INSERT INTO search_generation (id, n) VALUES (1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)) "
    "ON CONFLICT (id) DO UPDATE SET n = max(n + 1, excluded.n)"
)
POSTGRESQL_BUMP = [
    "CREATE OR REPLACE FUNCTION bump_search_generation() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO search_generation (id, n) VALUES (1, CAST(extract(epoch FROM clock_timestamp()) * 1000000 AS bigint)) "
    "ON CONFLICT (id) DO UPDATE SET n = greatest(search_generation.n + 1, excluded.n); RETURN NULL; END $$",
    "CREATE TRIGGER search_generation_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_search "
    "FOR EACH STATEMENT EXECUTE FUNCTION bump_search_generation()",
]


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_generation_bump ON article_search")
        op.execute("DROP FUNCTION IF EXISTS bump_search_generation()")
        op.execute(
            "CREATE OR REPLACE TRIGGER content_version_article_search AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            " ON article_search FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
        )
    else:
        for name in GENERATION_TRIGGERS.values():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for suffix, operation in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE")):
            op.execute(
                f"CREATE TRIGGER IF NOT EXISTS content_version_article_search_{suffix} AFTER {operation} ON article_search"
                f" BEGIN {RAISE}; END"
            )
    op.drop_table("search_generation")


def downgrade():
    op.create_table(
        "search_generation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_generation")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS content_version_article_search ON article_search")
        for statement in POSTGRESQL_BUMP:
            op.execute(statement)
    else:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS content_version_article_search_{suffix}")
        for operation, name in GENERATION_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} AFTER {operation} ON article_search BEGIN {SQLITE_BUMP}; END")
