"""Ratings and counters: each article's count and average with a reset, the visit offset and
the record online."""

from flask import current_app, flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.common import actor, ask_first
from portal.admin.forms import OffsetForm, OnlineRecordForm
from portal.counters import counting, statistics
from portal.extensions import db
from portal.models import Article
from portal.services import ratings as ratings_service
from portal.services import settings
from portal.web.inputs import int_arg


def _page(offset_form: OffsetForm | None = None, record_form: OnlineRecordForm | None = None, status: int = 200):
    counters = counting.current_counters()
    record = counters.record if counters else None
    if offset_form is None:
        offset_form = OffsetForm(None, visit_offset=settings.visit_offset())
    if record_form is None:
        record_form = OnlineRecordForm(None, visitors=record.visitors if record else 0, at=record.at if record else clock.now())
    search = request.args.get("q", "")
    pagination = db.paginate(
        ratings_service.rated_articles(search), page=int_arg("page", 1), per_page=current_app.config["ADMIN_PER_PAGE"], error_out=False
    )
    return render_template(
        "admin/ratings.html", pagination=pagination, search=search, offset_form=offset_form,
        record_form=record_form, record=record, statistics_url=url_for("stats.page"),
    ), status  # fmt: skip


@bp.get("/danh-gia")
def ratings():
    """Per-article rating counts and averages, and the counters' starting offset."""
    return _page()


@bp.post("/bo-dem")
def counters_offset():
    """Set the number added to the visit total (a migrated site keeps its old count)."""
    form = OffsetForm()
    if not form.validate_on_submit():
        return _page(offset_form=form, status=422)
    settings.save({"visit_offset": form.visit_offset.data}, actor())
    flash("Đã lưu số lượt truy cập ban đầu.", "success")
    return redirect(url_for("admin.ratings"))


@bp.post("/bo-dem/cao-nhat")
def online_record():
    """Correct the record of visitors online at once (logged)."""
    form = OnlineRecordForm()
    if not form.validate_on_submit():
        return _page(record_form=form, status=422)
    statistics.correct_online_record(counting.store(), form.visitors.data, form.at.data, actor())
    flash("Đã sửa số người online cao nhất.", "success")
    return redirect(url_for("admin.ratings"))


@bp.route("/danh-gia/<int:article_id>/dat-lai", methods=["GET", "POST"])
def rating_reset(article_id: int):
    """Ask, then set an article's rating back to no votes (logged)."""
    article = db.get_or_404(Article, article_id)
    question = f"Đặt lại đánh giá của bài “{article.title}” ({article.rating_count} lượt) về 0?"
    asking = ask_first(question, "Đặt lại đánh giá", url_for("admin.ratings"))
    if asking is not None:
        return asking
    ratings_service.reset_rating(article, actor())
    flash(f"Đã đặt lại đánh giá của bài “{article.title}”.", "success")
    return redirect(url_for("admin.ratings"))
