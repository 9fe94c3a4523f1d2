"""gunicorn in production: ``gunicorn -c deploy/gunicorn.conf.py wsgi:app`` (see README).

Sized for a 2-core server. Two worker processes use both cores (each Python process runs one
thread of Python at a time); four threads in each keep eight requests in flight, so a worker
waiting on the database or Redis still serves others, for far less memory than eight
processes. The "2 × cores + 1" rule is for sync workers, which cannot overlap waits.
Command-line options and GUNICORN_CMD_ARGS override anything here.
"""

bind = "127.0.0.1:8000"  # nginx in front (deploy/nginx/portal.conf); never exposed directly
workers = 2
worker_class = "gthread"
threads = 4
timeout = 30  # a request still running after this is killed with its worker
graceful_timeout = 30  # on restart, requests in flight may finish
keepalive = 5
limit_request_line = 8190  # above the app's MAX_URL_LENGTH (4096), so the app's documented 414 answers first
max_requests = 2000  # recycle workers now and then: memory stays flat over months
max_requests_jitter = 200  # …and not all at once
preload_app = False  # each worker builds its own app, engine and connections after the fork
forwarded_allow_ips = "127.0.0.1,::1"  # only the local nginx may say a request came over HTTPS
accesslog = "-"  # to the journal under systemd
errorlog = "-"
# gunicorn 27's control socket ($HOME/.gunicorn/gunicorn.ctl) is not used: systemd reloads with
# HUP, and two servers on one machine would fight over the one path.
control_socket_disable = True
