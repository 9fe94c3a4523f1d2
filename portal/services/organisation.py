"""The organisation: units in a tree with their duties and contacts, the people in them, and
a person's vCard for a phone's contacts."""

from dataclasses import dataclass

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Person, Unit, User
from portal.services import audit
from portal.services.content import sanitise_html
from portal.services.media import PreparedUpload
from portal.services.ordering import move_in
from portal.text import slugify


class OrganisationError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class UnitFields:
    name: str
    slug: str
    parent_id: int | None
    duties: str
    address: str
    phone: str
    email: str
    name_en: str = ""
    duties_en: str = ""


@dataclass(frozen=True)
class PersonFields:
    name: str
    job_title: str
    is_leader: bool
    unit_id: int
    phone: str
    email: str
    position: int
    remove_photo: bool = False
    job_title_en: str = ""


def units_tree() -> list[tuple[Unit, int]]:
    """Every unit with its depth (0 at the top), each followed by the units under it, in order."""
    everything = list(db.session.execute(select(Unit).order_by(Unit.position, Unit.id)).scalars())
    ordered: list[tuple[Unit, int]] = []

    def add(parent_id: int | None, depth: int) -> None:
        for unit in (u for u in everything if u.parent_id == parent_id):
            ordered.append((unit, depth))
            add(unit.id, depth + 1)

    add(None, 0)
    return ordered


def unit_by_slug(slug: str) -> Unit | None:
    return db.session.execute(select(Unit).where(Unit.slug == slug)).scalar_one_or_none()


def leaders() -> list[Person]:
    """The leaders of every unit, the units in their order."""
    order = {unit.id: index for index, (unit, _depth) in enumerate(units_tree())}
    found = db.session.execute(select(Person).where(Person.is_leader)).scalars()
    return sorted(found, key=lambda person: (order.get(person.unit_id, 0), person.position, person.id))


def _unit_slug(unit: Unit, fields: UnitFields) -> str:
    slug = slugify(fields.slug or fields.name)
    if not slug:
        raise OrganisationError("name", "Tên đơn vị phải có ít nhất một chữ cái hoặc chữ số.")
    if db.session.execute(select(Unit.id).where(Unit.slug == slug, Unit.id != (unit.id or 0))).first():
        raise OrganisationError("slug", "Đường dẫn này đã có đơn vị khác dùng.")
    if fields.parent_id is not None:
        parent = db.session.get(Unit, fields.parent_id)
        if parent is None:
            raise OrganisationError("parent_id", "Đơn vị cấp trên không còn nữa.")
        chain = parent
        while chain is not None:
            if unit.id is not None and chain.id == unit.id:
                raise OrganisationError("parent_id", "Không thể xếp một đơn vị vào chính nó hay vào đơn vị trực thuộc nó.")
            chain = chain.parent
    return slug


def save_unit(unit: Unit | None, fields: UnitFields, actor: User | None) -> Unit:
    """Create (``unit`` None) or change a unit."""
    created = unit is None
    if created:
        last = db.session.execute(select(func.max(Unit.position))).scalar() or 0
        unit = Unit(position=last + 1)
    slug = _unit_slug(unit, fields)
    unit.name, unit.slug, unit.parent_id = fields.name.strip(), slug, fields.parent_id
    unit.duties, unit.address = sanitise_html(fields.duties), fields.address.strip()
    unit.phone, unit.email = fields.phone.strip(), fields.email.strip()
    unit.name_en, unit.duties_en = fields.name_en.strip(), sanitise_html(fields.duties_en)
    db.session.add(unit)
    db.session.flush()
    audit.record(actor, "create" if created else "update", "unit", unit.id, unit.name)
    db.session.commit()
    return unit


def move_unit(unit: Unit, step: int, actor: User) -> None:
    """Move a unit one place among the units beside it (step −1 up, +1 down)."""
    siblings = [u for u, _depth in units_tree() if u.parent_id == unit.parent_id]
    move_in(siblings, unit, step)
    audit.record(actor, "reorder", "unit", unit.id, unit.name)
    db.session.commit()


def delete_unit(unit: Unit, actor: User) -> None:
    if unit.children:
        raise OrganisationError("", f"Đơn vị “{unit.name}” còn đơn vị trực thuộc: hãy chuyển hoặc xoá chúng trước.")
    if unit.people:
        raise OrganisationError("", f"Đơn vị “{unit.name}” còn người: hãy chuyển họ sang đơn vị khác hoặc xoá trước.")
    audit.record(actor, "delete", "unit", unit.id, unit.name)
    db.session.delete(unit)
    db.session.commit()


def save_person(person: Person | None, fields: PersonFields, photo: PreparedUpload | None, actor: User | None) -> Person:
    """Create (``person`` None) or change someone; a new photo replaces the old one."""
    if db.session.get(Unit, fields.unit_id) is None:
        raise OrganisationError("unit_id", "Đơn vị này không còn nữa.")
    created = person is None
    person = person or Person()
    person.name, person.job_title, person.is_leader = fields.name.strip(), fields.job_title.strip(), fields.is_leader
    person.job_title_en = fields.job_title_en.strip()
    person.unit_id, person.position = fields.unit_id, fields.position
    person.phone, person.email = fields.phone.strip(), fields.email.strip()
    if fields.remove_photo:
        person.photo_id = None
    db.session.add(person)
    if photo is None:
        return _record_person(person, created, actor)
    with photo.stored() as media:
        db.session.flush()
        person.photo_id = media.id
        return _record_person(person, created, actor)


def _record_person(person: Person, created: bool, actor: User | None) -> Person:
    db.session.flush()
    audit.record(actor, "create" if created else "update", "person", person.id, person.name)
    db.session.commit()
    return person


def delete_person(person: Person, actor: User) -> None:
    audit.record(actor, "delete", "person", person.id, person.name)
    db.session.delete(person)
    db.session.commit()


# vCard ---------------------------------------------------------------------------------------


def _escaped(value: str) -> str:
    """A vCard text value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks escaped."""
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\r\n", "\\n").replace("\n", "\\n")


def _folded(line: str) -> str:
    """A content line cut into lines of at most 75 octets, each further one starting with a space,
    never inside a UTF-8 character (RFC 6350 §3.2)."""
    pieces, current = [], ""
    for character in line:
        limit = 75 if not pieces else 74
        if len((current + character).encode()) > limit:
            pieces.append(current)
            current = ""
        current += character
    pieces.append(current)
    return "\r\n ".join(pieces)


def vcard(person: Person, organisation: str, page_url: str) -> str:
    """The person as a vCard 3.0, which every phone's contacts read. A Vietnamese name is written
    family name first: the first word is the family name, the rest the given names."""
    family, _, given = person.name.strip().partition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escaped(family)};{_escaped(given)};;;",
        f"FN:{_escaped(person.name)}",
        f"ORG:{_escaped(organisation)};{_escaped(person.unit.name)}",
    ]
    if person.job_title:
        lines.append(f"TITLE:{_escaped(person.job_title)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escaped(person.phone)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_escaped(person.email)}")
    lines += [f"URL:{page_url}", "END:VCARD"]
    return "".join(_folded(line) + "\r\n" for line in lines)
