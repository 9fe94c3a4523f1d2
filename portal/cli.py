"""`flask --app wsgi portal …`: the webmaster's and the deployer's commands."""

import click
from flask.cli import AppGroup

portal = AppGroup("portal", help="Lệnh quản lý cổng thông tin.")


@portal.command("demo")
@click.option("--force", is_flag=True, help="Xoá toàn bộ nội dung hiện có rồi nạp lại dữ liệu mẫu.")
@click.option("--if-empty", is_flag=True, help="Chỉ nạp khi cơ sở dữ liệu còn trống; nếu không thì bỏ qua.")
@click.option(
    "--articles",
    type=click.IntRange(min=1),
    help="Thêm N bài viết tổng hợp (để đo tải); nạp dữ liệu mẫu trước nếu cơ sở dữ liệu còn trống.",
)
def demo(force: bool, if_empty: bool, articles: int | None) -> None:
    """Nạp dữ liệu mẫu (bài viết, chuyên mục, khối bên phải)."""
    from portal.demo.loader import DemoRefused, has_content, load_demo  # the demo data loads only when asked for

    if articles:
        if not has_content():
            click.echo(f"Đã nạp dữ liệu mẫu: {load_demo()} bài viết.")
        _add_synthetic(articles)
        return
    try:
        count = load_demo(force=force)
    except DemoRefused as refused:
        if if_empty:
            click.echo("Cơ sở dữ liệu đã có nội dung: không nạp dữ liệu mẫu.")
            return
        raise click.ClickException(str(refused)) from None
    click.echo(f"Đã nạp dữ liệu mẫu: {count} bài viết.")


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
