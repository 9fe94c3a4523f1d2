"""The contact form (/lien-he): a citizen writes to a unit and gets a reference number. Works
without JavaScript; the page is shared and cached like every public page."""

from flask import request

from portal import clock
from portal.citizens import bp, guard
from portal.citizens.forms import ContactForm
from portal.extensions import csrf, db, limiter
from portal.layout import render_page
from portal.services import contact, organisation
from portal.web.page_cache import page_query, public_page

NOT_SENT = "Thư chưa được gửi. Xin sửa các ô được đánh dấu dưới đây."


def unit_choices() -> list[tuple[str, str]]:
    return [("", "(Không rõ, gửi đến bộ phận tiếp nhận chung)")] + [
        (str(unit.id), "— " * depth + unit.name) for unit, depth in organisation.units_tree()
    ]


def _form(data=None) -> ContactForm:
    form = ContactForm(formdata=data)
    form.unit_id.choices = unit_choices()
    return form


def _page(form: ContactForm, status: int, message: str = ""):
    """The form page, with a fresh stamp and the message of a refusal (never cached)."""
    form.stamp.data = guard.stamp()
    body = render_page("citizens/contact.html", form=form, message=message, live=False)
    return body, status, {"Cache-Control": "no-store"}


@bp.get("/lien-he")
@public_page("don-vi")
def contact_form():
    """The empty form, its unit chosen when the page is opened from a unit's page (?don-vi=<slug>)."""
    form = _form()
    chosen = organisation.unit_by_slug(page_query().get("don-vi", ""))
    form.unit_id.data = chosen.id if chosen else None
    form.stamp.data = guard.stamp()
    return render_page("citizens/contact.html", form=form, message="")


@csrf.exempt
@bp.post("/lien-he")
@limiter.limit(guard.form_limit)
def contact_send():
    """Store the message and answer with its reference; a refusal keeps what was written."""
    form = _form(request.form)
    refused = guard.refusal(form.website.data, form.stamp.data)
    if refused:
        return _page(form, *refused)
    if not form.validate():
        return _page(form, 422, NOT_SENT)
    entry = contact.Submission(form.name.data.strip(), (form.email.data or "").strip(), (form.phone.data or "").strip(),
                               form.subject.data.strip(), form.message.data.strip(), form.unit_id.data)  # fmt: skip
    try:
        sent = contact.submit(entry, clock.now())
    except contact.ContactError as error:
        db.session.rollback()
        form.unit_id.errors = [str(error)]
        return _page(form, 422, NOT_SENT)
    return render_page("citizens/contact_sent.html", sent=sent, live=False), 200, {"Cache-Control": "no-store"}


guard.REFUSED_PAGES["citizens.contact_send"] = lambda status, message: _page(_form(request.form), status, message)
