"""Questions answered in public (Hỏi đáp): a citizen asks (pending), a moderator publishes the
question with the unit's answer or rejects it; the published ones are listed by topic and
searched without diacritics. The asker's name and contacts are never shown."""

from datetime import datetime

from sqlalchemy import Select, func, select

from portal.extensions import db
from portal.models import Question, QuestionStatus, QuestionTopic, Unit, User
from portal.services import audit
from portal.services.contact import ContactError, Submission, new_reference
from portal.text import fold, slugify


def topics() -> list[QuestionTopic]:
    return list(db.session.execute(select(QuestionTopic).order_by(QuestionTopic.position, QuestionTopic.id)).scalars())


def topic_by_slug(slug: str) -> QuestionTopic | None:
    return db.session.execute(select(QuestionTopic).where(QuestionTopic.slug == slug)).scalar_one_or_none()


def _check_references(topic_id: int | None, unit_id: int | None) -> None:
    if topic_id is not None and db.session.get(QuestionTopic, topic_id) is None:
        raise ContactError("topic_id", "Chủ đề này không còn nữa; xin chọn lại.")
    if unit_id is not None and db.session.get(Unit, unit_id) is None:
        raise ContactError("unit_id", "Đơn vị này không còn nữa; xin chọn lại.")


def ask(entry: Submission, topic_id: int | None, now: datetime) -> Question:
    """Store a citizen's question, waiting for a moderator; the asker gets its reference."""
    _check_references(topic_id, entry.unit_id)
    question = Question(
        reference=new_reference("HD"), topic_id=topic_id, unit_id=entry.unit_id, name=entry.name, email=entry.email,
        phone=entry.phone, title=entry.subject, question=entry.message, created_at=now,
    )  # fmt: skip
    db.session.add(question)
    db.session.commit()
    return question


def publish(question: Question, title: str, text: str, answer: str, topic_id: int | None, unit_id: int | None,
            actor: User, now: datetime) -> Question:  # fmt: skip
    """Publish the question (its title and words as the moderator leaves them) with the answer."""
    if not answer.strip():
        raise ContactError("answer", "Chỉ đăng được câu hỏi đã có câu trả lời.")
    _check_references(topic_id, unit_id)
    question.title, question.question, question.answer = title.strip(), text.strip(), answer.strip()
    question.topic_id, question.unit_id, question.slug = topic_id, unit_id, slugify(title) or "cau-hoi"
    question.words = fold(" ".join((question.title, question.question, question.answer)))
    question.status, question.handled_by = QuestionStatus.PUBLISHED, actor.username
    question.published_at = question.published_at or now
    audit.record(actor, "publish", "question", question.id, f"{question.reference}: {question.title}")
    db.session.commit()
    return question


def reject(question: Question, actor: User) -> None:
    """Not for the public list (off-topic, abusive, a duplicate); taken down if it was up."""
    question.status, question.handled_by = QuestionStatus.REJECTED, actor.username
    audit.record(actor, "reject", "question", question.id, f"{question.reference}: {question.title}")
    db.session.commit()


def published(topic: QuestionTopic | None = None, words: str = "") -> Select:
    """The published questions, newest first, of a topic, holding every word (with or without
    diacritics)."""
    query = select(Question).where(Question.status == QuestionStatus.PUBLISHED)
    if topic is not None:
        query = query.where(Question.topic_id == topic.id)
    for word in fold(words).split()[:10]:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Question.words.like(f"%{escaped}%", escape="\\"))
    return query.order_by(Question.published_at.desc(), Question.id.desc())


def visible(question_id: int) -> Question | None:
    found = db.session.get(Question, question_id)
    return found if found is not None and found.status == QuestionStatus.PUBLISHED else None


def newest(limit: int | None = None) -> list[Question]:
    return list(db.session.execute(published().limit(limit)).scalars())


def count_waiting() -> int:
    return db.session.execute(select(func.count()).where(Question.status == QuestionStatus.PENDING)).scalar()


def moderation_list(status: str | None) -> Select:
    """For the moderators: waiting first, then newest."""
    query = select(Question)
    if status in QuestionStatus.__members__.values():
        query = query.where(Question.status == status)
    waiting_first = (Question.status != QuestionStatus.PENDING).asc()
    return query.order_by(waiting_first, Question.created_at.desc(), Question.id.desc())
