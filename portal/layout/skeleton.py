"""Whole pages kept as a skeleton: rendered once per content version with holes where the live
partials go, then filled on every request.

Templates write a live partial as ``{{ live("widgets/_rating.html") }}`` rather than
``{% include %}``. On an ordinary render ``live`` includes it, with the same context. When a
page is rendered as a skeleton, ``live`` leaves a marked hole instead; ``render_kept`` keeps
the text between the holes (``portal.layout.page_parts``) and, on each request, renders only the
partials into them. The article, home and search result pages are rendered this way. An
article page's live parts are the views, the rating widget, the structured data carrying the
rating, the flashed messages, the text-size form (CSRF token, current address), and the
counters and most-read blocks of the sidebar; everything else of it changes only when
something is saved.
"""

import re
import secrets
from typing import Any

from flask import current_app
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from portal.layout import page_parts

_MARK = f"<!--live-{secrets.token_hex(8)}-"  # unguessable: no article text can forge a hole
_HOLE = re.compile(re.escape(_MARK) + r"(\d+)-->")


@pass_context
def live(context: Context, template: str, **variables: Any) -> Markup:
    """A partial that changes with every request: included now, or a hole in a skeleton."""
    holes = context.get("skeleton_holes")
    if holes is not None:
        holes.append((template, variables))
        return Markup(f"{_MARK}{len(holes) - 1}-->")
    return Markup(context.environment.get_template(template).render(context.get_all() | variables))


def render_kept(template: str, key: tuple, **context: Any) -> bytes:
    """``template`` rendered from its kept skeleton (made now if need be), the live partials filled
    in, as UTF-8.

    ``key`` names the page among its template's pages; the reader's text size is added to it
    (absolute links come from SITE_URL, never from the request's host)."""
    app = current_app._get_current_object()
    app.update_template_context(context)
    environment = app.jinja_env
    key = ("skeleton", template, *key, context.get("text_size"))

    def make() -> tuple[list[bytes], list[tuple[str, dict]]]:
        holes: list[tuple[str, dict]] = []
        text = environment.get_template(template).render(context | {"skeleton_holes": holes})
        return [piece.encode() for piece in _HOLE.split(text)[::2]], holes  # UTF-8: half the memory of str

    texts, holes = page_parts.kept(key, make)
    pieces = [texts[0]]
    for (partial, variables), text in zip(holes, texts[1:]):
        pieces.append(environment.get_template(partial).render(context | variables).encode())
        pieces.append(text)
    return b"".join(pieces)


def init_app(app) -> None:
    app.jinja_env.globals["live"] = live
