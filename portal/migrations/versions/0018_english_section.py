"""The English section (issue 18, point 4): a language for articles and pages, the link between an
English version and the Vietnamese one it translates (a table of pairs, so that the article and
page tables, referred to from many others, are not rebuilt on SQLite), and the English fields of
units, people and the site settings. The pairs raise the content version, as the models' triggers do.

Statements written out as the models had them at this revision (a snapshot, no imports).

Revision ID: 0018
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

PAIRS = (("article_translation", "article", "article_id"), ("page_translation", "page", "page_id"))
RAISE = (
    "INSERT INTO content_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)
ENGLISH_FIELDS = {
    "unit": (("name_en", sa.String(length=200)), ("duties_en", sa.Text())),
    "person": (("job_title_en", sa.String(length=200)),),
    "site_settings": (
        ("name_en", sa.String(length=200)), ("introduction_en", sa.Text()),
        ("owner_en", sa.String(length=300)), ("licence_en", sa.String(length=300)), ("responsible_en", sa.String(length=200)),
    ),
}  # fmt: skip


def _content_version() -> None:
    for table, _content, _column in PAIRS:
        if op.get_bind().dialect.name == "postgresql":
            op.execute(
                f"CREATE OR REPLACE TRIGGER content_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
            )
            continue
        for suffix, operation in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE")):
            op.execute(f"CREATE TRIGGER IF NOT EXISTS content_version_{table}_{suffix} AFTER {operation} ON {table} BEGIN {RAISE}; END")


def upgrade():
    for table in ("article", "page"):
        op.add_column(table, sa.Column("language", sa.String(length=2), server_default="vi", nullable=False))
    for table, content, column in PAIRS:
        op.create_table(
            table,
            sa.Column(column, sa.Integer(), nullable=False),
            sa.Column("original_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint([column], [f"{content}.id"], name=op.f(f"fk_{table}_{column}_{content}"), ondelete="CASCADE"),
            sa.ForeignKeyConstraint(
                ["original_id"], [f"{content}.id"], name=op.f(f"fk_{table}_original_id_{content}"), ondelete="CASCADE"
            ),
            sa.PrimaryKeyConstraint(column, name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("original_id", name=op.f(f"uq_{table}_original_id")),
        )
    for table, fields in ENGLISH_FIELDS.items():
        for name, type_ in fields:
            op.add_column(table, sa.Column(name, type_, server_default="", nullable=False))
    _content_version()


def downgrade():
    # Plain ALTER TABLE … DROP COLUMN, as 0014 does: a batch rebuild would drop the tables' triggers.
    for table, fields in ENGLISH_FIELDS.items():
        for name, _type in reversed(fields):
            op.drop_column(table, name)
    for table, _content, _column in PAIRS:
        op.drop_table(table)  # its triggers go with it
    for table in ("page", "article"):
        op.drop_column(table, "language")
