"""The citizens' contact messages, per unit and state, and handling one (for quản trị: the
messages hold the senders' personal details)."""

from flask import flash, g, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.common import actor
from portal.admin.forms import options
from portal.admin.page_forms import ContactHandlingForm
from portal.extensions import db
from portal.models import ContactMessage, ContactStatus
from portal.services import contact, mail, organisation
from portal.web.inputs import int_arg


@bp.get("/lien-he")
def contact_messages():
    """The messages newest first, filtered by unit (``don-vi``, 0: no unit) and state."""
    unit_id, status = int_arg("don-vi", None, minimum=0), request.args.get("trang-thai") or None
    g.page_query = {name: request.args[name] for name in ("don-vi", "trang-thai") if request.args.get(name)}  # kept by the pager
    page = db.paginate(contact.listing(unit_id, status), page=int_arg("page", 1), per_page=50, error_out=False)
    units = [(unit.id, "— " * depth + unit.name) for unit, depth in organisation.units_tree()]
    return render_template("admin/contact_messages.html", page=page, units=units, unit_id=unit_id, status=status,
                           statuses=list(ContactStatus))  # fmt: skip


@bp.route("/lien-he/<int:message_id>", methods=["GET", "POST"])
def contact_message(message_id: int):
    """One message in full; its state, the answer, and sending the answer by mail."""
    message = db.get_or_404(ContactMessage, message_id)
    form = ContactHandlingForm(None, obj=message) if request.method == "GET" else ContactHandlingForm(obj=message)
    form.status.choices = options((status.value, status.label) for status in ContactStatus)
    if form.validate_on_submit():
        try:
            mailed = contact.handle(message, ContactStatus(form.status.data), form.answer.data or "", form.send_answer.data,
                                    actor(), clock.now())  # fmt: skip
        except contact.ContactError as error:
            form.send_answer.errors = [str(error)]
        else:
            flash(f"Đã lưu thư {message.reference}" + (" và gửi trả lời cho người viết." if mailed else "."), "success")
            return redirect(url_for("admin.contact_message", message_id=message.id))
    return render_template("admin/contact_message.html", message=message, form=form, mail_on=mail.enabled()), 422 if form.errors else 200
