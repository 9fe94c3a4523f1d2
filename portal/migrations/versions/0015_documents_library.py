"""The văn bản library (issue 17): documents with their official fields, the lists of loại, cơ
quan and lĩnh vực (one table of terms), files with their extracted text and preview pages,
links to related documents and to articles, and the documents' search index (FTS5 on SQLite, a
generated tsvector with a GIN index on PostgreSQL). Every new table raises the content version,
as the models' triggers do.

Statements written out as the models had them at this revision (a snapshot, no imports).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

FTS_TABLE = "document_search_fts"
CONTENT_TABLES = ("document", "document_term", "document_file", "document_relation", "document_article", "document_search")
RAISE = (
    "INSERT INTO content_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)
SQLITE_SEARCH = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, "
    "content='document_search', content_rowid='document_id', tokenize='unicode61')",
    "CREATE TRIGGER document_search_ai AFTER INSERT ON document_search BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.document_id, new.title, new.body); END",
    "CREATE TRIGGER document_search_ad AFTER DELETE ON document_search BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) "
    "VALUES ('delete', old.document_id, old.title, old.body); END",
    "CREATE TRIGGER document_search_au AFTER UPDATE ON document_search BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) "
    "VALUES ('delete', old.document_id, old.title, old.body); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.document_id, new.title, new.body); END",
]
POSTGRESQL_SEARCH = [
    "ALTER TABLE document_search ADD COLUMN words tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED",
    "CREATE INDEX ix_document_search_words ON document_search USING gin (words)",
]


def _search_index_and_content_version() -> None:
    if op.get_bind().dialect.name == "postgresql":
        statements = POSTGRESQL_SEARCH + [
            f"CREATE OR REPLACE TRIGGER content_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
            for table in CONTENT_TABLES
        ]
    else:
        statements = SQLITE_SEARCH + [
            f"CREATE TRIGGER IF NOT EXISTS content_version_{table}_{suffix} AFTER {operation} ON {table} BEGIN {RAISE}; END"
            for table in CONTENT_TABLES
            for suffix, operation in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
        ]
    for statement in statements:
        op.execute(statement)


def upgrade():
    op.create_table(
        "document_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("kind IN ('type', 'issuer', 'field')", name=op.f("ck_document_term_kind_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_term")),
        sa.UniqueConstraint("kind", "slug", name="uq_document_term_kind_slug"),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=True),
        sa.Column("issuer_id", sa.Integer(), nullable=True),
        sa.Column("field_id", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(length=120), server_default="", nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("signer", sa.String(length=120), server_default="", nullable=False),
        sa.Column("signer_title", sa.String(length=200), server_default="", nullable=False),
        sa.Column("validity", sa.String(length=10), server_default="in_force", nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('published', 'draft', 'hidden')", name=op.f("ck_document_status_known")),
        sa.CheckConstraint("validity IN ('in_force', 'expired', 'replaced')", name=op.f("ck_document_validity_known")),
        sa.ForeignKeyConstraint(["field_id"], ["document_term.id"], name=op.f("fk_document_field_id_document_term")),
        sa.ForeignKeyConstraint(["issuer_id"], ["document_term.id"], name=op.f("fk_document_issuer_id_document_term")),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"], ["document.id"], name=op.f("fk_document_replaced_by_id_document"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["type_id"], ["document_term.id"], name=op.f("fk_document_type_id_document_term")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_field_id"), ["field_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_issuer_id"), ["issuer_id"], unique=False)
        batch_op.create_index("ix_document_listing", ["status", "issued_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_type_id"), ["type_id"], unique=False)

    op.create_table(
        "document_article",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_document_article_article_id_article"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_document_article_document_id_document"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "article_id", name=op.f("pk_document_article")),
    )
    op.create_index("ix_document_article_article", "document_article", ["article_id"], unique=False)
    op.create_table(
        "document_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
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
        sa.Column("replaced_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_document_file_document_id_document"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_file")),
        sa.UniqueConstraint("filename", name=op.f("uq_document_file_filename")),
    )
    with op.batch_alter_table("document_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_file_document_id"), ["document_id"], unique=False)

    op.create_table(
        "document_relation",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("related_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_document_relation_document_id_document"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["related_id"], ["document.id"], name=op.f("fk_document_relation_related_id_document"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "related_id", name=op.f("pk_document_relation")),
    )
    op.create_table(
        "document_search",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_document_search_document_id_document"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_search")),
    )
    _search_index_and_content_version()


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")  # its triggers go with document_search
    op.drop_table("document_search")
    op.drop_table("document_relation")
    with op.batch_alter_table("document_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_file_document_id"))

    op.drop_table("document_file")
    op.drop_table("document_article")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_type_id"))
        batch_op.drop_index("ix_document_listing")
        batch_op.drop_index(batch_op.f("ix_document_issuer_id"))
        batch_op.drop_index(batch_op.f("ix_document_field_id"))

    op.drop_table("document")
    op.drop_table("document_term")
