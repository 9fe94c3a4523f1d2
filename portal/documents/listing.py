"""The /van-ban list: reading its filters from the address, then one page of the table."""

from flask import abort, current_app, request

from portal.extensions import db
from portal.layout import render_page
from portal.models import TermKind
from portal.services import documents
from portal.services import search as search_service
from portal.services.search import ResultPage
from portal.web.inputs import int_arg

FILTERS = (("loai", TermKind.TYPE), ("co-quan", TermKind.ISSUER), ("linh-vuc", TermKind.FIELD))


def _unknown_entry(lists: dict) -> str | None:
    """The message for a filter naming no entry of its list (an old or mistyped address)."""
    for argument, kind in FILTERS:
        slug = request.args.get(argument, "")
        if slug and slug not in {term.slug for term in lists[kind]}:
            return f"Không có {kind.label.lower()} «{slug[:80]}» trong thư viện văn bản. Hãy chọn lại trong danh sách."
    return None


def list_page():
    """The table of documents, or of the documents matching ``q``, one page of it; a filter naming
    nothing known gets the form again with a message (404), a bad year or query 400."""
    lists = {kind: documents.terms_of(kind) for _, kind in FILTERS}
    args = {argument: request.args.get(argument, "") for argument, _ in FILTERS}
    filters = documents.Filters(args["loai"], args["co-quan"], args["linh-vuc"], int_arg("nam", None, minimum=1945, maximum=2100))
    raw = request.args.get("q", "", type=str)
    page = int_arg("page", 1)
    per_page = current_app.config["DOCUMENTS_PER_PAGE"]
    context = {"lists": lists, "years": documents.years(), "filters": filters, "query": raw, "error": None, "terms": []}
    if unknown := _unknown_entry(lists):
        return render_page("documents/list.html", **(context | {"error": unknown}), pagination=None), 404
    query = documents.listing(filters)
    if raw.strip():
        try:
            context["terms"] = search_service.parse_query(raw)
        except search_service.InvalidQuery as invalid:
            return render_page("documents/list.html", **(context | {"error": str(invalid)}), pagination=None), 400
        ids = documents.ranked_ids(context["terms"], db.session.get_bind().dialect.name, query)
        shown = documents.documents_by_id(ids[(page - 1) * per_page : page * per_page])
        ranking = search_service.Ranking(ids=ids, total=len(ids), more=False, limit=documents.RESULT_LIMIT)
        pagination = ResultPage(ranking, shown, page, per_page)
    else:
        pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    if page > 1 and page > pagination.pages:
        abort(404)
    return render_page("documents/list.html", **context, pagination=pagination)
