"""The benchmark's yardstick: Flask's "hello world", served by gunicorn exactly like the portal."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"
