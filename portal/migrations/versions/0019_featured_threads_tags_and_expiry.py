"""What the editors put forward (issue 19, points 1-4): the featured articles and the home
page's blocks of categories, chuyên đề (threads) and tags with the tags' old slugs, and the
article's end time (expires_at), which its content-version trigger now watches too.

Only a plain column is added to the article table (SQLite would rebuild it for anything more,
dropping its triggers). Statements written out as the models had them at this revision (a
snapshot, no imports).

Revision ID: 0019
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

CONTENT_TABLES = ("featured_article", "home_block", "thread", "article_thread", "tag", "article_tag", "tag_redirect")
ARTICLE_COLUMNS_BEFORE = (
    "title, slug, summary, body, cover_id, cover_caption, byline, category_id, status, published_at, updated_at"
)
ARTICLE_COLUMNS = ARTICLE_COLUMNS_BEFORE + ", expires_at"
RAISE = (
    "INSERT INTO content_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)


def _sqlite_triggers(tables) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS content_version_{table}_{suffix} AFTER {operation} ON {table} BEGIN {RAISE}; END"
        for table in tables
        for suffix, operation in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
    ]


def _article_trigger(columns: str) -> None:
    """The article's update trigger, watching ``columns`` (its views and rating are not content)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE OR REPLACE TRIGGER content_version_article_au AFTER UPDATE OF {columns} ON article"
            " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
        )
    else:
        op.execute("DROP TRIGGER IF EXISTS content_version_article_au")
        op.execute(f"CREATE TRIGGER IF NOT EXISTS content_version_article_au AFTER UPDATE OF {columns} ON article BEGIN {RAISE}; END")


def _content_version() -> None:
    if op.get_bind().dialect.name == "postgresql":
        statements = [
            f"CREATE OR REPLACE TRIGGER content_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
            for table in CONTENT_TABLES
        ]
    else:
        statements = _sqlite_triggers(CONTENT_TABLES)
    for statement in statements:
        op.execute(statement)


def upgrade():
    op.add_column("article", sa.Column("expires_at", sa.DateTime(), nullable=True))
    op.create_index("ix_article_expires_at", "article", ["expires_at"], unique=False)
    _article_trigger(ARTICLE_COLUMNS)
    op.create_table(
        "featured_article",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=True),
        sa.Column("pinned_by", sa.String(length=80), server_default="", nullable=False),
        sa.Column("pinned_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("position >= 1", name=op.f("ck_featured_article_position_positive")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_featured_article_article_id_article"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_featured_article")),
    )
    op.create_table(
        "home_block",
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("shown", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("items", sa.Integer(), server_default="4", nullable=False),
        sa.Column("pictures", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.CheckConstraint("items BETWEEN 1 AND 20", name=op.f("ck_home_block_items_bounded")),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_home_block_category_id_category"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("category_id", name=op.f("pk_home_block")),
    )
    op.create_table(
        "thread",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=140), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("cover_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("on_home", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cover_id"], ["media.id"], name=op.f("fk_thread_cover_id_media"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thread")),
        sa.UniqueConstraint("slug", name=op.f("uq_thread_slug")),
    )
    op.create_table(
        "article_thread",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_article_thread_article_id_article"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["thread_id"], ["thread.id"], name=op.f("fk_article_thread_thread_id_thread"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "thread_id", name=op.f("pk_article_thread")),
    )
    op.create_index("ix_article_thread_thread", "article_thread", ["thread_id"], unique=False)
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("slug", name=op.f("uq_tag_slug")),
    )
    op.create_table(
        "article_tag",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], name=op.f("fk_article_tag_article_id_article"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], name=op.f("fk_article_tag_tag_id_tag"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "tag_id", name=op.f("pk_article_tag")),
    )
    op.create_index("ix_article_tag_tag", "article_tag", ["tag_id"], unique=False)
    op.create_table(
        "tag_redirect",
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], name=op.f("fk_tag_redirect_tag_id_tag"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_tag_redirect")),
    )
    op.create_index(op.f("ix_tag_redirect_tag_id"), "tag_redirect", ["tag_id"], unique=False)
    _content_version()


def downgrade():
    op.drop_index(op.f("ix_tag_redirect_tag_id"), table_name="tag_redirect")
    op.drop_table("tag_redirect")
    op.drop_index("ix_article_tag_tag", table_name="article_tag")
    op.drop_table("article_tag")
    op.drop_table("tag")
    op.drop_index("ix_article_thread_thread", table_name="article_thread")
    op.drop_table("article_thread")
    op.drop_table("thread")
    op.drop_table("home_block")
    op.drop_table("featured_article")
    _article_trigger(ARTICLE_COLUMNS_BEFORE)
    op.drop_index("ix_article_expires_at", table_name="article")
    op.drop_column("article", "expires_at")
