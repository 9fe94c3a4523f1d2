"""Photo albums (their photos, the articles linking them) and polls (choices, ballots), and the
sidebar's poll block (issue 19, points 5 and 6). Albums, photos and polls raise the content
version; a poll's and a choice's vote counts are live figures and do not, as an article's rating.

Statements written out as the models had them at this revision (a snapshot, no imports).

Revision ID: 0020
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

CONTENT_TABLES = ("album", "album_photo", "album_article", "poll", "poll_choice")
WATCHED_COLUMNS = {
    "poll": "question, multiple, closes_at, in_sidebar, article_id",
    "poll_choice": "poll_id, label, position",
}
RAISE = (
    "INSERT INTO content_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = content_version.version + 1"
)


def _triggers() -> list[str]:
    postgresql = op.get_bind().dialect.name == "postgresql"
    statements = []
    for table in CONTENT_TABLES:
        changed = f"UPDATE OF {WATCHED_COLUMNS[table]}" if table in WATCHED_COLUMNS else "UPDATE"
        if postgresql:
            if table in WATCHED_COLUMNS:
                statements.append(
                    f"CREATE OR REPLACE TRIGGER content_version_{table}_au AFTER {changed} ON {table}"
                    " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
                )
            operations = "INSERT OR DELETE OR TRUNCATE" if table in WATCHED_COLUMNS else "INSERT OR UPDATE OR DELETE OR TRUNCATE"
            statements.append(
                f"CREATE OR REPLACE TRIGGER content_version_{table} AFTER {operations} ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
            )
        else:
            statements += [
                f"CREATE TRIGGER IF NOT EXISTS content_version_{table}_{suffix} AFTER {operation} ON {table} BEGIN {RAISE}; END"
                for suffix, operation in (("ai", "INSERT"), ("au", changed), ("ad", "DELETE"))
            ]
    return statements


def upgrade():
    op.create_table(
        "album",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=140), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_album")),
        sa.UniqueConstraint("slug", name=op.f("uq_album_slug")),
    )
    with op.batch_alter_table("album", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_album_taken_on"), ["taken_on"], unique=False)
    op.create_table(
        "album_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("album_id", sa.Integer(), nullable=False),
        sa.Column("media_id", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=500), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_cover", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["album_id"], ["album.id"], name=op.f("fk_album_photo_album_id_album"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["media_id"], ["media.id"], name=op.f("fk_album_photo_media_id_media")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_album_photo")),
    )
    with op.batch_alter_table("album_photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_album_photo_album_id"), ["album_id"], unique=False)
    op.create_table(
        "album_article",
        sa.Column("album_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["album_id"], ["album.id"], name=op.f("fk_album_article_album_id_album"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_album_article_article_id_article"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("album_id", "article_id", name=op.f("pk_album_article")),
    )
    with op.batch_alter_table("album_article", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_album_article_article_id"), ["article_id"], unique=False)
    op.create_table(
        "poll",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=300), nullable=False),
        sa.Column("multiple", sa.Boolean(), nullable=False),
        sa.Column("closes_at", sa.DateTime(), nullable=True),
        sa.Column("in_sidebar", sa.Boolean(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("voters", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("voters >= 0", name=op.f("ck_poll_voters_not_negative")),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], name=op.f("fk_poll_article_id_article"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll")),
    )
    with op.batch_alter_table("poll", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poll_article_id"), ["article_id"], unique=False)
    op.create_table(
        "poll_choice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("poll_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("votes", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("votes >= 0", name=op.f("ck_poll_choice_votes_not_negative")),
        sa.ForeignKeyConstraint(["poll_id"], ["poll.id"], name=op.f("fk_poll_choice_poll_id_poll"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll_choice")),
    )
    with op.batch_alter_table("poll_choice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poll_choice_poll_id"), ["poll_id"], unique=False)
    op.create_table(
        "poll_ballot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("poll_id", sa.Integer(), nullable=False),
        sa.Column("visitor", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["poll_id"], ["poll.id"], name=op.f("fk_poll_ballot_poll_id_poll"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poll_ballot")),
        sa.UniqueConstraint("poll_id", "visitor", name=op.f("uq_poll_ballot_poll_id")),
    )
    op.create_table(
        "poll_ballot_choice",
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("choice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ballot_id"], ["poll_ballot.id"], name=op.f("fk_poll_ballot_choice_ballot_id_poll_ballot"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["choice_id"], ["poll_choice.id"], name=op.f("fk_poll_ballot_choice_choice_id_poll_choice"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("ballot_id", "choice_id", name=op.f("pk_poll_ballot_choice")),
    )
    with op.batch_alter_table("poll_ballot_choice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poll_ballot_choice_choice_id"), ["choice_id"], unique=False)
    for statement in _triggers():
        op.execute(statement)
    # A site that has its sidebar gets the poll block at its end (shown once a poll is marked for it).
    op.execute(
        "INSERT INTO sidebar_block (kind, title, position, visible, caption, link)"
        " SELECT 'poll', 'Thăm dò ý kiến', MAX(position) + 1, true, '', '' FROM sidebar_block HAVING COUNT(*) > 0"
    )


def downgrade():
    op.execute("DELETE FROM sidebar_block WHERE kind = 'poll'")
    for table in ("poll_ballot_choice", "poll_ballot", "poll_choice", "poll", "album_article", "album_photo", "album"):
        op.drop_table(table)
