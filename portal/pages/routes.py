"""The site's own pages, at the addresses their slugs make."""

from flask import abort, redirect, url_for

from portal.layout import render_page
from portal.pages import bp
from portal.services import pages
from portal.web.page_cache import public_page


@bp.get("/<page_path:path>")
@public_page()
def page(path: str):
    """One of the site's own pages, found by its slugs from the top; any other address is 404.
    Every other route of the site is more specific, so this one only answers what they do not."""
    if path.endswith("/"):
        return redirect(url_for("pages.page", path=path.rstrip("/")), code=301)
    found = pages.by_path(path)
    if found is None:
        abort(404)
    trail = [(above.title, above.path) for above in found.ancestors] + [(found.title, None)]
    english = pages.counterpart(found)
    return render_page("pages/page.html", page=found, trail=trail, counterpart=english.path if english else None)
