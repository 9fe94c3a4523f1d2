from flask import current_app, jsonify

from portal.health import bp
from portal.services.health import check_database, check_redis


@bp.get("/healthz")
def healthz():
    """Each service's state as JSON; 503 when the database does not answer (Redis is optional)."""
    database = check_database()
    redis = check_redis(current_app.config.get("REDIS_URL"), current_app.config["REDIS_TIMEOUT"])
    if database.status != "ok":
        overall, code = "unavailable", 503
    elif redis.status == "unavailable":
        overall, code = "degraded", 200
    else:
        overall, code = "ok", 200
    response = jsonify(status=overall, database=database.as_json(), redis=redis.as_json())
    response.headers["Cache-Control"] = "no-store"
    return response, code
