"""`make profile CASE=article`: where one bench case spends its time, by pyinstrument.

Builds a throwaway site like `make bench` (100 articles unless --articles says otherwise),
then sends the case's own requests (bench/cases.py) straight to the WSGI app in this process,
with no server and no network, a warm-up first. Prints the time per request and
pyinstrument's call tree, the profile the speed targets of issue 8 are argued from.
"""

import argparse
import io
import os
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from pyinstrument import Profiler
from werkzeug.test import EnvironBuilder

from bench.cases import Case, Request, portal_cases
from bench.run import build_site


def _environ(case: Case, request: Request) -> dict:
    headers = dict(case.headers) | ({"Cookie": request.cookie} if request.cookie else {})
    if request.htmx:
        headers |= {"HX-Request": "true", "Sec-Fetch-Site": "same-origin"}
    form = {"data": request.body, "content_type": "application/x-www-form-urlencoded"} if request.body else {}
    environ = EnvironBuilder(path=request.path, method=request.method, headers=headers, **form).get_environ()
    environ["bench.body"] = environ["wsgi.input"].read()
    return environ


def _send(app, environ: dict) -> str:
    statuses = []
    fresh = dict(environ, **{"wsgi.input": io.BytesIO(environ["bench.body"])})
    b"".join(app.wsgi_app(fresh, lambda status, headers, exc_info=None: statuses.append(status)))
    return statuses[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("case", help="a case of bench/cases.py: article, home, counters, live-new, live-returning, reader, rating, search")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--requests", type=int, default=1000)
    options = parser.parse_args(argv)
    instance = Path(tempfile.mkdtemp(prefix="portal-profile-"))
    env = {"PORTAL_INSTANCE_PATH": str(instance), "PORTAL_SECRET_KEY": secrets.token_hex(32), "PORTAL_RATING_LIMIT": ""}
    try:
        app = build_site(instance, options.articles, os.environ | env)
        case = next(case for case in portal_cases(app) if case.name == options.case)
        environs = [_environ(case, request) for request in case.requests]
        sent = [environs[n % len(environs)] for n in range(options.requests)]
        statuses = {_send(app, environ) for environ in sent[: len(sent) // 2]}  # warm-up
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        with profiler:
            for environ in sent:
                _send(app, environ)
        elapsed = time.perf_counter() - started
        print(f"{options.case}: {elapsed / len(sent) * 1000:.2f} ms per request in this process, profiled"
              f" ({len(sent)} requests, answers {', '.join(sorted(statuses))})")  # fmt: skip
        print(profiler.output_text(unicode=False, color=False))
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
