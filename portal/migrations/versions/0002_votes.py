"""votes: one row per visitor and article, 1 to 5 stars

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 06:29:39.509914

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("visitor", sa.String(length=64), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("stars BETWEEN 1 AND 5", name=op.f("ck_vote_stars_1_to_5")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_vote_article_id_article"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote")),
        sa.UniqueConstraint("article_id", "visitor", name=op.f("uq_vote_article_id")),
    )


def downgrade():
    op.drop_table("vote")
