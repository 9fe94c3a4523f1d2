"""Accounts, for quản trị: list, create, edit (name, role, categories), disable and enable,
reset a password, turn off someone's two-factor sign-in (a lost phone)."""

from flask import flash, redirect, render_template, request, url_for

from portal import clock
from portal.admin import bp
from portal.admin.account_forms import AccountForm
from portal.admin.common import actor, ask_first
from portal.extensions import db
from portal.models import Role, User
from portal.services import accounts, categories

BACK = "admin.accounts_list"


@bp.get("/tai-khoan")
def accounts_list():
    """Every account with its role, categories, state and two-factor sign-in."""
    users = db.session.execute(accounts.all_users()).scalars().all()
    return render_template("admin/accounts.html", users=users)


def _form(user: User | None) -> AccountForm:
    form = AccountForm(None, obj=user) if request.method == "GET" else AccountForm(obj=user)
    form.categories.choices = categories.choices()
    if request.method == "GET" and user is not None:
        form.categories.data = [category.id for category in user.categories]
    if user is not None:
        del form.username  # a user name never changes: the log and the person know it
    return form


def _page(form: AccountForm, user: User | None):
    heading = f"Sửa tài khoản “{user.username}”" if user else "Thêm tài khoản"
    return render_template("admin/account_form.html", form=form, user=user, heading=heading), 422 if form.errors else 200


@bp.route("/tai-khoan/moi", methods=["GET", "POST"])
def account_new():
    """Make an account; its temporary password is shown once, to be given to the person."""
    form = _form(None)
    if form.validate_on_submit():
        try:
            user, temporary = accounts.add_account(
                form.username.data, form.display_name.data, Role(form.role.data), form.categories.data, actor(),
                form.email.data or "",
            )
        except accounts.AccountError as error:
            form.username.errors = [str(error)]
        else:
            return render_template("admin/temporary_password.html", user=user, temporary=temporary, created=True)
    return _page(form, None)


@bp.route("/tai-khoan/<int:user_id>", methods=["GET", "POST"])
def account_edit(user_id: int):
    """Change an account's display name, role and categories."""
    user = db.get_or_404(User, user_id)
    form = _form(user)
    if form.validate_on_submit():
        try:
            accounts.edit_account(
                user, form.display_name.data, Role(form.role.data), form.categories.data, actor(), form.email.data or ""
            )
        except accounts.AccountError as error:
            form.role.errors = [str(error)]
        else:
            flash(f"Đã lưu tài khoản “{user.username}”.", "success")
            return redirect(url_for(BACK))
    return _page(form, user)


def _set_active(user_id: int, active: bool):
    user = db.get_or_404(User, user_id)
    question = f"Mở khóa tài khoản “{user.username}”?" if active else (
        f"Khóa tài khoản “{user.username}”? Mọi phiên đăng nhập của tài khoản kết thúc ngay.")  # fmt: skip
    asking = ask_first(question, "Mở khóa" if active else "Khóa tài khoản", url_for(BACK))
    if asking is not None:
        return asking
    try:
        accounts.set_active(user, active, clock.now(), actor())
    except accounts.AccountError as error:
        return _refused(error)
    flash(f"Đã {'mở khóa' if active else 'khóa'} tài khoản “{user.username}”.", "success")
    return redirect(url_for(BACK))


def _refused(error: accounts.AccountError):
    """Back to the list, which says why nothing changed."""
    flash(str(error), "error")
    return redirect(url_for(BACK), code=303)


@bp.route("/tai-khoan/<int:user_id>/khoa", methods=["GET", "POST"])
def account_disable(user_id: int):
    """Ask, then disable an account: it cannot sign in, its sessions end."""
    return _set_active(user_id, False)


@bp.route("/tai-khoan/<int:user_id>/mo-khoa", methods=["GET", "POST"])
def account_enable(user_id: int):
    """Ask, then enable an account again."""
    return _set_active(user_id, True)


@bp.route("/tai-khoan/<int:user_id>/dat-lai-mat-khau", methods=["GET", "POST"])
def account_reset_password(user_id: int):
    """Ask, then give the account a temporary password that must be changed at the next sign-in."""
    user = db.get_or_404(User, user_id)
    question = f"Đặt mật khẩu tạm thời cho “{user.username}”? Mật khẩu cũ hết hiệu lực, mọi phiên của tài khoản kết thúc."
    asking = ask_first(question, "Đặt lại mật khẩu", url_for(BACK))
    if asking is not None:
        return asking
    try:
        temporary = accounts.reset_password(user, clock.now(), actor())
    except accounts.AccountError as error:
        return _refused(error)
    return render_template("admin/temporary_password.html", user=user, temporary=temporary, created=False)


@bp.route("/tai-khoan/<int:user_id>/tat-xac-thuc", methods=["GET", "POST"])
def account_two_factor_off(user_id: int):
    """Ask, then turn off an account's two-factor sign-in (a lost phone); it sets it up again
    at the next sign-in where its role requires it."""
    user = db.get_or_404(User, user_id)
    asking = ask_first(f"Tắt xác thực hai bước của “{user.username}”?", "Tắt xác thực hai bước", url_for(BACK))
    if asking is not None:
        return asking
    try:
        accounts.turn_off_two_factor(user, actor())
    except accounts.AccountError as error:
        return _refused(error)
    flash(f"Đã tắt xác thực hai bước của “{user.username}”.", "success")
    return redirect(url_for(BACK))
