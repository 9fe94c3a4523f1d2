"""`flask --app wsgi portal …`: the webmaster's and the deployer's commands."""

import click
from flask.cli import AppGroup

portal = AppGroup("portal", help="Lệnh quản lý cổng thông tin.")


@portal.command("demo")
@click.option("--force", is_flag=True, help="Xoá toàn bộ nội dung hiện có rồi nạp lại dữ liệu mẫu.")
@click.option("--if-empty", is_flag=True, help="Chỉ nạp khi cơ sở dữ liệu còn trống; nếu không thì bỏ qua.")
def demo(force: bool, if_empty: bool) -> None:
    """Nạp dữ liệu mẫu (bài viết, chuyên mục, khối bên phải)."""
    from portal.demo.loader import DemoRefused, load_demo  # the demo data loads only when asked for

    try:
        count = load_demo(force=force)
    except DemoRefused as refused:
        if if_empty:
            click.echo("Cơ sở dữ liệu đã có nội dung: không nạp dữ liệu mẫu.")
            return
        raise click.ClickException(str(refused)) from None
    click.echo(f"Đã nạp dữ liệu mẫu: {count} bài viết.")


@portal.command("create-admin")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "editor"]), default="admin", show_default=True,
              help="admin = quản trị (toàn quyền); editor = biên tập viên (chỉ bài viết).")  # fmt: skip
def create_admin(username: str, role: str) -> None:
    """Tạo tài khoản quản trị; mật khẩu lấy từ PORTAL_ADMIN_PASSWORD hoặc được hỏi hai lần."""
    import os

    from portal.models import Role
    from portal.services.accounts import AccountError, create_user

    password = os.environ.get("PORTAL_ADMIN_PASSWORD") or click.prompt(
        "Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu"
    )
    try:
        user = create_user(username, password, Role(role))
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã tạo tài khoản “{user.username}” ({Role(user.role).label}).")
