"""`make bench`: the portal under gunicorn, measured with wrk against Flask's "hello world".

For each size (100 and 100,000 articles by default) the runner makes a throwaway
instance folder, migrates its SQLite database, loads the demo site and adds synthetic
articles (portal/demo/synthetic.py, the same generator as `portal demo --articles N`,
indexed for search) up to the size, and synthetic documents to the văn bản library up to the
size or 10,000 (`portal demo --documents N`). It then serves the portal (wsgi:app) and
the baseline (bench/baseline.py) with the same gunicorn settings on loopback and loads
each case with wrk (bench/load.lua): a warm-up until the throughput settles, then a fixed
measured time. ``article-nginx`` sends the article case to real nginx with the shipped site file
(deploy/nginx/portal.conf, through bench/nginx.py) in front of the same gunicorn. At a size of
20,000 articles or more, a crawler then reads 20,000 distinct article pages and the workers'
memory is reported before and after (the page cache is bounded by PORTAL_PAGE_CACHE_BYTES). A case whose
endpoint answers 404 on the first request is reported as "n/a (endpoint missing)",
never given a number. See bench/cases.py for what each case sends.

Output: a table (requests per second, p50 and p99 latency, the workers' CPU time per
request, ratio to the baseline of the same size), JSON in bench/results/, and as last lines
one `ratio <case>@<size> <number>` per case, "n/a" where it was not measured.
"""

import argparse
import http.client
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench import nginx
from bench.cases import BROWSER_HEADERS, Case, baseline_case, portal_cases

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "load.lua"
GUNICORN = Path(sys.executable).with_name("gunicorn")
CRAWL_PAGES = 20_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(port: int, case: Case) -> int:
    """The status of the case's first request, sent once (redirects not followed)."""
    first = case.requests[0]
    headers = dict(case.headers)
    if first.htmx:
        headers |= {"HX-Request": "true", "Sec-Fetch-Site": "same-origin"}
    if first.cookie:
        headers["Cookie"] = first.cookie
    if first.body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(first.method, first.path, body=first.body or None, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


@dataclass
class Served:
    port: int
    pid: int  # gunicorn's master: its children are the workers


def workers_cpu_seconds(master: int) -> float:
    """CPU time (user + system) the master's worker processes have used so far (Linux /proc)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    total = 0
    for child in children:
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def workers_rss_mib(master: int) -> list[float]:
    """Resident memory of each of the master's worker processes, in MiB (Linux /proc)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for child in children:
        line = next(line for line in Path(f"/proc/{child}/status").read_text().splitlines() if line.startswith("VmRSS:"))
        sizes.append(int(line.split()[1]) / 1024)
    return sizes


def crawl(port: int, paths: list[str], readers: int = 4) -> int:
    """Read every path once, ``readers`` at a time, as a crawler does; the number of 200s."""
    from concurrent.futures import ThreadPoolExecutor

    def read(share: list[str]) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        ok = 0
        for path in share:
            connection.request("GET", path, headers=BROWSER_HEADERS)
            response = connection.getresponse()
            response.read()
            ok += response.status == 200
        connection.close()
        return ok

    with ThreadPoolExecutor(readers) as pool:
        return sum(pool.map(read, [paths[n::readers] for n in range(readers)]))


def crawler_memory(served: "Served", paths: list[str]) -> dict:
    """The workers' memory before and after a crawler reads ``paths``, each a distinct page."""
    before = workers_rss_mib(served.pid)
    started = time.monotonic()
    read = crawl(served.port, paths)
    after = workers_rss_mib(served.pid)
    return {"pages": len(paths), "read": read, "seconds": time.monotonic() - started, "rss_before_mib": before, "rss_after_mib": after}


@contextmanager
def gunicorn(app_spec: str, env: dict, workers: int, threads: int):
    """Serve ``app_spec`` on a free loopback port until the block ends; yield where (``Served``)."""
    port = _free_port()
    command = [
        str(GUNICORN), "--workers", str(workers), "--threads", str(threads), "--bind", f"127.0.0.1:{port}",
        "--graceful-timeout", "5", "--log-level", "warning", "--error-logfile", "-", app_spec,
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start for {app_spec}") from None
                time.sleep(0.2)
        yield Served(port, server.pid)
    finally:
        server.terminate()  # gunicorn stops its workers within --graceful-timeout
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wrk(port: int, requests_file: Path, seconds: int, connections: int) -> dict:
    command = [
        "wrk", "--threads", "1", "--connections", str(connections), "--duration", f"{seconds}s",
        "--timeout", "10s", "--script", str(LUA), f"http://127.0.0.1:{port}",
    ]  # fmt: skip
    env = os.environ | {"BENCH_REQUESTS": str(requests_file)}
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    return json.loads(line.removeprefix("BENCH "))


def _warm_up(port: int, requests_file: Path, options) -> None:
    """Load the case until its throughput settles: two warm-up windows within 10 % of each
    other, ten at most. Each worker keeps a page it rendered (portal/web/page_cache.py) for its
    max age; the article case reads 2,000 articles at 100,000 but 100 at 100, so a fixed few
    seconds would compare pages still being rendered with kept ones. The cost of a first
    request is what `make profile` shows."""
    previous = None
    for _ in range(10):
        figures = _wrk(port, requests_file, options.warmup, options.connections)
        rate = figures["requests"] / (figures["duration_us"] / 1e6)
        if previous is not None and abs(rate - previous) <= 0.1 * previous:
            return
        previous = rate


def measure(served: Served, case: Case, folder: Path, options) -> dict:
    """Warm up, then load the case for the measured time; a dict for the table and JSON.

    Besides wrk's figures, the CPU time gunicorn's workers spent per request: on a shared or
    virtual machine the requests per second move with the neighbours' load, the cost of a
    request much less."""
    port = served.port
    result = {"case": case.name, "requests_per_view": case.requests_per_view}
    status = _status(port, case)
    if status == 404:
        return result | {"note": "n/a (endpoint missing)"}
    if status >= 400:
        return result | {"note": f"n/a (HTTP {status} on the first request)"}
    requests_file = folder / f"{case.name}.requests"
    case.write(requests_file)
    _warm_up(port, requests_file, options)
    cpu_before = workers_cpu_seconds(served.pid)
    figures = _wrk(port, requests_file, options.duration, options.connections)
    cpu = workers_cpu_seconds(served.pid) - cpu_before
    failed = figures["non_2xx_3xx"] + figures["socket_errors"]
    return result | {
        "rps": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50_ms": figures["p50_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "requests": figures["requests"],
        "cpu_ms": cpu * 1000 / max(figures["requests"], 1),
        "failed": failed,
        "note": f"{failed} failed responses" if failed else "",
    }


DOCUMENTS_AT_MOST = 10_000


def build_site(instance: Path, articles: int, env: dict):
    """Migrate a fresh database, load the demo and synthetic articles; return the app."""
    os.environ.update(env)
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from portal import MIGRATIONS, clock, create_app
    from portal.demo.loader import load_demo
    from portal.demo.synthetic import add_synthetic_articles
    from portal.demo.synthetic_documents import add_synthetic_documents
    from portal.extensions import db
    from portal.models import Article, Document

    app = create_app()
    with app.app_context():
        upgrade(directory=str(MIGRATIONS))
        load_demo()
        missing = articles - db.session.execute(select(func.count(Article.id))).scalar()
        started = time.monotonic()
        if missing > 0:
            add_synthetic_articles(missing, until=clock.now())  # indexed for search as they are inserted
        print(f"  {articles:,} bài viết: thêm {max(missing, 0):,} bài tổng hợp trong {time.monotonic() - started:.1f} s")
        # The library grows with the site, up to the 10,000 documents issue 17 measures.
        documents = min(articles, DOCUMENTS_AT_MOST) - db.session.execute(select(func.count(Document.id))).scalar()
        if documents > 0:
            add_synthetic_documents(documents)
            print(f"  thêm {documents:,} văn bản tổng hợp")
    return app


def measure_baseline(env: dict, instance: Path, options) -> dict:
    with gunicorn("bench.baseline:app", env, options.workers, options.threads) as served:
        result = measure(served, baseline_case(), instance, options)
    return result | {"rps_before": result["rps"]}


def run_size(articles: int, options) -> list[dict]:
    """Every case at one size in one throwaway instance, between two runs of the baseline.

    The machine may be shared: the baseline is measured before and after the portal's
    cases, the ratio uses their mean, and the note shows both so a drift is visible.
    """
    instance = Path(tempfile.mkdtemp(prefix=f"portal-bench-{articles}-"))
    env = os.environ | {
        "PORTAL_INSTANCE_PATH": str(instance),
        "PORTAL_SECRET_KEY": secrets.token_hex(32),
        "PORTAL_RATING_LIMIT": "",  # the rate limit would stop one address's load: off here
        "PORTAL_SITE_URL": nginx.SITE_URL,  # the address nginx passes on (Host without a port)
        "PORTAL_PROXY_FIX": "1",
    }
    try:
        app = build_site(instance, articles, env)
        cases = portal_cases(app)
        before = measure_baseline(env, instance, options)
        rows = [before]
        with gunicorn("wsgi:app", env, options.workers, options.threads) as served:
            for case in cases:
                if not options.cases or case.name in options.cases:
                    rows.append(measure(served, case, instance, options))
            if nginx.available() and (not options.cases or "article-nginx" in options.cases):
                rows.append(measure_through_nginx(served, cases[0], instance, options))
            if articles >= CRAWL_PAGES and options.crawl:
                rows.append({"case": "memory", "memory": crawler_memory(served, crawl_paths(app))})
        after = measure_baseline(env, instance, options)
        for key in ("rps", "p50_ms", "p99_ms", "cpu_ms"):
            before[key] = (before[key] + after[key]) / 2
        before["requests"] += after["requests"]
        before["rps_after"] = after["rps"]
        before["note"] = f"{before['note']} trước {before['rps_before']:.0f} / sau {after['rps']:.0f} req/s".strip()
        base = before["rps"]
        for row in rows:
            row["articles"] = articles
            row["ratio"] = row["rps"] / row.get("requests_per_view", 1) / base if base and "rps" in row else None
        return rows
    finally:
        shutil.rmtree(instance, ignore_errors=True)


def measure_through_nginx(served: Served, article: Case, instance: Path, options) -> dict:
    """The article case sent to nginx, with its cache, in front of the same gunicorn."""
    with nginx.nginx_in_front(served.port, instance / "nginx", instance / "uploads") as port:
        row = measure(Served(port, served.pid), Case("article-nginx", article.requests, article.headers), instance, options)
    return row


def crawl_paths(app) -> list[str]:
    """CRAWL_PAGES distinct article addresses, as a crawler would find them."""
    from portal import clock
    from portal.extensions import db
    from portal.services.content import published

    with app.app_context(), app.test_request_context():
        return [a.url for a in db.session.execute(published(clock.now()).limit(CRAWL_PAGES)).scalars()]


def print_table(rows: list[dict]) -> None:
    print(f"\n{'case':<14} {'articles':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms':>7} {'ratio':>6}  note")
    for row in rows:
        if "memory" in row:
            memory = row["memory"]
            print(
                f"{'memory':<14} {row['articles']:>9,}  {memory['read']:,}/{memory['pages']:,} trang trong {memory['seconds']:.0f} s"
                f" ({memory['read'] / memory['seconds']:.0f} trang/s);"
                f" RSS từng worker: trước {', '.join(f'{m:.0f}' for m in memory['rss_before_mib'])} MiB,"
                f" sau {', '.join(f'{m:.0f}' for m in memory['rss_after_mib'])} MiB"
            )
            continue
        if "rps" in row:
            figures = (
                f"{row['rps']:>9.0f} {row['p50_ms']:>8.1f} {row['p99_ms']:>8.1f} {row['cpu_ms']:>7.2f} {row['ratio']:>6.2f}"
            )
        else:
            figures = f"{'–':>9} {'–':>8} {'–':>8} {'–':>7} {'–':>6}"
        note = row.get("note", "")
        if row.get("requests_per_view", 1) > 1:
            note = f"{note} tỉ lệ tính theo lượt xem ({row['requests_per_view']} yêu cầu)".strip()
        print(f"{row['case']:<14} {row['articles']:>9,} {figures}  {note}")


def _row(rows: list[dict], case: str, articles: int) -> dict:
    return next((r for r in rows if r["case"] == case and r["articles"] == articles and "rps" in r), {})


TARGETS = {  # issue 15: ratio to the hello world of the same run, at every size
    "article": 0.6,
    "live-new": 0.3,
    "live-returning": 0.4,
    "rating": 0.3,
    "article-nginx": 5.0,
}


def check_targets(rows: list[dict], small: int, large: int) -> list[dict]:
    """The issue's targets, each met, missed, or n/a where a figure is missing."""
    checks = []
    for case, least in TARGETS.items():
        for size in sorted({small, large}):  # one size run alone: its targets once
            ratio = _row(rows, case, size).get("ratio")
            checks.append({"target": f"{case}@{size} ratio >= {least}", "value": ratio, "met": None if ratio is None else ratio >= least})
    for case in sorted({row["case"] for row in rows if "rps" in row and row["case"] != "baseline"} if large != small else ()):
        few, many = _row(rows, case, small).get("ratio"), _row(rows, case, large).get("ratio")
        change = many / few if few and many else None
        checks.append({"target": f"{case}@{large} within 10 % of @{small}", "value": change, "met": None if change is None else change >= 0.90})
    median = _row(rows, "search", large).get("p50_ms")
    checks.append({"target": f"search@{large} p50 < 50 ms", "value": median, "met": None if median is None else median < 50})
    return checks


def print_targets(checks: list[dict]) -> None:
    print()
    for check in checks:
        verdict = {True: "đạt", False: "CHƯA ĐẠT", None: "n/a"}[check["met"]]
        value = "" if check["value"] is None else f" ({check['value']:.2f})"
        print(f"mục tiêu {check['target']}: {verdict}{value}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 100_000])
    parser.add_argument("--cases", nargs="*", help="only these portal cases (the baseline always runs)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=3, help="seconds of each warm-up window (until throughput settles)")
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per case")
    parser.add_argument("--no-crawl", dest="crawl", action="store_false", help="skip the crawler's memory report")
    options = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("bench: wrk is missing (apt-get install wrk; `make bench` does it)")

    started = datetime.now(UTC)
    rows = []
    for size in options.sizes:
        print(f"Đo với {size:,} bài viết …", flush=True)
        rows += run_size(size, options)
    print_table(rows)
    checks = check_targets(rows, min(options.sizes), max(options.sizes))
    print_targets(checks)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "settings": vars(options) | {"server": "gunicorn", "load": "wrk, 1 thread"},
        "results": rows,
        "targets": checks,
    }
    path = RESULTS / f"bench-{started:%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nJSON: {path.relative_to(ROOT)}\n")
    for row in rows:
        if row["case"] not in ("baseline", "memory"):
            ratio = f"{row['ratio']:.3f}" if row["ratio"] is not None else "n/a"
            print(f"ratio {row['case']}@{row['articles']} {ratio}")


if __name__ == "__main__":
    main()
