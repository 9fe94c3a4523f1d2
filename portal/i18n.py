"""The site's two languages: Vietnamese everywhere, English under /en/ (the English section).

Vietnamese is the source language: every label of a template is written in Vietnamese inside
``_()`` (Jinja's i18n extension, new-style gettext), and a Vietnamese page shows it as written.
An English page shows its translation from Babel's message catalogue,
``portal/translations/en/LC_MESSAGES/messages.po``, compiled to ``messages.mo`` by ``make install``
(``make messages`` extracts new labels into it). Dates and numbers follow the page's language.
"""

from datetime import date
from decimal import Decimal
from gettext import NullTranslations
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from babel import Locale
from babel.support import Translations
from flask import Flask, has_request_context, request
from markupsafe import Markup, escape

from portal import text
from portal.models.content import ENGLISH, VIETNAMESE

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
ENGLISH_PREFIX = "/en/"
COMPILED = TRANSLATIONS / ENGLISH / "LC_MESSAGES" / "messages.mo"


def N_(label: str) -> str:
    """A label written in Python, marked for the catalogue (``make messages`` gathers it); the
    template that shows it translates it, ``_(label)``."""
    return label


def language() -> str:
    """The language of the page being answered: English under /en/, Vietnamese everywhere else."""
    if has_request_context() and (request.path.startswith(ENGLISH_PREFIX) or request.path == ENGLISH_PREFIX[:-1]):
        return ENGLISH
    return VIETNAMESE


def load_catalogue() -> Translations:
    """The compiled English catalogue; without it the English pages would silently show Vietnamese."""
    if not COMPILED.exists():
        raise RuntimeError(f"{COMPILED} is missing: run `make install` (or `pybabel compile -d {TRANSLATIONS}`)")
    return Translations.load(str(TRANSLATIONS), [ENGLISH])


def init_app(app: Flask) -> None:
    """``_()`` and ``ngettext()`` in every template, answering in the page's language."""
    catalogues = {VIETNAMESE: NullTranslations(), ENGLISH: load_catalogue()}

    def gettext(message: str) -> str:
        return catalogues[language()].gettext(message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return catalogues[language()].ngettext(singular, plural, count)

    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(gettext, ngettext, newstyle=True)
    app.jinja_env.globals.update(page_language=language, localised=localised, localised_text=localised_text,
                                 language_name=language_name)  # fmt: skip
    app.jinja_env.filters.update(number=format_number, local_date=format_local_date)


def format_number(value: int | float | Decimal) -> str:
    """791.935 on a Vietnamese page, 791,935 on an English one."""
    if language() == ENGLISH:
        return format_decimal(value, format="#,##0", locale=ENGLISH)
    return text.format_number(value)


def format_local_date(day: date) -> str:
    """ "Thứ Năm, 20/02/2020" on a Vietnamese page, "Thursday, 20 February 2020" on an English one."""
    if language() == ENGLISH:
        return format_date(day, format="EEEE, d MMMM y", locale=ENGLISH)
    return text.format_date(day)


def localised_text(record: object, field: str) -> str:
    """``record.field`` on a Vietnamese page; on an English one its English field (``field_en``),
    or the Vietnamese when that is empty. For attributes and titles, where no markup goes."""
    if language() == ENGLISH:
        return getattr(record, f"{field}_en", "") or getattr(record, field)
    return getattr(record, field)


def localised(record: object, field: str, html: bool = False) -> Markup:
    """``localised_text`` for the page's text: Vietnamese shown on an English page is marked
    ``lang="vi"``, so that it is read as Vietnamese; ``html``: the field is sanitised HTML."""
    vietnamese = getattr(record, field)
    shown = Markup(vietnamese) if html else escape(vietnamese)
    if language() != ENGLISH or not vietnamese:
        return shown
    english = getattr(record, f"{field}_en", "")
    if english:
        return Markup(english) if html else escape(english)
    return Markup('<{0} lang="vi">{1}</{0}>').format("div" if html else "span", shown)


def language_name(code: str) -> str:
    """A language's name in that language, from Babel's data: "English", "Tiếng Việt"."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]
