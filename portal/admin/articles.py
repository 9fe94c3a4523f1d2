"""Articles: the list, create and edit (with a cover image), preview, delete."""

from flask import current_app, flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.common import actor, ask_first, image_limits
from portal.admin.forms import STATUS_CHOICES, STATUS_LABELS, ArticleForm, options
from portal.extensions import db
from portal.models import Article, ArticleStatus
from portal.news.article_page import render_article
from portal.services import categories, publishing
from portal.services.media import MediaError, PreparedUpload, prepare_image
from portal.web.inputs import int_arg

FIELD_FOR = {"cover_id": "cover_file"}  # service field → form field


def _category_choices() -> list[tuple[int, str]]:
    return [(c.id, ("— " if c.parent_id else "") + c.name) for c, _count in categories.ordered()]


@bp.get("/bai-viet")
def articles():
    """All articles, newest edits first, with search by title and filters."""
    search = request.args.get("q", "")
    category_id = int_arg("chuyen_muc", None)
    status = request.args.get("trang_thai", "")
    now = clock.now()
    query = publishing.article_list(now, search, category_id, status)
    pagination = db.paginate(query, page=int_arg("page", 1), per_page=current_app.config["ADMIN_PER_PAGE"], error_out=False)
    return render_template(
        "admin/articles.html", pagination=pagination, search=search, category_id=category_id, status=status,
        category_choices=_category_choices(), status_choices=STATUS_CHOICES, status_labels=STATUS_LABELS, now=now,
    )  # fmt: skip


def _input(form: ArticleForm) -> publishing.ArticleInput:
    return publishing.ArticleInput(
        title=form.title.data or "", slug=form.slug.data or "", summary=form.summary.data or "",
        body=form.body.data or "", category_id=form.category_id.data, cover_id=None,
        cover_caption=form.cover_caption.data or "", byline=form.byline.data or "",
        status=ArticleStatus(form.status.data), published_at=form.published_at.data,
    )  # fmt: skip


def _prepared_cover(form: ArticleForm) -> PreparedUpload | None:
    """The uploaded cover, checked; a refusal becomes an error on the field."""
    if not form.cover_file.data:
        return None
    try:
        return prepare_image(form.cover_file.data.stream, form.cover_alt.data or "", image_limits())
    except MediaError as error:
        form.cover_file.errors = [*form.cover_file.errors, str(error)]
        return None


def _save(form: ArticleForm, article: Article | None):
    """Validate, store, and redirect; or the form again with its errors (422)."""
    if form.validate_on_submit():
        data = _input(form)
        data.cover_id = None if (article is None or form.remove_cover.data) else article.cover_id
        cover = _prepared_cover(form)
        if not form.cover_file.errors:
            try:
                if article is None:
                    article = publishing.create_article(data, actor(), clock.now(), cover)
                else:
                    publishing.update_article(article, data, actor(), clock.now(), cover)
            except publishing.PublishingError as error:
                getattr(form, FIELD_FOR.get(error.field, error.field)).errors = [str(error)]
            else:
                flash(f"Đã lưu bài viết “{article.title}” ({STATUS_LABELS[article.status]}).", "success")
                return redirect(url_for("admin.article_edit", article_id=article.id))
    status = 422 if request.method == "POST" else 200
    live = article is not None and article.status_at(clock.now()) == ArticleStatus.PUBLISHED
    return render_template("admin/article_form.html", form=form, article=article, live=live), status


@bp.route("/bai-viet/moi", methods=["GET", "POST"])
def article_new():
    """Write a new article."""
    form = ArticleForm(None) if request.method == "GET" else ArticleForm()
    form.category_id.choices = options(_category_choices())
    return _save(form, None)


@bp.route("/bai-viet/<int:article_id>", methods=["GET", "POST"])
def article_edit(article_id: int):
    """Edit an article."""
    article = db.get_or_404(Article, article_id)
    form = ArticleForm(None, obj=article) if request.method == "GET" else ArticleForm(obj=article)
    if request.method == "GET":
        form.status.data = article.status_at(clock.now()).value
    form.category_id.choices = options(_category_choices())
    return _save(form, article)


@bp.get("/bai-viet/<int:article_id>/xem-truoc")
def article_preview(article_id: int):
    """The article page as visitors will see it, drafts and scheduled ones included."""
    article = db.get_or_404(Article, article_id)
    db.session.expunge(article)  # shown only: nothing set below may reach the database
    article.published_at = article.published_at or clock.now()
    return render_article(article, preview=True)


@bp.route("/bai-viet/<int:article_id>/xoa", methods=["GET", "POST"])
def article_delete(article_id: int):
    """Ask, then delete an article (an htmx dialog, or a page without JavaScript)."""
    article = db.get_or_404(Article, article_id)
    asking = ask_first(f"Xoá bài viết “{article.title}”? Không thể hoàn tác.", "Xoá bài viết", url_for("admin.articles"))
    if asking is not None:
        return asking
    title = article.title
    publishing.delete_article(article, actor())
    flash(f"Đã xoá bài viết “{title}”.", "success")
    return redirect(url_for("admin.articles"))
