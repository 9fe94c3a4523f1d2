"""The site's own pages and their revisions, the organisation's units and people, and the
citizens' contact messages and public questions, the main menu and the site settings' legal
lines, logo and banner (issue 18).
Every table a public page shows raises the content version, as the models' triggers do.

Statements written out as the models had them at this revision (a snapshot, no imports).

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

CONTENT_TABLES = ("page", "unit", "person", "question", "question_topic", "menu_item")
RAISE = (
    "INSERT INTO content_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)


def _sqlite_triggers(tables) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS content_version_{table}_{suffix} AFTER {operation} ON {table} BEGIN {RAISE}; END"
        for table in tables
        for suffix, operation in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
    ]


def _site_settings_triggers() -> None:
    """SQLite's batch mode rebuilds site_settings to change it, which drops its triggers: made again."""
    if op.get_bind().dialect.name == "sqlite":
        for statement in _sqlite_triggers(["site_settings"]):
            op.execute(statement)


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
    _site_settings_triggers()


def upgrade():
    op.create_table(
        "page",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("summary", sa.String(length=500), server_default="", nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("published", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["page.id"], name=op.f("fk_page_parent_id_page")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page")),
        sa.UniqueConstraint("parent_id", "slug", name="uq_page_parent_slug"),
    )
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_page_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "page_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["page_id"], ["page.id"], name=op.f("fk_page_revision_page_id_page"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_page_revision_user_id_user_account"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page_revision")),
        sa.UniqueConstraint("page_id", "number", name="uq_page_revision_number"),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=140), nullable=False),
        sa.Column("duties", sa.Text(), server_default="", nullable=False),
        sa.Column("address", sa.String(length=300), server_default="", nullable=False),
        sa.Column("phone", sa.String(length=50), server_default="", nullable=False),
        sa.Column("email", sa.String(length=200), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["unit.id"], name=op.f("fk_unit_parent_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("slug", name=op.f("uq_unit_slug")),
    )
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("job_title", sa.String(length=200), server_default="", nullable=False),
        sa.Column("is_leader", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=50), server_default="", nullable=False),
        sa.Column("email", sa.String(length=200), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["media.id"], name=op.f("fk_person_photo_id_media"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_person_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "contact_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), server_default="", nullable=False),
        sa.Column("phone", sa.String(length=50), server_default="", nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), server_default="new", nullable=False),
        sa.Column("answer", sa.Text(), server_default="", nullable=False),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.Column("handled_by", sa.String(length=80), server_default="", nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("mail_status", sa.String(length=8), server_default="none", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("forgotten_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("mail_status IN ('none', 'waiting', 'sent')", name=op.f("ck_contact_message_mail_status_known")),
        sa.CheckConstraint("status IN ('new', 'in_progress', 'answered')", name=op.f("ck_contact_message_status_known")),
        sa.ForeignKeyConstraint(
            ["handled_by_id"], ["user_account.id"], name=op.f("fk_contact_message_handled_by_id_user_account"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_contact_message_unit_id_unit"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_message")),
        sa.UniqueConstraint("reference", name=op.f("uq_contact_message_reference")),
    )
    with op.batch_alter_table("contact_message", schema=None) as batch_op:
        batch_op.create_index("ix_contact_message_created_at", ["created_at"], unique=False)
        batch_op.create_index("ix_contact_message_listing", ["unit_id", "status", "created_at"], unique=False)

    op.create_table(
        "question_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("slug", sa.String(length=140), nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_topic")),
        sa.UniqueConstraint("slug", name=op.f("uq_question_topic_slug")),
    )
    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), server_default="", nullable=False),
        sa.Column("phone", sa.String(length=50), server_default="", nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=140), server_default="", nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), server_default="", nullable=False),
        sa.Column("words", sa.Text(), server_default="", nullable=False),
        sa.Column("status", sa.String(length=10), server_default="pending", nullable=False),
        sa.Column("handled_by", sa.String(length=80), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("forgotten_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('pending', 'published', 'rejected')", name=op.f("ck_question_status_known")),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["question_topic.id"], name=op.f("fk_question_topic_id_question_topic"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_question_unit_id_unit"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question")),
        sa.UniqueConstraint("reference", name=op.f("uq_question_reference")),
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.create_index("ix_question_listing", ["status", "published_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_question_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "menu_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("page_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(length=500), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("kind IN ('category', 'page', 'documents', 'link')", name=op.f("ck_menu_item_kind_known")),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_menu_item_category_id_category"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["page_id"], ["page.id"], name=op.f("fk_menu_item_page_id_page"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["menu_item.id"], name=op.f("fk_menu_item_parent_id_menu_item"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_menu_item")),
    )
    with op.batch_alter_table("menu_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_menu_item_parent_id"), ["parent_id"], unique=False)
    with op.batch_alter_table("site_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.String(length=300), server_default="", nullable=False))
        batch_op.add_column(sa.Column("licence", sa.String(length=300), server_default="", nullable=False))
        batch_op.add_column(sa.Column("responsible", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("logo_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("banner_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_site_settings_logo_id_media"), "media", ["logo_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_site_settings_banner_id_media"), "media", ["banner_id"], ["id"], ondelete="SET NULL"
        )

    _content_version()


def downgrade():
    with op.batch_alter_table("site_settings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_site_settings_banner_id_media"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_site_settings_logo_id_media"), type_="foreignkey")
        batch_op.drop_column("banner_id")
        batch_op.drop_column("logo_id")
        batch_op.drop_column("responsible")
        batch_op.drop_column("licence")
        batch_op.drop_column("owner")
    _site_settings_triggers()
    with op.batch_alter_table("menu_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_menu_item_parent_id"))
    op.drop_table("menu_item")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_topic_id"))
        batch_op.drop_index("ix_question_listing")
    op.drop_table("question")
    op.drop_table("question_topic")
    with op.batch_alter_table("contact_message", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_message_listing")
        batch_op.drop_index("ix_contact_message_created_at")
    op.drop_table("contact_message")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_unit_id"))
    op.drop_table("person")
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_parent_id"))
    op.drop_table("unit")
    op.drop_table("page_revision")
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_page_parent_id"))
    op.drop_table("page")
