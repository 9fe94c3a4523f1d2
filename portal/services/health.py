"""Checks of the services an app server depends on, for /healthz."""

import logging
import time
from dataclasses import dataclass

import redis
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import db

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceState:
    status: str  # "ok", "unavailable" or "not configured"
    latency_ms: float | None = None
    error: str | None = None  # the exception's class only: messages can hold host names

    def as_json(self) -> dict:
        return {key: value for key, value in vars(self).items() if value is not None}


def _timed(check) -> ServiceState:
    started = time.perf_counter()
    check()
    return ServiceState("ok", latency_ms=round((time.perf_counter() - started) * 1000, 2))


def check_database() -> ServiceState:
    """Run ``SELECT 1`` on the app's database."""
    try:
        return _timed(lambda: db.session.execute(text("SELECT 1")))
    except SQLAlchemyError as error:
        log.warning("health check: database unavailable: %s", error)
        db.session.rollback()
        return ServiceState("unavailable", error=type(error).__name__)


def check_redis(url: str | None, timeout: float = 0.5) -> ServiceState:
    """PING the Redis server at ``url``, on a connection of its own, closed afterwards."""
    if not url:
        return ServiceState("not configured")
    client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        return _timed(client.ping)
    except redis.RedisError as error:
        log.warning("health check: Redis unavailable: %s", error)
        return ServiceState("unavailable", error=type(error).__name__)
    finally:
        client.close()
