"""Hỏi đáp: the published questions and answers (/hoi-dap, by topic, searched without
diacritics), each at its own address, their feed, and the form to ask one."""

from urllib.parse import urlsplit

from flask import Response, abort, current_app, redirect, render_template, request

from portal import clock
from portal.citizens import bp, guard
from portal.citizens.contact import unit_choices
from portal.citizens.forms import QuestionForm
from portal.extensions import csrf, db, limiter
from portal.layout import render_page
from portal.news.feeds import FEED_ITEMS, date_filters
from portal.services import contact, questions, settings
from portal.web.inputs import int_arg
from portal.web.page_cache import page_query, public_page

TEMPLATE = "citizens/ask.html"
PER_PAGE = 10


@bp.get("/hoi-dap")
@public_page("chu-de", "q", "page")
def questions_list():
    """The published questions newest first, of one topic, holding the words searched for."""
    arguments = page_query()
    slug = arguments.get("chu-de")  # empty: every topic (the form's "Mọi chủ đề")
    topic = questions.topic_by_slug(slug) if slug else None
    if slug and topic is None:
        abort(404)
    words = arguments.get("q", "")[:200]
    pagination = db.paginate(questions.published(topic, words), page=int_arg("page", 1), per_page=PER_PAGE, error_out=False)
    if pagination.page > 1 and not pagination.items:
        abort(404)
    return render_page("citizens/questions.html", pagination=pagination, topic=topic, topics=questions.topics(), words=words)


@bp.get("/hoi-dap/<slug>-<int:question_id>.html")
@public_page()
def question(slug: str, question_id: int):
    """One question with its answer; the asker is never named."""
    found = questions.visible(question_id)
    if found is None:
        abort(404)
    if slug != found.slug:
        return redirect(found.url, code=301)
    return render_page("citizens/question.html", question=found)


@bp.get("/hoi-dap/rss")
@public_page()
def questions_feed():
    """The newest answered questions, as RSS 2.0."""
    items = questions.newest(FEED_ITEMS)
    body = render_template("citizens/rss.xml", site=settings.current(), questions=items,
                           site_host=urlsplit(current_app.config["SITE_URL"]).netloc,
                           built=items[0].published_at if items else clock.now(), **date_filters())  # fmt: skip
    return Response(body, mimetype="application/rss+xml")


def _form(data=None) -> QuestionForm:
    form = QuestionForm(formdata=data)
    form.unit_id.choices = unit_choices()
    form.topic_id.choices = [("", "(Chưa rõ chủ đề)")] + [(str(topic.id), topic.name) for topic in questions.topics()]
    return form


@bp.get("/hoi-dap/gui-cau-hoi")
@public_page()
def ask_form():
    """The empty form to ask a question."""
    return guard.form_page(TEMPLATE, _form())


@csrf.exempt
@bp.post("/hoi-dap/gui-cau-hoi")
@limiter.limit(guard.form_limit)
def question_send():
    """Store the question for the moderators and answer with its reference."""
    form = _form(request.form)
    refused = guard.checked(form)
    if refused:
        return guard.form_page(TEMPLATE, form, *refused)
    try:
        asked = questions.ask(form.submission(form.title.data, form.question.data), form.topic_id.data, clock.now())
    except contact.ContactError as error:
        db.session.rollback()
        getattr(form, error.field).errors = [str(error)]
        return guard.form_page(TEMPLATE, form, 422, guard.NOT_SENT)
    return render_page("citizens/question_sent.html", asked=asked, live=False), 200, {"Cache-Control": "no-store"}


guard.REFUSED_PAGES["citizens.question_send"] = lambda status, message: guard.form_page(TEMPLATE, _form(request.form), status, message)
