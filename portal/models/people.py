"""The organisation: units in a tree (Ban Tuyên giáo, Văn phòng …) with their duties and
contacts, and the people who work in them, leaders first."""

from sqlalchemy import ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db


class Unit(db.Model):
    """A unit of the organisation; ``parent_id`` puts it under another. Its page is
    ``/to-chuc/<slug>``."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    duties: Mapped[str] = mapped_column(Text, default="", server_default="")  # sanitised HTML
    # The English section's (/en/organisation): empty, the Vietnamese is shown there, marked as such.
    name_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    duties_en: Mapped[str] = mapped_column(Text, default="", server_default="")  # sanitised HTML
    address: Mapped[str] = mapped_column(String(300), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(50), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")

    parent: Mapped["Unit | None"] = relationship(remote_side=[id], back_populates="children", lazy="joined", join_depth=4)
    children: Mapped[list["Unit"]] = relationship(back_populates="parent", order_by="(Unit.position, Unit.id)", lazy="selectin")
    # Leaders first, then in the webmaster's order.
    people: Mapped[list["Person"]] = relationship(
        back_populates="unit", order_by=lambda: (Person.is_leader.desc(), Person.position, Person.id), lazy="selectin"
    )

    @property
    def ancestors(self) -> list["Unit"]:
        """The units above this one, from the top."""
        chain, unit = [], self.parent
        while unit is not None:
            chain.insert(0, unit)
            unit = unit.parent
        return chain


class Person(db.Model):
    """Someone of a unit: its leaders (``is_leader``) come first, then ``position`` orders them."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    job_title: Mapped[str] = mapped_column(String(200), default="", server_default="")  # chức vụ
    job_title_en: Mapped[str] = mapped_column(String(200), default="", server_default="")  # for /en/organisation
    is_leader: Mapped[bool] = mapped_column(default=False, server_default=false())
    photo_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    phone: Mapped[str] = mapped_column(String(50), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position: Mapped[int] = mapped_column(default=0, server_default="0")

    unit: Mapped[Unit] = relationship(back_populates="people", lazy="joined")
    photo = relationship("Media", lazy="joined")
