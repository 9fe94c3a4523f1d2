"""Moderating Hỏi đáp: the questions waiting first; publishing one with its answer, or not
(for quản trị: the questions hold the askers' personal details)."""

from flask import abort, flash, g, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.common import actor
from portal.admin.forms import options
from portal.admin.page_forms import QuestionModerationForm
from portal.extensions import db
from portal.models import Question, QuestionStatus
from portal.services import contact, organisation, questions
from portal.web.inputs import int_arg

PUBLISH, REJECT = "dang", "khong-dang"


@bp.get("/hoi-dap")
def questions_moderation():
    """The questions, those waiting first, filtered by state."""
    status = request.args.get("trang-thai") or None
    g.page_query = {"trang-thai": status} if status else {}  # kept by the pager
    page = db.paginate(questions.moderation_list(status), page=int_arg("page", 1), per_page=50, error_out=False)
    return render_template("admin/questions.html", page=page, status=status, statuses=list(QuestionStatus), waiting=questions.count_waiting())


@bp.route("/hoi-dap/<int:question_id>", methods=["GET", "POST"])
def question_moderate(question_id: int):
    """One question with its asker: publish it with the answer, or not."""
    question = db.get_or_404(Question, question_id)
    form = QuestionModerationForm(None, obj=question) if request.method == "GET" else QuestionModerationForm(obj=question)
    form.topic_id.choices = options([("", "(Chưa có chủ đề)"), *((topic.id, topic.name) for topic in questions.topics())])
    form.unit_id.choices = options([("", "(Không ghi đơn vị)"), *((u.id, "— " * depth + u.name) for u, depth in organisation.units_tree())])
    if form.validate_on_submit():
        pressed = request.form.get("thao_tac")
        if pressed not in (PUBLISH, REJECT):
            abort(400)
        try:
            if pressed == PUBLISH:
                questions.publish(question, form.title.data, form.question.data, form.answer.data or "", form.topic_id.data,
                                  form.unit_id.data, actor(), clock.now())  # fmt: skip
            else:
                questions.reject(question, actor())
        except contact.ContactError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Đã {'đăng' if pressed == PUBLISH else 'không đăng'} câu hỏi {question.reference}.", "success")
            return redirect(url_for("admin.question_moderate", question_id=question.id))
    return render_template("admin/question.html", question=question, form=form), 422 if form.errors else 200
