"""Photo albums: the list (/anh), an album as a grid (/anh/<slug>) and each photo at its own
address (/anh/<slug>/<n>) with the previous and next photo as plain links."""

from flask import abort, current_app

from portal.extensions import db
from portal.layout import render_page
from portal.news import bp
from portal.services import albums
from portal.web.page_cache import public_page


@bp.get("/anh", defaults={"page": 1})
@bp.get("/anh/trang-<int:page>")
@public_page()
def albums_list(page: int):
    """The published albums, the newest event first."""
    pagination = db.paginate(albums.published(), page=page, per_page=current_app.config["ALBUMS_PER_PAGE"], error_out=False)
    if page < 1 or (page > 1 and page > pagination.pages):
        abort(404)
    return render_page("news/albums.html", pagination=pagination)


@bp.get("/anh/<slug>")
@public_page()
def album(slug: str):
    """An album's photos as a grid, each leading to its own page."""
    found = albums.visible_album(slug) or abort(404)
    return render_page("news/album.html", album=found)


@bp.get("/anh/<slug>/<int:number>")
@public_page()
def photo(slug: str, number: int):
    """One photo large, with links to the previous and the next."""
    found = albums.visible_album(slug) or abort(404)
    shown = albums.photo_at(found, number) or abort(404)
    return render_page("news/photo.html", album=found, photo=shown, number=number, count=len(found.photos))
