"""What every public page shares: the site's settings, the main menu and the sidebar."""

from flask import render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from portal import clock, counting
from portal.extensions import db
from portal.models import Article, SiteSettings
from portal.services.content import menu_categories
from portal.sidebar import build_sidebar


def site_settings() -> SiteSettings:
    """The settings row, or unsaved defaults before the webmaster has made one."""
    settings = db.session.execute(select(SiteSettings).limit(1)).scalar_one_or_none()
    return settings or SiteSettings(name="Cổng thông tin điện tử", visit_offset=0)


def render_page(template: str, *, counted: bool = True, views_of: Article | None = None, **context) -> str:
    """Render a full public page with the header, menu, sidebar and footer filled in.

    Rendering a page is what counts a page view (see portal.counting); error pages pass
    ``counted=False``. ``views_of`` is the article this page shows: its views go up by one.
    """
    if counted:
        view = counting.count_page_view(views_of.id if views_of else None)
        if view and views_of and view.article_views is not None:
            set_committed_value(views_of, "view_count", view.article_views)  # fresh, not a pending change
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

