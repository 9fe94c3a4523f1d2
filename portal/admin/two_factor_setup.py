"""One's own two-factor sign-in: set it up with an authenticator app, turn it off, renew the
recovery codes."""

from flask import flash, redirect, render_template, session, url_for

from portal import clock
from portal.admin import bp
from portal.admin.account_forms import CodeForm, EnrolForm
from portal.admin.common import actor, ask_first
from portal.services import settings, two_factor

ENROL_SECRET = "two_factor_secret"  # the secret being set up, kept until the app's first code is right


@bp.get("/xac-thuc-hai-buoc")
def two_factor_status():
    """Whether two-factor sign-in is on, and how many recovery codes are left."""
    user = actor()
    left = two_factor.recovery_codes_left(user) if user.two_factor_on else 0
    return render_template("admin/two_factor.html", user=user, left=left, required=two_factor.required(user))


@bp.route("/xac-thuc-hai-buoc/bat", methods=["GET", "POST"])
def two_factor_enrol():
    """The QR code of a new secret for the app; the app's first right code turns it on."""
    user = actor()
    if user.two_factor_on:
        return redirect(url_for("admin.two_factor_status"))
    secret = session.get(ENROL_SECRET) or two_factor.new_secret()
    session[ENROL_SECRET] = secret
    form = EnrolForm()
    if form.validate_on_submit():
        codes = two_factor.confirm_enrolment(user, secret, form.code.data, clock.now())
        if codes is not None:
            session.pop(ENROL_SECRET)
            flash("Đã bật xác thực hai bước.", "success")
            return render_template("admin/recovery_codes.html", codes=codes)
        form.code.errors = ["Mã không đúng. Kiểm tra giờ của điện thoại rồi nhập mã đang hiện."]
    uri = two_factor.provisioning_uri(user, secret, settings.current().name)
    qr, grouped = two_factor.qr_svg(uri), two_factor.grouped(secret)
    page = render_template("admin/two_factor_enrol.html", form=form, qr=qr, secret=grouped, required=two_factor.required(user))
    return page, 400 if form.errors else 200


@bp.route("/xac-thuc-hai-buoc/tat", methods=["GET", "POST"])
def two_factor_disable():
    """Turn it off, with a code of the app (who holds the phone decides); not where the role requires it."""
    user = actor()
    if not user.two_factor_on or two_factor.required(user):
        why = "Vai trò của bạn bắt buộc xác thực hai bước." if user.two_factor_on else "Xác thực hai bước đang tắt."
        flash(why, "error")
        return redirect(url_for("admin.two_factor_status"))
    form = CodeForm()
    if form.validate_on_submit():
        if two_factor.verify(user, form.code.data, clock.now()):
            two_factor.disable(user, actor=user)
            flash("Đã tắt xác thực hai bước.", "success")
            return redirect(url_for("admin.two_factor_status"))
        form.code.errors = ["Mã không đúng hoặc đã được dùng."]
    return render_template("admin/two_factor_disable.html", form=form), 400 if form.errors else 200


@bp.route("/xac-thuc-hai-buoc/ma-du-phong", methods=["GET", "POST"])
def recovery_codes():
    """Ask, then make new recovery codes, shown once; the old ones stop working."""
    user = actor()
    if not user.two_factor_on:
        return redirect(url_for("admin.two_factor_status"))
    question = "Tạo bộ mã dự phòng mới? Các mã cũ, kể cả mã đã in hay chép, sẽ không dùng được nữa."
    asking = ask_first(question, "Tạo mã mới", url_for("admin.two_factor_status"))
    if asking is not None:
        return asking
    return render_template("admin/recovery_codes.html", codes=two_factor.renew_recovery_codes(user))
