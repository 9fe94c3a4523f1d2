"""The organisation's public pages: /to-chuc (the leaders, then every unit), each unit's page,
and each person's vCard."""

import re

from flask import Response, abort, url_for

from portal.extensions import db
from portal.layout import render_page
from portal.models import Person
from portal.pages import bp
from portal.services import organisation, settings
from portal.text import slugify
from portal.web.page_cache import public_page


@bp.get("/to-chuc")
@public_page()
def organisation_page():
    """The leaders first, then the units in their tree with their contacts."""
    return render_page("pages/organisation.html", leaders=organisation.leaders(), units=organisation.units_tree(),
                       counterpart=url_for("pages.english_organisation"))  # fmt: skip


@bp.get("/to-chuc/<slug>")
@public_page()
def unit(slug: str):
    """One unit: its duties, its contacts, its people (leaders first) and the units under it."""
    found = organisation.unit_by_slug(slug)
    if found is None:
        abort(404)
    return render_page("pages/unit.html", unit=found, counterpart=url_for("pages.english_unit", slug=slug))


@bp.get("/to-chuc/nguoi/<int:person_id>.vcf")
@public_page()
def vcard(person_id: int):
    """A person's card, for a phone's contacts."""
    person = db.get_or_404(Person, person_id)
    page = url_for("pages.unit", slug=person.unit.slug, _external=True)
    body = organisation.vcard(person, settings.current().name, page)
    filename = re.sub(r"[^a-z0-9-]", "", slugify(person.name)) or "lien-he"
    return Response(body, mimetype="text/vcard", headers={"Content-Disposition": f'attachment; filename="{filename}.vcf"'})
