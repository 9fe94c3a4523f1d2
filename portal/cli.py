"""`flask --app wsgi portal …`: the webmaster's and the deployer's commands."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from portal import clock
from portal.text import format_number

portal = AppGroup("portal", help="Lệnh quản lý cổng thông tin.")


@portal.command("demo")
@click.option("--force", is_flag=True, help="Xoá toàn bộ nội dung hiện có rồi nạp lại dữ liệu mẫu.")
@click.option("--if-empty", is_flag=True, help="Chỉ nạp khi cơ sở dữ liệu còn trống; nếu không thì bỏ qua.")
@click.option(
    "--articles",
    type=click.IntRange(min=1),
    help="Thêm N bài viết tổng hợp (để đo tải); nạp dữ liệu mẫu trước nếu cơ sở dữ liệu còn trống.",
)
@click.option(
    "--documents",
    type=click.IntRange(min=1),
    help="Thêm N văn bản tổng hợp vào thư viện văn bản (để đo tải); nạp dữ liệu mẫu trước nếu cơ sở dữ liệu còn trống.",
)
def demo(force: bool, if_empty: bool, articles: int | None, documents: int | None) -> None:
    """Nạp dữ liệu mẫu (bài viết, văn bản, chuyên mục, khối bên phải)."""
    from portal.demo.loader import DemoRefused, has_content, load_demo  # the demo data loads only when asked for

    if articles or documents:
        if not has_content():
            click.echo(f"Đã nạp dữ liệu mẫu: {load_demo()} bài viết.")
        if articles:
            _add_synthetic(articles)
        if documents:
            from portal.demo.synthetic_documents import add_synthetic_documents

            click.echo(f"Đã thêm {add_synthetic_documents(documents):,} văn bản tổng hợp.".replace(",", "."))
        return
    try:
        count = load_demo(force=force)
    except DemoRefused as refused:
        if if_empty:
            click.echo("Cơ sở dữ liệu đã có nội dung: không nạp dữ liệu mẫu.")
            return
        raise click.ClickException(str(refused)) from None
    click.echo(f"Đã nạp dữ liệu mẫu: {count} bài viết.")


@portal.command("purge-bin")
def purge_bin() -> None:
    """Xoá hẳn các bài đã nằm trong thùng rác quá 30 ngày và dữ liệu cá nhân của thư liên hệ quá hạn lưu giữ (trang quản trị cũng tự làm, mỗi giờ một lần)."""
    from portal.services import contact, housekeeping
    from portal.services.audit import COMMAND_LINE

    housekeeping.publish_due(clock.now())  # the bin's purge records scheduled articles gone live too
    titles = housekeeping.purge_bin(clock.now(), by=COMMAND_LINE)
    for title in titles:
        click.echo(f"Đã xoá hẳn: {title}")
    click.echo(f"Đã xoá hẳn {len(titles)} bài khỏi thùng rác.")
    cleared = contact.hourly(clock.now(), COMMAND_LINE)
    click.echo(f"Đã xoá dữ liệu cá nhân của {cleared} thư liên hệ và câu hỏi quá thời hạn lưu giữ.")


ratings = AppGroup("ratings", help="Đánh giá bài viết.")
portal.add_command(ratings)


@ratings.command("rebuild")
def rebuild() -> None:
    """Tính lại lượt đánh giá và tổng số sao của mọi bài viết từ các phiếu đã lưu."""
    from portal.services.ratings import rebuild_ratings

    drifts = rebuild_ratings()
    for drift in drifts:
        click.echo(
            f"Bài #{drift.article_id} «{drift.title}»: {drift.stored[0]} lượt/{drift.stored[1]} sao"
            f" → {drift.counted[0]} lượt/{drift.counted[1]} sao"
        )
    if drifts:
        click.echo(f"Đã sửa {len(drifts)} bài viết có số liệu đánh giá lệch.")
    else:
        click.echo("Số liệu đánh giá của mọi bài viết đều khớp với các phiếu đã lưu.")


def _sqlite_database() -> Path:
    """The SQLite file this deployment uses; PostgreSQL is backed up with pg_dump instead."""
    from portal.extensions import db

    url = db.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise click.ClickException(
            f"Cơ sở dữ liệu là {url.get_backend_name()}: lệnh này chỉ dành cho SQLite; "
            "với PostgreSQL hãy dùng pg_dump / pg_restore như hướng dẫn trong README."
        )
    return Path(url.database)


@portal.command("backup")
@click.option(
    "--dest",
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục chứa bản sao lưu (mặc định: instance/backups).",
)


def backup(dest: Path | None) -> None:
    """Sao lưu CSDL SQLite (an toàn khi trang đang chạy) và tệp tải lên vào một tệp nén ghi ngày giờ."""
    from portal.services.backup import BackupError, create_backup

    instance = Path(current_app.instance_path)
    try:
        archive = create_backup(
            _sqlite_database(),
            Path(current_app.config["UPLOAD_FOLDER"]),
            instance,
            dest or instance / "backups",
            clock.now(),
        )
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã sao lưu vào {archive} ({format_number(archive.stat().st_size // 1024)} KB).")


@portal.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Ghi đè dữ liệu đang có trong thư mục instance.")
def restore(archive: Path, force: bool) -> None:
    """Khôi phục một bản sao lưu vào thư mục instance còn trống (dừng trang web trước khi chạy)."""
    from portal.services.backup import BackupError, restore_backup

    try:
        restore_backup(
            archive,
            _sqlite_database(),
            Path(current_app.config["UPLOAD_FOLDER"]),
            Path(current_app.instance_path),
            force=force,
        )
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã khôi phục {archive.name}. Khởi động lại trang web để dùng dữ liệu này.")


from portal.counters.cli import counters  # noqa: E402  (the counters' own commands)

portal.add_command(counters)


@portal.command("create-admin")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "editor", "writer"]), default="admin", show_default=True,
              help="admin = quản trị (toàn quyền); editor = biên tập viên; writer = phóng viên. "
                   "Chuyên mục của biên tập viên, phóng viên được giao ở trang Tài khoản.")  # fmt: skip


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


@portal.command("set-password")
@click.argument("username")
def set_password(username: str) -> None:
    """Đổi mật khẩu (PORTAL_ADMIN_PASSWORD hoặc hỏi hai lần); mọi phiên của tài khoản bị đăng xuất."""
    import os

    from portal import clock
    from portal.services.accounts import AccountError, change_password

    user = _account(username)
    password = os.environ.get("PORTAL_ADMIN_PASSWORD") or click.prompt(
        "Mật khẩu mới", hide_input=True, confirmation_prompt="Nhập lại mật khẩu"
    )
    try:
        change_password(user, password, clock.now(), actor=None)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã đổi mật khẩu của “{user.username}”; mọi phiên đăng nhập của tài khoản đã kết thúc.")


@portal.command("set-active")
@click.argument("username")
@click.argument("state", type=click.Choice(["on", "off"]))
def set_account_active(username: str, state: str) -> None:
    """Khóa (off) hoặc mở lại (on) một tài khoản; khóa thì mọi phiên của nó kết thúc ngay."""
    from portal import clock
    from portal.services.accounts import set_active

    user = _account(username)
    set_active(user, state == "on", clock.now(), actor=None)
    click.echo(f"Tài khoản “{user.username}” đã được {'mở lại' if state == 'on' else 'khóa; mọi phiên đã kết thúc'}.")


@portal.command("two-factor-off")
@click.argument("username")
def two_factor_off(username: str) -> None:
    """Tắt xác thực hai bước của một tài khoản (mất điện thoại và mã dự phòng); quản trị sẽ thiết lập lại khi đăng nhập."""
    from portal.services import two_factor

    user = _account(username)
    two_factor.disable(user, actor=None)
    click.echo(f"Đã tắt xác thực hai bước của “{user.username}”.")


def _account(username: str):
    from portal.services.accounts import find_user

    user = find_user(username)
    if user is None:
        raise click.ClickException(f"Không có tài khoản “{username}”.")
    return user


def _add_synthetic(count: int) -> None:
    import time

    from portal import clock
    from portal.demo.synthetic import add_synthetic_articles

    started = time.perf_counter()
    add_synthetic_articles(count, until=clock.now())
    click.echo(f"Đã thêm {count:,} bài viết tổng hợp trong {time.perf_counter() - started:.1f} giây.".replace(",", "."))


@portal.command("reindex-search")
def reindex_search() -> None:
    """Dựng lại chỉ mục tìm kiếm từ toàn bộ bài viết (sau khi nhập dữ liệu thẳng vào cơ sở dữ liệu)."""
    from portal.services.search import reindex_all

    click.echo(f"Đã dựng lại chỉ mục tìm kiếm: {reindex_all()} bài viết.")
