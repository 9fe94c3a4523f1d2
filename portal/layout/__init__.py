"""What every public page shares: the site's settings, the main menu and the sidebar."""

from flask import render_template, request, url_for

from portal import clock
from portal.counters import counting
from portal.layout import page_parts
from portal.layout.sidebar import build_sidebar
from portal.layout.skeleton import render_kept
from portal.models import SiteSettings
from portal.services import settings
from portal.services.content import menu_categories


def site_settings() -> SiteSettings:
    """The site's settings (``portal.services.settings``), kept per content version."""
    return page_parts.kept("site", settings.current)


def render_page(template: str, *, counted: bool = True, kept_as: tuple | None = None, **context) -> str | bytes:
    """Render a full public page with the header, menu, sidebar and footer filled in.

    Rendering a page is what counts a page view (see portal.counters.counting); error pages pass
    ``counted=False``. The article page counts its own view first, with the article's id.
    A page given ``kept_as`` (its key among the template's pages) is filled into its kept
    skeleton (``portal.layout.skeleton``) instead of rendered whole.
    """
    if counted:
        counting.count_page_view()
    context |= {
        "site": site_settings(),
        "menu": page_parts.kept("menu", menu_categories),
        "sidebar": build_sidebar(clock.now()),
    }
    if kept_as is not None:
        return render_kept(template, kept_as, **context)
    return render_template(template, **context)


def page_url(number: int) -> str:
    """The current page's address at page ``number``, keeping its query string."""
    arguments = {**request.args.to_dict(), **(request.view_args or {}), "page": number}
    return url_for(request.endpoint, **arguments)

