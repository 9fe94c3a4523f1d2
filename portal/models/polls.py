"""Polls (thăm dò ý kiến): a question with 2–10 choices, one or several to be chosen, open until
an optional time. A visitor's ballot is one row, unique per poll and visitor; the poll and its
choices keep the exact counts, changed in the ballot's transaction (portal.services.polls)."""

from datetime import datetime

from flask import url_for
from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.extensions import db

MIN_CHOICES, MAX_CHOICES = 2, 10


class Poll(db.Model):
    __tablename__ = "poll"
    __table_args__ = (CheckConstraint("voters >= 0", name="voters_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(300))
    multiple: Mapped[bool] = mapped_column(default=False)  # several choices may be ticked
    closes_at: Mapped[datetime | None]  # open until then; None: until closed by hand
    in_sidebar: Mapped[bool] = mapped_column(default=False)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="SET NULL"), index=True)
    voters: Mapped[int] = mapped_column(default=0, server_default="0")  # a live figure, not content
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    choices: Mapped[list["PollChoice"]] = relationship(
        back_populates="poll", order_by="PollChoice.position, PollChoice.id", lazy="selectin", cascade="all, delete-orphan"
    )

    def is_open(self, now: datetime) -> bool:
        return self.closes_at is None or self.closes_at > now

    @property
    def url(self) -> str:
        return url_for("news.poll", poll_id=self.id)


class PollChoice(db.Model):
    __tablename__ = "poll_choice"
    __table_args__ = (CheckConstraint("votes >= 0", name="votes_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    votes: Mapped[int] = mapped_column(default=0, server_default="0")  # a live figure, not content

    poll: Mapped[Poll] = relationship(back_populates="choices", lazy="raise")


class PollBallot(db.Model):
    """One visitor's vote in one poll; the unique pair is what stops a second one."""

    __tablename__ = "poll_ballot"
    __table_args__ = (UniqueConstraint("poll_id", "visitor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"))
    visitor: Mapped[str] = mapped_column(String(64))  # the random id from the visitor cookie
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


poll_ballot_choice = Table(
    "poll_ballot_choice",
    db.metadata,
    Column("ballot_id", ForeignKey("poll_ballot.id", ondelete="CASCADE"), primary_key=True),
    Column("choice_id", ForeignKey("poll_choice.id", ondelete="CASCADE"), primary_key=True, index=True),
)
