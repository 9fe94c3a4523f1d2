"""Autosave: the text of an article form kept on the server every few seconds while a person
types, so a closed tab, a crash or an expired session loses only those seconds. It is no
revision and changes nothing public; the person takes it back into the form, or it is dropped
when they save."""

import json
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from portal.extensions import db
from portal.models import ArticleAutosave, User

RECENT = timedelta(minutes=2)  # an autosave this recent means its author has the form open

# The form fields kept (the file field and the token are not).
FIELDS = ("title", "slug", "summary", "body", "category_id", "cover_caption", "byline", "published_at", "comment")
MAX_FIELD_CHARS = 2_000_000  # a body with pasted pictures inlined is refused later, by the save


def _owned(user: User, article_id: int | None):
    owner = ArticleAutosave.article_id.is_(None) if article_id is None else ArticleAutosave.article_id == article_id
    return (ArticleAutosave.user_id == user.id, owner)


def latest(user: User, article_id: int | None) -> ArticleAutosave | None:
    query = select(ArticleAutosave).where(*_owned(user, article_id)).order_by(ArticleAutosave.saved_at.desc())
    return db.session.execute(query.limit(1)).scalar_one_or_none()


def keep(user: User, article_id: int | None, form: dict[str, str], version: int | None, now: datetime) -> ArticleAutosave:
    """Keep what the person has typed, replacing what was kept before."""
    fields = {name: str(form.get(name, ""))[:MAX_FIELD_CHARS] for name in FIELDS}
    db.session.execute(delete(ArticleAutosave).where(*_owned(user, article_id)))
    kept = ArticleAutosave(user_id=user.id, article_id=article_id, fields=json.dumps(fields), version=version, saved_at=now)
    db.session.add(kept)
    db.session.commit()
    return kept


def fields_of(kept: ArticleAutosave) -> dict[str, str]:
    return json.loads(kept.fields)


def drop_in_transaction(user: User, article_id: int | None) -> None:
    """Forget the person's autosave of this article (it has been saved for real)."""
    db.session.execute(delete(ArticleAutosave).where(*_owned(user, article_id)))


def drop(user: User, article_id: int | None) -> None:
    drop_in_transaction(user, article_id)
    db.session.commit()


def others_typing(user: User, article_id: int | None, now: datetime) -> list[User]:
    """The other accounts whose form of this article autosaved in the last minutes: they are
    writing in it now, and whoever saves second will be refused (the optimistic check)."""
    if article_id is None:
        return []
    query = (
        select(User)
        .join(ArticleAutosave, ArticleAutosave.user_id == User.id)
        .where(ArticleAutosave.article_id == article_id, User.id != user.id, ArticleAutosave.saved_at >= now - RECENT)
        .order_by(User.username)
    )
    return list(db.session.execute(query).scalars().unique())
