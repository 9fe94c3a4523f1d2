"""Indexes for reading at scale: newest first, newest of a category, most read.

With 100,000 articles the home page, the related list and the "Đọc nhiều" block sorted
the whole table on each request; these indexes let each query walk in order and stop
at its LIMIT.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index("ix_article_category_published", ["category_id", "published_at"], unique=False)
        batch_op.create_index("ix_article_most_read", ["view_count", "published_at"], unique=False)
        batch_op.create_index("ix_article_published_at", ["published_at"], unique=False)


def downgrade():
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_published_at")
        batch_op.drop_index("ix_article_most_read")
        batch_op.drop_index("ix_article_category_published")
