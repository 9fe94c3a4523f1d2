"""Polls: casting a ballot with exact counts, the admin's saving and closing, and which poll a
page shows.

A ballot changes the poll's voter count, its choices' vote counts and inserts its rows in one
transaction. The poll's row is updated first (``voters = voters + 1`` where the poll is still
open), so simultaneous ballots for one poll queue on that row on PostgreSQL and on the write
lock on SQLite; the unique (poll, visitor) pair, not a look-up, refuses a second ballot.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from portal.extensions import db
from portal.models import Article, Poll, PollBallot, PollChoice, User
from portal.models.polls import MAX_CHOICES, MIN_CHOICES, poll_ballot_choice
from portal.services import audit


class BallotRefused(Exception):
    """A ballot that changed nothing; ``status`` and the Vietnamese message say why."""

    status = 400
    message = ""


class NoChoice(BallotRefused):
    status, message = 400, "Xin chọn một câu trả lời trước khi bình chọn."


class PollUnavailable(BallotRefused):
    status, message = 404, "Không tìm thấy cuộc thăm dò ý kiến này."


class PollClosed(BallotRefused):
    status, message = 409, "Cuộc thăm dò ý kiến này đã kết thúc, không nhận thêm phiếu."


class AlreadyVoted(BallotRefused):
    status, message = 409, "Bạn đã bình chọn trong cuộc thăm dò này."


class UnknownChoice(BallotRefused):
    status, message = 422, "Lựa chọn này không có trong cuộc thăm dò. Xin chọn lại trong danh sách."


class TooManyChoices(BallotRefused):
    status, message = 422, "Câu hỏi này chỉ được chọn một câu trả lời."


class PollError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PollResults:
    """The poll's counts at one moment: voters and each choice's votes."""

    voters: int
    votes: dict[int, int]  # choice id → votes


def is_open(now: datetime):
    return or_(Poll.closes_at.is_(None), Poll.closes_at > now)


_COUNT_VOTER = (
    update(Poll)
    .where(Poll.id == bindparam("poll_id"), or_(Poll.closes_at.is_(None), Poll.closes_at > bindparam("now")))
    .values(voters=Poll.voters + 1)
    .returning(Poll.multiple, Poll.voters)
)
_VOTES = select(PollChoice.id, PollChoice.votes).where(PollChoice.poll_id == bindparam("poll_id"))


def cast_ballot(poll_id: int, visitor: str, choice_ids: list[int], now: datetime) -> PollResults:
    """Record ``visitor``'s choices in an open poll and return its counts with the ballot, or
    change nothing and raise the reason (a BallotRefused)."""
    chosen = sorted(set(choice_ids))
    if not chosen:
        raise NoChoice()
    connection = db.session.connection()
    counted = connection.execute(_COUNT_VOTER, {"poll_id": poll_id, "now": now}).one_or_none()
    try:
        if counted is None:
            raise PollClosed() if db.session.get(Poll, poll_id) is not None else PollUnavailable()
        if len(chosen) > 1 and not counted.multiple:
            raise TooManyChoices()
        votes_up = (
            update(PollChoice)
            .where(PollChoice.poll_id == poll_id, PollChoice.id.in_(chosen))
            .values(votes=PollChoice.votes + 1)
        )
        if connection.execute(votes_up).rowcount != len(chosen):
            raise UnknownChoice()
        try:
            ballot = connection.execute(insert(PollBallot).returning(PollBallot.id),
                                        {"poll_id": poll_id, "visitor": visitor, "created_at": now}).scalar_one()  # fmt: skip
        except IntegrityError:
            raise AlreadyVoted() from None
        connection.execute(insert(poll_ballot_choice), [{"ballot_id": ballot, "choice_id": choice} for choice in chosen])
        votes = dict(connection.execute(_VOTES, {"poll_id": poll_id}).all())
        db.session.commit()
    except BaseException:
        db.session.rollback()  # the counts go back with the refused ballot
        raise
    return PollResults(counted.voters, votes)


_OWN_BALLOT = (
    select(poll_ballot_choice.c.choice_id)
    .join(PollBallot, PollBallot.id == poll_ballot_choice.c.ballot_id)
    .where(PollBallot.poll_id == bindparam("poll_id"), PollBallot.visitor == bindparam("visitor"))
)


def own_choices(poll_id: int, visitor: str) -> set[int]:
    """The choices ``visitor`` ticked in the poll; empty when they have not voted."""
    return set(db.session.connection().execute(_OWN_BALLOT, {"poll_id": poll_id, "visitor": visitor}).scalars())


def results_of(poll: Poll) -> PollResults:
    return PollResults(poll.voters, {choice.id: choice.votes for choice in poll.choices})


_WITH_CHOICES = joinedload(Poll.choices)  # one query for a page's poll and its choices


def sidebar_poll(now: datetime) -> Poll | None:
    """The newest open poll marked for the sidebar."""
    query = select(Poll).where(Poll.in_sidebar, is_open(now)).order_by(Poll.created_at.desc(), Poll.id.desc()).limit(1)
    return db.session.execute(query.options(_WITH_CHOICES)).unique().scalar_one_or_none()


def poll_of(article: Article) -> Poll | None:
    """The poll shown inside an article, the newest if several name it."""
    query = select(Poll).where(Poll.article_id == article.id).order_by(Poll.id.desc()).limit(1)
    return db.session.execute(query.options(_WITH_CHOICES)).unique().scalar_one_or_none()


def listing() -> list[Poll]:
    return list(db.session.execute(select(Poll).order_by(Poll.created_at.desc(), Poll.id.desc())).scalars())


@dataclass(frozen=True)
class PollFields:
    question: str
    multiple: bool
    closes_at: datetime | None
    in_sidebar: bool
    article: Article | None
    choices: list[str]  # the labels in order; a poll with ballots keeps its number of choices


def save_poll(poll: Poll | None, fields: PollFields, actor: User) -> Poll:
    """Create (``poll`` None) or change a poll. Once it has ballots its choices may be reworded,
    not added, removed or reordered: the counts belong to them."""
    labels = [label.strip() for label in fields.choices if label.strip()]
    if not MIN_CHOICES <= len(labels) <= MAX_CHOICES:
        raise PollError("choices", f"Cần từ {MIN_CHOICES} đến {MAX_CHOICES} câu trả lời, mỗi dòng một câu.")
    if len(set(label.casefold() for label in labels)) != len(labels):
        raise PollError("choices", "Hai câu trả lời giống nhau; mỗi câu trả lời phải khác nhau.")
    created = poll is None
    poll = poll or Poll()
    if poll.voters and len(labels) != len(poll.choices):
        raise PollError("choices", "Cuộc thăm dò đã có người bình chọn: chỉ sửa được lời của các câu trả lời, không thêm hay bớt.")
    if poll.voters and fields.multiple != poll.multiple:
        raise PollError("multiple", "Cuộc thăm dò đã có người bình chọn: không đổi được giữa chọn một và chọn nhiều.")
    poll.question, poll.multiple, poll.closes_at = fields.question.strip(), fields.multiple, fields.closes_at
    poll.in_sidebar, poll.article_id = fields.in_sidebar, fields.article.id if fields.article else None
    if poll.voters:
        for choice, label in zip(poll.choices, labels):
            choice.label = label
    else:
        poll.choices = [PollChoice(label=label, position=position) for position, label in enumerate(labels, start=1)]
    db.session.add(poll)
    db.session.flush()
    audit.record(actor, "create" if created else "update", "poll", poll.id, poll.question)
    db.session.commit()
    return poll


def close_poll(poll: Poll, now: datetime, actor: User) -> None:
    """Stop taking ballots now; the results are then shown to everyone."""
    if poll.closes_at is None or poll.closes_at > now:
        poll.closes_at = now
        audit.record(actor, "close", "poll", poll.id, poll.question)
        db.session.commit()


def delete_poll(poll: Poll, actor: User) -> None:
    audit.record(actor, "delete", "poll", poll.id, poll.question)
    db.session.execute(delete(Poll).where(Poll.id == poll.id))
    db.session.commit()
