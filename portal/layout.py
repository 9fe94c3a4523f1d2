"""What every public page shares: the site's settings, the main menu and the sidebar."""

from flask import render_template, request, url_for
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import SiteSettings
from portal.services.content import menu_categories
from portal.sidebar import build_sidebar


def site_settings() -> SiteSettings:
    """The settings row, or unsaved defaults before the webmaster has made one."""
    settings = db.session.execute(select(SiteSettings).limit(1)).scalar_one_or_none()
    return settings or SiteSettings(name="Cổng thông tin điện tử", visit_offset=0)


def render_page(template: str, **context) -> str:
    """Render a full public page with the header, menu, sidebar and footer filled in."""
    return render_template(
        template,
        site=site_settings(),
        menu=menu_categories(),
        sidebar=build_sidebar(clock.now()),
        **context,
    )


def page_url(number: int) -> str:
    """The current page's address at page ``number``, keeping its query string."""
    arguments = {**request.args.to_dict(), **(request.view_args or {}), "page": number}
    return url_for(request.endpoint, **arguments)


def wants_fragment() -> bool:
    """True when htmx asks for a widget alone: not a boosted link and not a history restore,
    which both need the whole page. Views that can answer both must send ``Vary: HX-Request``."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request
