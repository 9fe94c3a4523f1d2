"""The site's own settings: one row with the name, tagline, address, phone, e-mail, footer and
the visit counter's starting offset. Every page reads it; the webmaster (admin or CLI) writes it,
and every write is in the audit log."""

from sqlalchemy import select

from portal.extensions import db
from portal.models import SiteSettings, User
from portal.services import audit
from portal.services.media import PreparedUpload

DEFAULT_NAME = "Cổng thông tin điện tử"
_ROW = select(SiteSettings).limit(1)
_VISIT_OFFSET = select(SiteSettings.visit_offset).limit(1)


def _defaults() -> SiteSettings:
    return SiteSettings(name=DEFAULT_NAME, visit_offset=0)


def current() -> SiteSettings:
    """The settings row, or unsaved defaults before anyone has saved one."""
    return db.session.execute(_ROW).scalar_one_or_none() or _defaults()


def for_editing() -> SiteSettings:
    """The settings row, added to the session with the defaults the first time: the one place
    the row is made."""
    row = db.session.execute(_ROW).scalar_one_or_none()
    if row is None:
        row = _defaults()
        db.session.add(row)
    return row


def save(values: dict[str, str | int], actor: User | None, images: dict[str, PreparedUpload | None] | None = None) -> SiteSettings:
    """Change the named settings, and the ``images`` named ("logo", "banner": a checked upload, or
    None to remove it); ``actor`` None is the command line."""
    row = for_editing()
    for name, value in values.items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)
    for name, upload in (images or {}).items():
        if upload is None:
            setattr(row, f"{name}_id", None)
            continue
        with upload.stored() as media:
            db.session.flush()
            setattr(row, f"{name}_id", media.id)
    db.session.flush()
    audit.record(actor, "update", "settings", row.id, ", ".join(sorted(values)))
    db.session.commit()
    return row


def visit_offset() -> int:
    """The webmaster's starting number, added to the counted visits (one column, no ORM object)."""
    return db.session.connection().execute(_VISIT_OFFSET).scalar() or 0
