"""The citizens' ways to write in: the contact form (/lien-he)."""

from flask import Blueprint

bp = Blueprint("citizens", __name__)

from portal.citizens import contact  # noqa: E402,F401
