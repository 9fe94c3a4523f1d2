"""The article's path, revisions and autosave (issue 16): the article gets a version (the
optimistic check of a save) and the time it went to the bin; its revisions, its changes of
state (the first names its author) and the autosaved text of its forms get tables; accounts
get an email address for the newsroom's mail. New states (pending, returned, unpublished,
trashed) fit the existing status column.

Only plain columns are added to the article table: SQLite would have to rebuild it for a
foreign key, dropping its triggers and, with foreign keys enforced, cascading the drop into
the tables that point at it. SQLite 3.35 and later drop these columns in place going down.

Statements written out as the models had them at this revision (a snapshot, no imports).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

def _article_columns() -> None:
    op.add_column("article", sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    op.add_column("article", sa.Column("trashed_at", sa.DateTime(), nullable=True))


def upgrade():
    _article_columns()
    op.add_column("user_account", sa.Column("email", sa.String(length=200), server_default="", nullable=False))
    op.create_table(
        "article_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("cover_id", sa.Integer(), nullable=True),
        sa.Column("cover_caption", sa.String(length=500), nullable=False),
        sa.Column("byline", sa.String(length=200), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], name=op.f("fk_article_revision_article_id_article"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["category_id"], ["category.id"], name=op.f("fk_article_revision_category_id_category"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["cover_id"], ["media.id"], name=op.f("fk_article_revision_cover_id_media"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name=op.f("fk_article_revision_user_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_revision")),
        sa.UniqueConstraint("article_id", "number", name="uq_article_revision_number"),
    )
    op.create_table(
        "article_state_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], name=op.f("fk_article_state_change_article_id_article"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name=op.f("fk_article_state_change_user_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_state_change")),
    )
    op.create_index("ix_article_state_change_article", "article_state_change", ["article_id", "created_at"], unique=False)
    op.create_index("ix_article_state_change_created_at", "article_state_change", ["created_at"], unique=False)
    op.create_index("ix_article_state_change_author", "article_state_change", ["user_id", "from_status"], unique=False)
    op.create_table(
        "article_autosave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], name=op.f("fk_article_autosave_article_id_article"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], name=op.f("fk_article_autosave_user_id_user_account"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_autosave")),
    )
    op.create_index("ix_article_autosave_owner", "article_autosave", ["user_id", "article_id"], unique=False)


def downgrade():
    op.drop_index("ix_article_autosave_owner", table_name="article_autosave")
    op.drop_table("article_autosave")
    op.drop_index("ix_article_state_change_author", table_name="article_state_change")
    op.drop_index("ix_article_state_change_created_at", table_name="article_state_change")
    op.drop_index("ix_article_state_change_article", table_name="article_state_change")
    op.drop_table("article_state_change")
    op.drop_table("article_revision")
    op.drop_column("user_account", "email")
    op.drop_column("article", "trashed_at")
    op.drop_column("article", "version")
