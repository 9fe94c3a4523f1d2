"""Articles: the list, writing and editing (with a cover image and the moves along the article's
path), preview, the bin."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from portal import clock
from portal.admin import bp
from portal.admin.attachment_forms import SHOWN, changes_from_form
from portal.admin.common import actor, ask_first, attachment_folder, image_limits
from portal.admin.forms import STATUS_CHOICES, ArticleForm, ConfirmForm, options
from portal.extensions import db
from portal.models import Article, ArticleAttachment, ArticleStatus, Category, Document, DocumentStatus
from portal.models.content import PUBLIC_STATES, VIETNAMESE
from portal.news.article_page import render_article
from portal.services import autosave, categories, featured, housekeeping, publishing, rights, topics, workflow
from portal.services.media import MediaError, PreparedUpload, prepare_image
from portal.services.workflow import Move
from portal.web.inputs import bounded_int, int_arg
from portal.web.stored_files import send_stored

FIELD_FOR = {"cover_id": "cover_file"}  # service field → form field
SAVE = "save"  # the plain "Lưu" button; the others are the moves of portal.services.workflow


@bp.before_request
def keep_up():
    """The site's own moves, without cron (portal.services.housekeeping.keep_up): any signed-in
    admin request records the scheduled articles that went live and, at most once an hour per
    process, empties the bin of what is due."""
    if current_user.is_authenticated:
        state = current_app.extensions.setdefault("portal.workflow", {})
        state["purged_at"] = housekeeping.keep_up(clock.now(), state.get("purged_at"))


def readable_article(article_id: int) -> Article:
    """The article if the signed-in account may open it; 404 otherwise (as if it did not exist)."""
    article = db.get_or_404(Article, article_id)
    if not workflow.may_read(actor(), article):
        abort(404)
    return article


def _category_choices() -> list[tuple[int, str]]:
    """The categories the account may write in, as select options."""
    allowed = rights.category_ids(actor())
    ordered = [(c, count) for c, count in categories.ordered() if allowed is None or c.id in allowed]
    return [(c.id, ("— " if c.parent_id else "") + c.name) for c, _count in ordered]


@bp.get("/bai-viet")
def articles():
    """The articles the account may open, latest change first, with search by title and filters."""
    search = request.args.get("q", "")
    category_id = int_arg("chuyen_muc", None)
    status = request.args.get("trang_thai", "")
    now = clock.now()
    query = publishing.article_list(actor(), now, search, category_id, status)
    pagination = db.paginate(query, page=int_arg("page", 1), per_page=current_app.config["ADMIN_PER_PAGE"], error_out=False)
    return render_template(
        "admin/articles.html", pagination=pagination, search=search, category_id=category_id, status=status,
        category_choices=_category_choices(), status_choices=STATUS_CHOICES, now=now, days_left=housekeeping.days_left_in_bin,
        **featured_context(now),
    )  # fmt: skip


def _document_choices(form: ArticleForm) -> None:
    """The library's published documents, newest first, to be cited under the article."""
    query = select(Document).where(Document.status == DocumentStatus.PUBLISHED).order_by(Document.issued_on.desc(), Document.id.desc())
    form.document_ids.choices = options((d.id, f"{d.number} – {d.title}"[:140]) for d in db.session.execute(query).scalars())


def featured_context(now) -> dict:
    """What the list's tiêu điểm panel and its pin buttons need (portal.admin.featured renders it alone too)."""
    pins = featured.current(now)
    user = actor()
    return {
        "pins": pins, "pinned_ids": {pin.article_id for pin in pins}, "featured_max": current_app.config["FEATURED_MAX"],
        "may_arrange": lambda article: rights.may_approve_in(user, article.category_id),
        "may_feature": lambda article: rights.may_approve_in(user, article.category_id) and article.status_at(now) == ArticleStatus.PUBLISHED,
    }  # fmt: skip


def _input(form: ArticleForm) -> publishing.ArticleInput:
    return publishing.ArticleInput(
        title=form.title.data or "", slug=form.slug.data or "", summary=form.summary.data or "",
        body=form.body.data or "", category_id=form.category_id.data, cover_id=None,
        cover_caption=form.cover_caption.data or "", byline=form.byline.data or "", published_at=form.published_at.data,
        document_ids=form.document_ids.data if request.form.get(SHOWN) else None,
        expires_at=form.expires_at.data, tags=form.tags.data or "", thread_ids=[i for i in form.thread_ids.data or [] if i],
    )  # fmt: skip


def _action(form: ArticleForm) -> publishing.Action:
    """The button pressed: "Lưu" or one of the moves; anything else is a forged request."""
    pressed = request.form.get("thao_tac", SAVE)
    if pressed != SAVE and pressed not in Move.__members__.values():
        abort(400)
    move = None if pressed == SAVE else Move(pressed)
    return publishing.Action(move, bounded_int(form.version.data, 1), form.comment.data or "")


def _prepared_cover(form: ArticleForm) -> PreparedUpload | None:
    """The uploaded cover, checked; a refusal becomes an error on the field."""
    if not form.cover_file.data:
        return None
    try:
        return prepare_image(form.cover_file.data.stream, form.cover_alt.data or "", image_limits())
    except MediaError as error:
        form.cover_file.errors = [*form.cover_file.errors, str(error)]
        return None


def _store(form: ArticleForm, article: Article | None, translation_of: Article | None = None) -> tuple[Article | None, int]:
    """Save from a valid form: the article, or None and the status of the refusal (its message
    set on the form); a new article may be the English version of ``translation_of``."""
    data = _input(form)
    data.cover_id = None if (article is None or form.remove_cover.data) else article.cover_id
    cover = _prepared_cover(form)
    data.attachments = changes_from_form(form, article)
    if form.cover_file.errors or form.attachment_files.errors:
        return None, 422
    try:
        if article is None:
            return publishing.create_article(data, actor(), clock.now(), _action(form), cover, translation_of), 302
        return publishing.save_article(article, data, actor(), clock.now(), _action(form), cover), 302
    except workflow.Forbidden:
        abort(403)
    except (workflow.StaleArticle, workflow.WrongState) as error:
        form.form_errors.append(str(error))
        return None, error.status
    except (publishing.PublishingError, workflow.WorkflowError) as error:
        getattr(form, FIELD_FOR.get(error.field, error.field) if error.field else "comment").errors = [str(error)]
        return None, 422


def _refuse_other_categories(form: ArticleForm) -> None:
    """A category that exists but is not offered to this account can only come from a forged
    request: 403, before anything is read or written (an unknown one is a form error)."""
    posted = bounded_int(request.form.get("category_id"), 1)  # not a usable id: the form says so
    offered = {choice.value for choice in form.category_id.choices}
    if posted is not None and posted not in offered and db.session.get(Category, posted) is not None:
        abort(403)


def _save(form: ArticleForm, article: Article | None, translation_of: Article | None = None):
    """Validate, store, and redirect; or the form again with its errors (422, 409)."""
    if request.method == "POST":
        _refuse_other_categories(form)
    status = 422 if request.method == "POST" else 200
    if form.validate_on_submit():
        saved, status = _store(form, article, translation_of)
        if saved is not None:
            flash(f"Đã lưu bài viết “{saved.title}” ({ArticleStatus(saved.status_at(clock.now())).label}).", "success")
            return redirect(url_for("admin.article_edit", article_id=saved.id))
        if article is not None:
            db.session.refresh(article)
    return _form_page(form, article, translation_of), status


def _form_page(form: ArticleForm, article: Article | None, translation_of: Article | None = None) -> str:
    user, now = actor(), clock.now()
    kept = autosave.latest(user, article.id if article else None)
    if kept is not None and article is not None and kept.saved_at <= article.updated_at:
        kept = None  # saved since: nothing to recover
    context = {"form": form, "article": article, "autosaved": kept, "now": now, "translation_of": translation_of,
               "tag_names": topics.all_tag_names()}  # fmt: skip
    if article is not None:
        context |= {
            "live": article.status_at(now) == ArticleStatus.PUBLISHED,
            "moves": workflow.moves_for(user, article),
            "editable": workflow.may_edit(user, article),
            "returned": workflow.last_comment(article) if article.status == ArticleStatus.RETURNED else None,
            "others": autosave.others_typing(user, article.id, now),
        }
    else:
        context |= {"moves": [Move.SUBMIT, *([Move.PUBLISH] if not user.is_writer else [])], "editable": True}
    return render_template("admin/article_form.html", labels={m: workflow.RULES[m].label for m in Move}, **context)


def _recovered(form: ArticleForm, article: Article | None) -> None:
    """Fill the form from the person's autosave, when they asked for it (?tu-luu=1)."""
    kept = autosave.latest(actor(), article.id if article else None)
    if kept is None or request.args.get("tu-luu") != "1":
        return
    fields = autosave.fields_of(kept)
    for name in ("title", "slug", "summary", "body", "cover_caption", "byline", "comment", "tags"):
        getattr(form, name).data = fields.get(name, "")
    form.category_id.data = bounded_int(str(fields.get("category_id") or ""), 1)
    form.published_at.process_formdata([fields["published_at"]] if fields.get("published_at") else [])
    form.published_at.errors = []
    flash(f"Đã đưa bản tự lưu lúc {kept.saved_at:%H:%M:%S %d/%m/%Y} vào biểu mẫu: kiểm tra rồi bấm “Lưu” để giữ.", "success")


@bp.route("/bai-viet/moi", methods=["GET", "POST"])
def article_new():
    """Write a new article."""
    form = ArticleForm(None) if request.method == "GET" else ArticleForm()
    form.category_id.choices = options(_category_choices())
    _document_choices(form)
    form.thread_ids.choices = _thread_choices()
    if request.method == "GET":
        _recovered(form, None)
    return _save(form, None)


def _thread_choices():
    return options((thread.id, thread.name) for thread in topics.threads())


@bp.route("/bai-viet/<int:article_id>", methods=["GET", "POST"])
def article_edit(article_id: int):
    """Edit an article, or move it along its path (the buttons under the form)."""
    article = readable_article(article_id)
    form = ArticleForm(None, obj=article) if request.method == "GET" else ArticleForm(obj=article)
    if request.method == "POST" and bounded_int(request.form.get("version"), 1) is None:
        abort(400)  # every edit form carries the version it was opened at (without it obj= would fill today's)
    form.thread_ids.choices = _thread_choices()
    if request.method == "GET":
        form.version.data = article.version
        form.document_ids.data = [document.id for document in article.documents]
        form.tags.data, form.thread_ids.data = topics.tags_text(article.id), topics.thread_ids(article.id)
        if article.status not in PUBLIC_STATES and article.published_at is not None and article.published_at <= clock.now():
            form.published_at.data = None  # an old date of an unpublished article is no time to publish at
        _recovered(form, article)
    form.category_id.choices = options(_category_choices())
    _document_choices(form)
    if article.category_id not in {choice.value for choice in form.category_id.choices}:
        form.category_id.choices.insert(0, options([(article.category_id, article.category.name)])[0])
    return _save(form, article)


@bp.route("/bai-viet/<int:article_id>/ban-tieng-anh", methods=["GET", "POST"])
def article_translate(article_id: int):
    """Write the English version of a Vietnamese article, from its text; if it has one, edit that."""
    original = readable_article(article_id)
    if original.language != VIETNAMESE:
        abort(404)
    if original.translation is not None:
        return redirect(url_for("admin.article_edit", article_id=original.translation.id))
    form = ArticleForm(None, obj=original) if request.method == "GET" else ArticleForm()
    if request.method == "GET":
        form.slug.data, form.published_at.data = "", None  # made from the English title; published when approved
    form.category_id.choices = options(_category_choices())
    return _save(form, None, translation_of=original)


def _attachment_of(article_id: int, attachment_id: int) -> ArticleAttachment:
    """A file of an article the account may open (taken off or not: the history lists those too)."""
    article = readable_article(article_id)
    found = db.get_or_404(ArticleAttachment, attachment_id)
    if found.article_id != article.id:
        abort(404)
    return found


@bp.get("/bai-viet/<int:article_id>/dinh-kem/<int:attachment_id>")
def article_attachment(article_id: int, attachment_id: int):
    """An attached file as a download, whatever the article's state (its form, its preview)."""
    return send_stored(attachment_folder(), _attachment_of(article_id, attachment_id))


@bp.get("/bai-viet/<int:article_id>/dinh-kem/<int:attachment_id>/trang-<int:page>.png")
def article_attachment_page(article_id: int, attachment_id: int, page: int):
    """The picture of a page of an attached PDF, for the article's preview."""
    return send_stored(attachment_folder(), _attachment_of(article_id, attachment_id), page)


@bp.get("/bai-viet/<int:article_id>/xem-truoc")
def article_preview(article_id: int):
    """The article page as visitors will see it, whatever its state."""
    article = readable_article(article_id)
    article.attachments  # noqa: B018  (loaded while the article is in the session)
    db.session.expunge(article)  # shown only: nothing set below may reach the database
    article.published_at = article.published_at or clock.now()
    return render_article(article, preview=True)


def _moved(article: Article, move: Move, message: str):
    """Make a move asked for on a confirmation page; 403 if the account may not."""
    try:
        workflow.move(article, move, actor(), clock.now(), None)
    except workflow.Forbidden:
        abort(403)
    except workflow.WrongState as refused:
        flash(str(refused), "error")
        return redirect(url_for("admin.article_edit", article_id=article.id))
    flash(message, "success")
    return redirect(url_for("admin.articles", trang_thai=ArticleStatus.TRASHED.value if move == Move.TRASH else None))


@bp.route("/bai-viet/<int:article_id>/xoa", methods=["GET", "POST"])
def article_delete(article_id: int):
    """Ask, then move an article to the bin (an htmx dialog, or a page without JavaScript)."""
    article = readable_article(article_id)
    question = f"Chuyển bài “{article.title}” vào thùng rác? Bài không còn hiện trên trang; khôi phục được trong {housekeeping.BIN_DAYS} ngày."
    asking = ask_first(question, "Chuyển vào thùng rác", url_for("admin.article_edit", article_id=article.id))
    if asking is not None:
        return asking
    return _moved(article, Move.TRASH, f"Đã chuyển bài “{article.title}” vào thùng rác.")


@bp.post("/bai-viet/<int:article_id>/khoi-phuc")
def article_untrash(article_id: int):
    """Take an article out of the bin, as a draft."""
    article = readable_article(article_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return _moved(article, Move.RESTORE, f"Đã khôi phục bài “{article.title}” thành bản nháp.")


@bp.route("/bai-viet/<int:article_id>/xoa-han", methods=["GET", "POST"])
def article_purge(article_id: int):
    """Ask, then delete an article in the bin for good (quản trị only, see services.rights)."""
    article = readable_article(article_id)
    asking = ask_first(f"Xoá hẳn bài “{article.title}”? Không thể hoàn tác.", "Xoá hẳn", url_for("admin.articles", trang_thai="trashed"))
    if asking is not None:
        return asking
    title = article.title
    try:
        housekeeping.purge(article, actor())
    except workflow.WrongState as refused:
        flash(str(refused), "error")
        return redirect(url_for("admin.article_edit", article_id=article.id))
    flash(f"Đã xoá hẳn bài “{title}”.", "success")
    return redirect(url_for("admin.articles", trang_thai=ArticleStatus.TRASHED.value))
