"""The site's own settings: one row, edited by the webmaster."""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class SiteSettings(db.Model):
    __tablename__ = "site_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="Cổng thông tin điện tử")
    tagline: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    footer: Mapped[str] = mapped_column(Text, default="")
    visit_offset: Mapped[int] = mapped_column(default=0, server_default="0")


class ContentVersion(db.Model):
    """One row whose number goes up whenever content a public page shows is saved: the
    signal that lets every worker drop the page parts it keeps (``portal.page_parts``)."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0, server_default="0")
