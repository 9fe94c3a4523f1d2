"""Polls: the list with their figures, a poll's question and choices, closing and deleting."""

from flask import flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.album_forms import PollForm
from portal.admin.common import actor, article_addresses, articles_field, ask_first
from portal.extensions import db
from portal.models import Article, Poll
from portal.services import polls

BACK = "admin.polls_list"


@bp.get("/tham-do")
def polls_list():
    """Every poll, the newest first, open or closed, with its voters."""
    return render_template("admin/polls.html", polls=polls.listing(), now=clock.now())


def _fields(form: PollForm) -> polls.PollFields | None:
    linked = articles_field(form.article_link)
    if linked is None:
        return None
    if len(linked) > 1:
        form.article_link.errors = ["Chỉ dán địa chỉ của một bài viết."]
        return None
    return polls.PollFields(form.question.data, form.multiple.data, form.closes_at.data, form.in_sidebar.data,
                            linked[0] if linked else None, form.labels)  # fmt: skip


@bp.route("/tham-do/moi", methods=["GET", "POST"])
@bp.route("/tham-do/<int:poll_id>", methods=["GET", "POST"])
def poll_edit(poll_id: int | None = None):
    """Add a poll, or change one (once voted in, only the wording of its choices)."""
    poll = db.get_or_404(Poll, poll_id) if poll_id else None
    form = PollForm(None, obj=poll) if request.method == "GET" else PollForm()
    if request.method == "GET" and poll:
        form.choices.data = "\n".join(choice.label for choice in poll.choices)
        form.article_link.data = article_addresses([poll_article]) if (poll_article := _article(poll)) else ""
    if form.validate_on_submit() and (fields := _fields(form)) is not None:
        try:
            saved = polls.save_poll(poll, fields, actor())
        except polls.PollError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Đã lưu cuộc thăm dò “{saved.question}”.", "success")
            return redirect(url_for(BACK))
    heading = "Sửa cuộc thăm dò ý kiến" if poll else "Cuộc thăm dò ý kiến mới"
    return render_template("admin/poll_form.html", form=form, poll=poll, heading=heading, back=url_for(BACK)), 422 if form.errors else 200


def _article(poll: Poll) -> Article | None:
    return db.session.get(Article, poll.article_id) if poll.article_id else None


@bp.route("/tham-do/<int:poll_id>/ket-thuc", methods=["GET", "POST"])
def poll_close(poll_id: int):
    """Ask, then stop the poll taking ballots: everyone then sees its results."""
    poll = db.get_or_404(Poll, poll_id)
    asking = ask_first(f"Kết thúc cuộc thăm dò “{poll.question}” ngay bây giờ?", "Kết thúc", url_for(BACK))
    if asking is not None:
        return asking
    polls.close_poll(poll, clock.now(), actor())
    flash(f"Đã kết thúc cuộc thăm dò “{poll.question}”.", "success")
    return redirect(url_for(BACK), code=303)


@bp.route("/tham-do/<int:poll_id>/xoa", methods=["GET", "POST"])
def poll_delete(poll_id: int):
    """Ask, then delete a poll with its ballots."""
    poll = db.get_or_404(Poll, poll_id)
    asking = ask_first(f"Xoá cuộc thăm dò “{poll.question}” cùng mọi phiếu?", "Xoá", url_for(BACK))
    if asking is not None:
        return asking
    question = poll.question
    polls.delete_poll(poll, actor())
    flash(f"Đã xoá cuộc thăm dò “{question}”.", "success")
    return redirect(url_for(BACK), code=303)
