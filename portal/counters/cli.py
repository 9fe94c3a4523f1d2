"""`flask --app wsgi portal counters …`: see the figures, set the offset from an older site, correct
the record online. Changes are in the audit log, under the command line's name."""

from datetime import datetime

import click
from flask.cli import AppGroup

from portal import clock
from portal.counters import counting, statistics
from portal.services import settings
from portal.text import format_number
from portal.web.inputs import MAX_INT

counters = AppGroup("counters", help="Bộ đếm truy cập.")


@counters.command("show")
def show() -> None:
    """In các số liệu hiện tại của bộ đếm."""
    figures = counting.store().counters(clock.now())
    offset = settings.visit_offset()
    click.echo(f"Thống kê: {format_number(figures.site_total(offset))} (số ban đầu {format_number(offset)})")
    click.echo(f"Online: {format_number(figures.online)}")
    click.echo(f"Hôm nay: {format_number(figures.today.visits)} lượt truy cập, {format_number(figures.today.page_views)} lượt xem trang")
    click.echo(f"Tháng này: {format_number(figures.month.visits)} lượt truy cập")
    if figures.record:
        click.echo(f"Cao nhất: {format_number(figures.record.visitors)} lúc {figures.record.at:%d/%m/%Y %H:%M}")


@counters.command("offset")
@click.argument("value", type=click.IntRange(0, MAX_INT))
def set_offset(value: int) -> None:
    """Đặt số lượt truy cập ban đầu (chuyển từ hệ thống cũ), cộng vào tổng."""
    settings.save({"visit_offset": value}, actor=None)
    click.echo(f"Đã đặt số lượt truy cập ban đầu: {format_number(value)}.")


@counters.command("record")
@click.argument("visitors", type=click.IntRange(0, MAX_INT))
@click.option("--at", "at", type=click.DateTime(["%d/%m/%Y %H:%M"]), help="Thời điểm đạt kỷ lục (ngày/tháng/năm giờ:phút); mặc định là bây giờ.")
def set_record(visitors: int, at: datetime | None) -> None:
    """Sửa số người online cao nhất (ví dụ sau một đợt truy cập dồn dập); được ghi vào nhật ký."""
    now = clock.now()
    if at is not None and at > now:
        raise click.BadParameter("thời điểm không được ở trong tương lai.", param_hint="--at")
    at = at or now
    statistics.correct_online_record(counting.store(), visitors, at, actor=None)
    click.echo(f"Đã sửa số người online cao nhất: {format_number(visitors)} lúc {at:%H:%M %d/%m/%Y}.")
