"""The organisation: units (a tree, with their duties and contacts) and the people in them."""

from flask import abort, flash, redirect, render_template, request, url_for

from portal.admin import bp
from portal.admin.common import actor, ask_first, image_limits
from portal.admin.forms import MoveForm, options
from portal.admin.page_forms import PersonForm, UnitForm
from portal.extensions import db
from portal.models import Person, Unit
from portal.services import organisation
from portal.services.media import MediaError, prepare_image

BACK = "admin.organisation_list"


@bp.get("/to-chuc")
def organisation_list():
    """The units in their tree, each with its people."""
    return render_template("admin/organisation.html", units=organisation.units_tree(), move=MoveForm())


def _unit_form(unit: Unit | None) -> UnitForm:
    form = UnitForm(None, obj=unit) if request.method == "GET" else UnitForm(obj=unit)
    choices = [(u.id, "— " * depth + u.name) for u, depth in organisation.units_tree() if unit is None or u.id != unit.id]
    form.parent_id.choices = options([("", "(Cấp cao nhất)"), *choices])
    return form


@bp.route("/to-chuc/don-vi/moi", methods=["GET", "POST"])
@bp.route("/to-chuc/don-vi/<int:unit_id>", methods=["GET", "POST"])
def unit_edit(unit_id: int | None = None):
    """Add a unit, or change one."""
    unit = db.get_or_404(Unit, unit_id) if unit_id else None
    form = _unit_form(unit)
    if form.validate_on_submit():
        fields = organisation.UnitFields(form.name.data, form.slug.data or "", form.parent_id.data, form.duties.data or "",
                                         form.address.data or "", form.phone.data or "", form.email.data or "",
                                         form.name_en.data or "", form.duties_en.data or "")  # fmt: skip
        try:
            saved = organisation.save_unit(unit, fields, actor())
        except organisation.OrganisationError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Đã lưu đơn vị “{saved.name}”.", "success")
            return redirect(url_for(BACK))
    heading = f"Sửa đơn vị “{unit.name}”" if unit else "Thêm đơn vị"
    return render_template("admin/organisation_form.html", form=form, heading=heading, editor="duties", back=url_for(BACK)), 422 if form.errors else 200


@bp.post("/to-chuc/don-vi/<int:unit_id>/di-chuyen")
def unit_move(unit_id: int):
    """Move a unit one place up or down among the units beside it."""
    unit = db.get_or_404(Unit, unit_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    organisation.move_unit(unit, form.step, actor())
    flash(f"Đã đổi thứ tự đơn vị “{unit.name}”.", "success")
    return redirect(url_for(BACK))


@bp.route("/to-chuc/don-vi/<int:unit_id>/xoa", methods=["GET", "POST"])
def unit_delete(unit_id: int):
    """Ask, then delete a unit that has no people and no units under it."""
    unit = db.get_or_404(Unit, unit_id)
    asking = ask_first(f"Xoá đơn vị “{unit.name}”?", "Xoá đơn vị", url_for(BACK))
    if asking is not None:
        return asking
    name = unit.name
    try:
        organisation.delete_unit(unit, actor())
    except organisation.OrganisationError as error:
        flash(str(error), "error")
        return redirect(url_for(BACK), code=303)
    flash(f"Đã xoá đơn vị “{name}”.", "success")
    return redirect(url_for(BACK))


@bp.route("/to-chuc/nguoi/moi", methods=["GET", "POST"])
@bp.route("/to-chuc/nguoi/<int:person_id>", methods=["GET", "POST"])
def person_edit(person_id: int | None = None):
    """Add someone to a unit, or change their details and photo."""
    person = db.get_or_404(Person, person_id) if person_id else None
    form = PersonForm(None, obj=person) if request.method == "GET" else PersonForm(obj=person)
    form.unit_id.choices = options((u.id, "— " * depth + u.name) for u, depth in organisation.units_tree())
    if request.method == "GET" and person is None and request.args.get("don-vi", "").isdigit():
        form.unit_id.data = int(request.args["don-vi"])
    if form.validate_on_submit():
        saved = _save_person(form, person)
        if saved is not None:
            flash(f"Đã lưu “{saved.name}”.", "success")
            return redirect(url_for(BACK))
    heading = f"Sửa thông tin “{person.name}”" if person else "Thêm người"
    return render_template("admin/organisation_form.html", form=form, heading=heading, multipart=True, back=url_for(BACK)), 422 if form.errors else 200


def _save_person(form: PersonForm, person: Person | None) -> Person | None:
    """Save from a valid form; a refused photo or unit becomes the field's error (None)."""
    photo = None
    if form.photo.data:
        try:
            photo = prepare_image(form.photo.data.stream, f"Ảnh {form.name.data.strip()}", image_limits())
        except MediaError as error:
            form.photo.errors = [str(error)]
            return None
    fields = organisation.PersonFields(form.name.data, form.job_title.data or "", form.is_leader.data, form.unit_id.data,
                                       form.phone.data or "", form.email.data or "", form.position.data, form.remove_photo.data,
                                       form.job_title_en.data or "")  # fmt: skip
    try:
        return organisation.save_person(person, fields, photo, actor())
    except organisation.OrganisationError as error:
        db.session.rollback()
        getattr(form, error.field).errors = [str(error)]
        return None


@bp.route("/to-chuc/nguoi/<int:person_id>/xoa", methods=["GET", "POST"])
def person_delete(person_id: int):
    """Ask, then remove someone from the organisation."""
    person = db.get_or_404(Person, person_id)
    asking = ask_first(f"Xoá “{person.name}” khỏi tổ chức bộ máy?", "Xoá", url_for(BACK))
    if asking is not None:
        return asking
    name = person.name
    organisation.delete_person(person, actor())
    flash(f"Đã xoá “{name}”.", "success")
    return redirect(url_for(BACK))
