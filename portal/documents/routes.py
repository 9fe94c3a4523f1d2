from urllib.parse import urlsplit

from flask import Response, abort, current_app, redirect, render_template, url_for

from portal import clock

from portal.documents import bp
from portal.documents.listing import list_page
from portal.extensions import db
from portal.layout import render_page
from portal.models import Document
from portal.news.feeds import FEED_ITEMS, date_filters
from portal.services import documents, settings
from portal.web.page_cache import public_page


@bp.get("")
@public_page("loai", "co-quan", "linh-vuc", "nam", "q", "page")
def index():
    """The documents newest first, filtered by loại, cơ quan, lĩnh vực and year, or searched."""
    return list_page()


@bp.get("/rss")
@public_page()
def feed():
    """The documents newest added to the library, as RSS 2.0."""
    items = documents.newest(FEED_ITEMS)
    body = render_template("documents/rss.xml", site=settings.current(), documents=items,
                           site_host=urlsplit(current_app.config["SITE_URL"]).netloc,
                           built=items[0].created_at if items else clock.now(), **date_filters())  # fmt: skip
    return Response(body, mimetype="application/rss+xml")


@bp.get("/<slug>-<int:document_id>.html")
@public_page()
def document(slug: str, document_id: int):
    """One document: its fields, its files with their previews, what it relates to."""
    found = documents.visible_document(document_id)
    if found is None:
        abort(404)
    if slug != found.slug:
        return redirect(found.url, code=301)
    articles = db.session.execute(documents.citing(found)).scalars().all()
    related = found.relatives
    canonical = url_for("documents.document", slug=found.slug, document_id=found.id, _external=True)
    return render_page("documents/document.html", document=found, articles=articles, related=related,
                       canonical=canonical, structured=_structured_data(found, canonical))  # fmt: skip


def _structured_data(document: Document, canonical: str) -> dict:
    """schema.org's Legislation: the number, the date, the body that passed it, its type and files."""
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{document.type.name} {document.number}",
        "headline": document.title,
        "url": canonical,
        "legislationIdentifier": document.number,
        "legislationType": document.type.name,
        "legislationDate": document.issued_on.isoformat(),
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer.name},
        "legislationLegalForce": "InForce" if document.validity == "in_force" else "NotInForce",
        "inLanguage": "vi",
        "encoding": [
            {"@type": "MediaObject", "contentUrl": url_for("news.upload", filename=f.filename, _external=True),
             "encodingFormat": f.mime_type, "contentSize": f"{f.size} B"}  # fmt: skip
            for f in document.files
        ],
    }
    if document.effective_on:
        data["legislationDateOfApplicability"] = document.effective_on.isoformat()
    return data
