"""Sign-in throttles counted per account, address and pair (replacing one row per failure),
and server-side admin sessions that sign-out, a new password or a disabled account end.

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sign_in_failure", schema=None) as batch_op:
        batch_op.drop_index("ix_sign_in_failure_key_time")
    op.drop_table("sign_in_failure")  # failures within the last minutes: nothing to keep
    op.create_table(
        "sign_in_throttle",
        sa.Column("key", sa.String(length=150), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_throttle")),
    )
    op.create_table(
        "admin_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_admin_session_user_id_user_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_admin_session_token_hash")),
    )
    with op.batch_alter_table("admin_session", schema=None) as batch_op:
        batch_op.create_index("ix_admin_session_user", ["user_id", "revoked_at"], unique=False)


def downgrade():
    with op.batch_alter_table("admin_session", schema=None) as batch_op:
        batch_op.drop_index("ix_admin_session_user")
    op.drop_table("admin_session")
    op.drop_table("sign_in_throttle")
    op.create_table(
        "sign_in_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failure")),
    )
    with op.batch_alter_table("sign_in_failure", schema=None) as batch_op:
        batch_op.create_index("ix_sign_in_failure_key_time", ["key", "created_at"], unique=False)
