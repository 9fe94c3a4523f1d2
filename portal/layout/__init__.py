"""What every public page shares: the site's settings, the main menu and the sidebar."""

from flask import render_template, request, url_for

from portal import clock
from portal.layout.sidebar import build_sidebar
from portal.services import menu, settings
from portal.web.page_cache import page_query


def render_page(template: str, *, live: bool = True, **context) -> str:
    """Render a full public page with the header, menu, sidebar and footer filled in.

    A page with ``live`` (all but error pages and the webmaster's preview) loads its live
    fragment, which counts the page view (``portal.widgets.routes_live``); an article page
    passes ``live_article``, the article whose views and rating the fragment brings.
    """
    context.setdefault("live_article", None)
    context |= {"site": settings.current(), "menu": menu.main_menu(), "sidebar": build_sidebar(clock.now()), "live": live}
    return render_template(template, **context)


def page_url(number: int) -> str:
    """The current page's address at page ``number``, keeping the page's own query arguments."""
    arguments = {**page_query(), **(request.view_args or {}), "page": number}
    return url_for(request.endpoint, **arguments)
