"""Chuyên đề and tags: the threads (created, edited with a cover, deleted), the tags (renamed,
merged; portal.services.topics keeps their old addresses), and the editor's tag suggestions."""

from flask import current_app, flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.common import actor, ask_first, image_limits
from portal.admin.forms import TagMergeForm, TagRenameForm, ThreadForm
from portal.extensions import db
from portal.models import Tag, Thread
from portal.services import topics
from portal.services.media import MediaError, prepare_image
from portal.web.fragments import wants_fragment
from portal.web.inputs import int_arg


@bp.get("/chuyen-de")
def threads_list():
    """Every chuyên đề, with the link to add one."""
    return render_template("admin/threads.html", threads=topics.threads(), now=clock.now())


@bp.route("/chuyen-de/moi", methods=["GET", "POST"])
@bp.route("/chuyen-de/<int:thread_id>", methods=["GET", "POST"])
def thread_edit(thread_id: int | None = None):
    """Add or change a chuyên đề, its cover uploaded and resized like every image."""
    thread = db.get_or_404(Thread, thread_id) if thread_id else None
    form = ThreadForm(None, obj=thread) if request.method == "GET" else ThreadForm(obj=thread)
    if form.validate_on_submit():
        saved = _save_thread(form, thread)
        if saved is not None:
            flash(f"Đã lưu chuyên đề “{saved.name}”.", "success")
            return redirect(url_for("admin.threads_list"))
    heading = f"Sửa chuyên đề “{thread.name}”" if thread else "Thêm chuyên đề"
    context = {"form": form, "heading": heading, "back": url_for("admin.threads_list"), "multipart": True, "thread": thread}
    return render_template("admin/thread_form.html", **context), 422 if form.errors else 200


def _save_thread(form: ThreadForm, thread: Thread | None) -> Thread | None:
    """Save from a valid form; None with the message on its field when refused."""
    cover = None
    if form.cover_file.data:
        try:
            cover = prepare_image(form.cover_file.data.stream, form.cover_alt.data or "", image_limits())
        except MediaError as error:
            form.cover_file.errors = [str(error)]
            return None
    fields = topics.ThreadFields(form.name.data, form.slug.data or "", form.description.data or "", form.starts_at.data,
                                 form.ends_at.data, form.on_home.data, form.remove_cover.data)  # fmt: skip
    try:
        return topics.save_thread(thread, fields, actor(), clock.now(), cover)
    except topics.TopicError as error:
        db.session.rollback()
        getattr(form, error.field).errors = [str(error)]
        return None


@bp.route("/chuyen-de/<int:thread_id>/xoa", methods=["GET", "POST"])
def thread_delete(thread_id: int):
    """Ask, then delete a chuyên đề (its articles stay)."""
    thread = db.get_or_404(Thread, thread_id)
    asking = ask_first(f"Xoá chuyên đề “{thread.name}”? Các bài viết vẫn còn, chỉ không thuộc chuyên đề này nữa.", "Xoá chuyên đề",
                       url_for("admin.threads_list"))  # fmt: skip
    if asking is not None:
        return asking
    name = thread.name
    topics.delete_thread(thread, actor())
    flash(f"Đã xoá chuyên đề “{name}”.", "success")
    return redirect(url_for("admin.threads_list"))


@bp.get("/the")
def tags_list():
    """The tags by name with their number of articles, searched without diacritics."""
    search = request.args.get("q", "")
    pagination = db.paginate(topics.tags_matching(search), page=int_arg("page", 1), per_page=current_app.config["ADMIN_PER_PAGE"] * 2,
                             error_out=False)  # fmt: skip
    counts = topics.article_counts([tag.id for tag in pagination.items])
    return render_template("admin/tags.html", pagination=pagination, search=search, counts=counts)


def _tag_page(tag: Tag, rename: TagRenameForm, merge: TagMergeForm, status: int = 200):
    return render_template("admin/tag.html", tag=tag, rename=rename, merge=merge, tag_names=topics.all_tag_names()), status


@bp.get("/the/<int:tag_id>")
def tag_edit(tag_id: int):
    """A tag's page: rename it, or merge it into another."""
    tag = db.get_or_404(Tag, tag_id)
    return _tag_page(tag, TagRenameForm(None, name=tag.name), TagMergeForm(None))


@bp.post("/the/<int:tag_id>/doi-ten")
def tag_rename(tag_id: int):
    """Rename a tag; its old address answers 301 to the new one."""
    tag = db.get_or_404(Tag, tag_id)
    form = TagRenameForm()
    if form.validate_on_submit():
        try:
            topics.rename_tag(tag, form.name.data, actor())
        except topics.TopicError as error:
            db.session.rollback()
            form.name.errors = [str(error)]
        else:
            flash(f"Đã đổi tên thẻ thành “{tag.name}”.", "success")
            return redirect(url_for("admin.tag_edit", tag_id=tag.id))
    return _tag_page(db.get_or_404(Tag, tag_id), form, TagMergeForm(None), 422)


@bp.post("/the/<int:tag_id>/gop")
def tag_merge(tag_id: int):
    """Merge a tag into another: its articles move, its address answers 301 to the other's."""
    tag = db.get_or_404(Tag, tag_id)
    form = TagMergeForm()
    if form.validate_on_submit():
        target = topics.tag_by_name(form.target.data)
        try:
            if target is None:
                raise topics.TopicError("target", "Không có thẻ nào tên như vậy.")
            name = tag.name
            topics.merge_tags(tag, target, actor())
        except topics.TopicError as error:
            db.session.rollback()
            form.target.errors = [str(error)]
        else:
            flash(f"Đã gộp thẻ “{name}” vào “{target.name}”.", "success")
            return redirect(url_for("admin.tag_edit", tag_id=target.id))
    return _tag_page(db.get_or_404(Tag, tag_id), TagRenameForm(None, name=tag.name), form, 422)


@bp.get("/the/goi-y")
def tag_suggestions():
    """The editor's tag suggestions: for htmx, the datalist's options completing the last tag
    typed in ``tags``; opened as a page, the existing tags it would suggest."""
    typed = request.args.get("tags", "")[:1000]
    names = topics.suggestions(typed)
    if not wants_fragment():
        response = current_app.make_response(render_template("admin/tag_suggestions.html", names=names, typed=typed))
    else:
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        response = current_app.make_response(render_template("admin/_tag_options.html", options=[before + name for name in names]))
    response.vary.add("HX-Request")
    return response
