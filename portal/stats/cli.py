"""`flask --app wsgi portal counters …`: see the figures, set the offset from an older site."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from portal import clock, counting
from portal.extensions import db
from portal.models import SiteSettings
from portal.text import format_number

counters = AppGroup("counters", help="Bộ đếm truy cập.")


@counters.command("show")
def show() -> None:
    """In các số liệu hiện tại của bộ đếm."""
    figures = counting.store().counters(clock.now())
    offset = counting.visit_offset()
    click.echo(f"Thống kê: {format_number(offset + figures.total.visits)} (số ban đầu {format_number(offset)})")
    click.echo(f"Online: {format_number(figures.online)}")
    click.echo(f"Hôm nay: {format_number(figures.today.visits)} lượt truy cập, {format_number(figures.today.page_views)} lượt xem trang")
    click.echo(f"Tháng này: {format_number(figures.month.visits)} lượt truy cập")
    if figures.record:
        click.echo(f"Cao nhất: {format_number(figures.record.visitors)} lúc {figures.record.at:%d/%m/%Y %H:%M}")


@counters.command("offset")
@click.argument("value", type=click.IntRange(min=0))
def set_offset(value: int) -> None:
    """Đặt số lượt truy cập ban đầu (chuyển từ hệ thống cũ), cộng vào tổng."""
    settings = db.session.execute(select(SiteSettings).limit(1)).scalar_one_or_none()
    if settings is None:
        settings = SiteSettings()
        db.session.add(settings)
    settings.visit_offset = value
    db.session.commit()
    click.echo(f"Đã đặt số lượt truy cập ban đầu: {format_number(value)}.")
