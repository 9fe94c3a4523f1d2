"""The content version: one number that database triggers raise with every write of content
a public page shows, so each worker knows when to drop the page parts it keeps in memory
(portal.layout.page_parts).

The tables and the triggers are written out here, as the models defined them when this revision
was written (portal.models.site), not imported: a table added to the models' list later does
not exist yet at this revision, and gets its triggers from a revision of its own.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CONTENT_TABLES = ("article", "category", "media", "sidebar_block", "song", "web_link", "site_settings")
# An article's views and rating are live figures, not content: its update trigger watches the rest.
ARTICLE_CONTENT_COLUMNS = (
    "title, slug, summary, body, cover_id, cover_caption, byline, category_id, status, published_at, updated_at"
)
RAISE = (  # the row is made by the first write (and again after a TRUNCATE)
    "INSERT INTO content_version (id, version) VALUES (1, 1)"
    " ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)


def _sqlite_triggers() -> list[str]:
    """Row triggers: three per table."""
    statements = []
    for table in CONTENT_TABLES:
        changed = f"UPDATE OF {ARTICLE_CONTENT_COLUMNS}" if table == "article" else "UPDATE"
        for suffix, operation in (("ai", "INSERT"), ("au", changed), ("ad", "DELETE")):
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS content_version_{table}_{suffix} AFTER {operation} ON {table}"
                f" BEGIN {RAISE}; END"
            )
    return statements


def _postgresql_triggers() -> list[str]:
    """Statement triggers calling one function: one per table, and the article's update apart."""
    statements = [
        "CREATE OR REPLACE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {RAISE}; RETURN NULL; END $$"
    ]
    for table in CONTENT_TABLES:
        if table == "article":
            statements.append(
                f"CREATE OR REPLACE TRIGGER content_version_article_au AFTER UPDATE OF {ARTICLE_CONTENT_COLUMNS} ON article"
                " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
            )
            operations = "INSERT OR DELETE OR TRUNCATE"
        else:
            operations = "INSERT OR UPDATE OR DELETE OR TRUNCATE"
        statements.append(
            f"CREATE OR REPLACE TRIGGER content_version_{table} AFTER {operations} ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
        )
    return statements


def upgrade():
    op.create_table(
        "content_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_version")),
    )
    triggers = {"sqlite": _sqlite_triggers, "postgresql": _postgresql_triggers}[op.get_bind().dialect.name]
    for statement in triggers():
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in CONTENT_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS content_version_{table} ON {table}")
        op.execute("DROP TRIGGER IF EXISTS content_version_article_au ON article")
        op.execute("DROP FUNCTION IF EXISTS raise_content_version()")
    else:
        for table in CONTENT_TABLES:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS content_version_{table}_{suffix}")
    op.drop_table("content_version")
