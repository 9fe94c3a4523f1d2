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
    passes ``live_article``, the article whose views and rating the fragment brings. The
    fragment also brings the reader's own state of the open polls shown (``live_polls``): a
    page with a poll of its own (``poll_panel``) leaves the sidebar's out when it is the same.
    """
    from portal.widgets.poll import page_panel  # not at the top: portal.widgets imports this package

    now = clock.now()
    context.setdefault("live_article", None)
    sidebar = build_sidebar(now)
    page_poll = context.setdefault("poll_panel", None)  # the page's own poll (an article's, a poll's page)
    shown_twice = page_poll is not None and sidebar.poll is not None and page_poll.poll.id == sidebar.poll.id
    sidebar_poll = None if shown_twice else page_panel(sidebar.poll, now)
    live_polls = [panel.poll.id for panel in (page_poll, sidebar_poll) if panel is not None and panel.is_open]
    context |= {"site": settings.current(), "menu": menu.main_menu(), "sidebar": sidebar, "live": live,
                "sidebar_poll": sidebar_poll, "live_polls": live_polls}  # fmt: skip
    return render_template(template, **context)


def page_url(number: int) -> str:
    """The current page's address at page ``number``, keeping the page's own query arguments."""
    arguments = {**page_query(), **(request.view_args or {}), "page": number}
    return url_for(request.endpoint, **arguments)
