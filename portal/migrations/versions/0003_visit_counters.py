"""Visit counters: tallies per day, month and in total; visitor presence; the online record.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "online_peak",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visitors", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_online_peak_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_peak")),
    )
    op.create_table(
        "visit_tally",
        sa.Column("kind", sa.String(length=5), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("visits", sa.Integer(), server_default="0", nullable=False),
        sa.Column("page_views", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("kind IN ('day', 'month', 'total')", name=op.f("ck_visit_tally_known_kind")),
        sa.CheckConstraint("visits >= 0 AND page_views >= visits", name=op.f("ck_visit_tally_counts_consistent")),
        sa.PrimaryKeyConstraint("kind", "period", name=op.f("pk_visit_tally")),
    )
    op.create_table(
        "visitor_presence",
        sa.Column("visitor_key", sa.String(length=64), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("last_view", sa.DateTime(), nullable=True),
        sa.Column("began_visit", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("visitor_key", name=op.f("pk_visitor_presence")),
    )
    with op.batch_alter_table("visitor_presence", schema=None) as batch_op:
        batch_op.create_index("ix_visitor_presence_last_seen", ["last_seen"], unique=False)


def downgrade():
    with op.batch_alter_table("visitor_presence", schema=None) as batch_op:
        batch_op.drop_index("ix_visitor_presence_last_seen")
    op.drop_table("visitor_presence")
    op.drop_table("visit_tally")
    op.drop_table("online_peak")
