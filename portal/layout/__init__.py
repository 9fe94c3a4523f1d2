"""What every public page shares: the site's settings, the main menu and the sidebar; on the
English section's pages, its own menu and no sidebar (its blocks are the Vietnamese site's)."""

from urllib.parse import urlsplit

from flask import current_app, render_template, request, url_for

from portal import clock, i18n
from portal.layout.sidebar import build_sidebar
from portal.models.content import ENGLISH, VIETNAMESE
from portal.services import menu, settings
from portal.web.page_cache import page_query


def render_page(template: str, *, live: bool = True, counterpart: str | None = None, **context) -> str:
    """Render a full public page with the header, menu, sidebar and footer filled in.

    A page with ``live`` (all but error pages and the webmaster's preview) loads its live
    fragment, which counts the page view (``portal.widgets.routes_live``); an article page
    passes ``live_article``, the article whose views and rating the fragment brings. The
    fragment also brings the reader's own state of the open polls shown (``live_polls``): a
    page with a poll of its own (``poll_panel``) leaves the sidebar's out when it is the same.
    ``counterpart`` is the path of the same page in the other language, when there is one: the
    head links the two (``hreflang``) and the header's language switch leads there.
    """
    from portal.widgets.poll import page_panel  # not at the top: portal.widgets imports this package

    now, english = clock.now(), i18n.language() == ENGLISH
    context.setdefault("live_article", None)
    sidebar = None if english else build_sidebar(now)
    page_poll = context.setdefault("poll_panel", None)  # the page's own poll (an article's, a poll's page)
    shown_twice = page_poll is not None and sidebar is not None and sidebar.poll is not None and page_poll.poll.id == sidebar.poll.id
    sidebar_poll = None if shown_twice or sidebar is None else page_panel(sidebar.poll, now)
    live_polls = [panel.poll.id for panel in (page_poll, sidebar_poll) if panel is not None and panel.is_open]
    context |= {
        "site": settings.current(),
        "menu": menu.english_menu() if english else menu.main_menu(),
        "sidebar": sidebar,
        "sidebar_poll": sidebar_poll,
        "live_polls": live_polls,
        "live": live,
        "alternates": _alternates(request.path, counterpart, english),
        "other_language": counterpart or url_for("news.home" if english else "pages.english_home"),
    }
    return render_template(template, **context)


def _alternates(path: str, counterpart: str | None, english: bool) -> dict[str, str]:
    """The page and its counterpart by language, as absolute addresses; empty without one."""
    if counterpart is None:
        return {}
    here, there = (ENGLISH, VIETNAMESE) if english else (VIETNAMESE, ENGLISH)
    site = urlsplit(current_app.config["SITE_URL"])
    return {language: f"{site.scheme}://{site.netloc}{address}" for language, address in ((here, path), (there, counterpart))}


def page_url(number: int) -> str:
    """The current page's address at page ``number``, keeping the page's own query arguments."""
    arguments = {**page_query(), **(request.view_args or {}), "page": number}
    return url_for(request.endpoint, **arguments)
