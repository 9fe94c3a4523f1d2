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

TEMPLATE = "citizens/contact.html"


def unit_choices() -> list[tuple[str, str]]:
    return [("", "(Không rõ, gửi đến bộ phận tiếp nhận chung)")] + [
        (str(unit.id), "— " * depth + unit.name) for unit, depth in organisation.units_tree()
    ]


def _form(data=None) -> ContactForm:
    form = ContactForm(formdata=data)
    form.unit_id.choices = unit_choices()
    return form


@bp.get("/lien-he")
@public_page("don-vi")
def contact_form():
    """The empty form, its unit chosen when the page is opened from a unit's page (?don-vi=<slug>)."""
    form = _form()
    chosen = organisation.unit_by_slug(page_query().get("don-vi", ""))
    form.unit_id.data = chosen.id if chosen else None
    return guard.form_page(TEMPLATE, form)


@csrf.exempt
@bp.post("/lien-he")
@limiter.limit(guard.form_limit)
def contact_send():
    """Store the message and answer with its reference; a refusal keeps what was written."""
    form = _form(request.form)
    refused = guard.checked(form)
    if refused:
        return guard.form_page(TEMPLATE, form, *refused)
    try:
        sent = contact.submit(form.submission(form.subject.data, form.message.data), clock.now())
    except contact.ContactError as error:
        db.session.rollback()
        form.unit_id.errors = [str(error)]
        return guard.form_page(TEMPLATE, form, 422, guard.NOT_SENT)
    return render_page("citizens/contact_sent.html", sent=sent, live=False), 200, {"Cache-Control": "no-store"}


guard.REFUSED_PAGES["citizens.contact_send"] = lambda status, message: guard.form_page(TEMPLATE, _form(request.form), status, message)
