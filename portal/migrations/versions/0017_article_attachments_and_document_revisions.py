"""Files attached to articles (article_attachment, kept when taken off), the attachments and cited
documents of each article revision, and the revisions of the library's documents with the files
in use at each (issue 17, points 5 and 7). The attachments are shown on public pages: their table
raises the content version, as the models' triggers do.

Statements written out as the models had them at this revision (a snapshot, no imports).

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

RAISE = (
    "INSERT INTO content_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)


def _content_version() -> None:
    if op.get_bind().dialect.name == "postgresql":
        statements = [
            "CREATE OR REPLACE TRIGGER content_version_article_attachment AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            " ON article_attachment FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
        ]
    else:
        statements = [
            f"CREATE TRIGGER IF NOT EXISTS content_version_article_attachment_{suffix} AFTER {operation} ON article_attachment"
            f" BEGIN {RAISE}; END"
            for suffix, operation in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
        ]
    for statement in statements:
        op.execute(statement)


def upgrade():
    op.create_table(
        "article_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("original_name", sa.String(length=200), nullable=False),
        sa.Column("extension", sa.String(length=8), nullable=False),
        sa.Column("mime_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("preview_pages", sa.Integer(), server_default="0", nullable=False),
        sa.Column("has_text", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_article_attachment_article_id_article"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_attachment")),
        sa.UniqueConstraint("filename", name=op.f("uq_article_attachment_filename")),
    )
    with op.batch_alter_table("article_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_attachment_article_id"), ["article_id"], unique=False)

    with op.batch_alter_table("article_revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attachment_ids", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("document_ids", sa.Text(), server_default="", nullable=False))

    op.create_table(
        "document_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("file_ids", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_document_revision_document_id_document"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_document_revision_user_id_user_account"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_revision")),
        sa.UniqueConstraint("document_id", "number", name="uq_document_revision_number"),
    )
    _content_version()


def downgrade():
    op.drop_table("document_revision")
    with op.batch_alter_table("article_revision", schema=None) as batch_op:
        batch_op.drop_column("document_ids")
        batch_op.drop_column("attachment_ids")
    with op.batch_alter_table("article_attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_attachment_article_id"))
    op.drop_table("article_attachment")
