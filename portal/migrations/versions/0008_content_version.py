"""The content version: one number that database triggers raise with every write of content
a public page shows, so each worker knows when to drop the page parts it keeps in memory
(portal.page_parts). The triggers are the ones the models define (portal.models.site).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from portal.models.site import CONTENT_TABLES, CONTENT_VERSION_DDL

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "content_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_version")),
    )
    for statement in CONTENT_VERSION_DDL[op.get_bind().dialect.name]:
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
