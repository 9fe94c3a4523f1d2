"""A resident and a webmaster walk every page in real Chromium, at 360 × 740 and 1280 × 800.

The pages come from the app's URL map (GET rules, their converters filled from the demo
data), so a new page is walked without editing this file. On each: nothing overflows
sideways, no console error, no Content-Security-Policy violation, no request to another
host, and every visible control has a size. Screenshots of the pages of issue 12
(songs, admin at 360 px, the phone header, the charts) are saved and their paths printed.
"""

from urllib.parse import urlsplit

from sqlalchemy import select

from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import (
    Album,
    Article,
    Category,
    ContactMessage,
    Document,
    DocumentTerm,
    Page,
    Person,
    Poll,
    Question,
    SidebarBlock,
    Song,
    Tag,
    Thread,
    Unit,
    WebLink,
)
from tests.browser.helpers import reader_context, screenshot, sign_in
from tests.live_server import serve

SIZES = {"phone": (360, 740), "desktop": (1280, 800)}
# Not pages a person reads: data, files, feeds and fragments.
SKIPPED_PREFIXES = ("/api/", "/static/", "/uploads/", "/widgets/", "/rss", "/healthz", "/tin-tuc/luu/")
SKIPPED = {"/robots.txt", "/sitemap.xml", "/quan-tri/dang-xuat", "/van-ban/rss", "/hoi-dap/rss", "/to-chuc/nguoi/<int:person_id>.vcf",
           "/chuyen-de/<thread_slug>/rss", "/the/<tag_slug>/rss", "/quan-tri/the/goi-y"}
SCREENSHOTS = {"/": "trang-chu", "/thong-ke": "thong-ke", "/quan-tri/khoi-ben-phai": "quan-tri-khoi-ben-phai",
               "/quan-tri/bai-viet/moi": "quan-tri-bai-viet-moi"}

WATCH = """
window.portalWalk = {violations: []};
document.addEventListener("securitypolicyviolation",
  (event) => window.portalWalk.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""
ZERO_SIZED = """() => [...document.querySelectorAll('audio, button, input, select, textarea')].filter(e => {
  const style = getComputedStyle(e);
  if (e.type === 'hidden' || style.display === 'none' || style.visibility === 'hidden') return false;
  if (!e.getClientRects().length || e.closest('[hidden], details:not([open]) > :not(summary)')) return false;
  if (e.closest('.visually-hidden, .star')) return false;  // the radios hidden under their star labels
  const box = e.getBoundingClientRect();
  return box.width === 0 || box.height === 0;
}).map(e => e.outerHTML.slice(0, 120))"""


def _values(app) -> dict[str, object]:
    """A value for every converter of the URL map, taken from the demo data."""
    with app.app_context():
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        first = lambda model: db.session.execute(select(model.id).order_by(model.id)).scalars().first()  # noqa: E731
        return {
            "article_id": seed.id, "slug": seed.category.slug, "category_slug": seed.category.slug,
            "category_id": first(Category), "song_id": first(Song), "link_id": first(WebLink),
            "block_id": first(SidebarBlock), "page": 1, "document_id": first(Document), "term_id": first(DocumentTerm),
            # issue 18: the pages, the organisation, the citizens' messages and questions, the menu
            "path": "gioi-thieu/lich-su", "page_id": first(Page), "unit_id": first(Unit), "person_id": first(Person),
            "message_id": first(ContactMessage), "question_id": first(Question),
            # issue 19: the albums (the first one's second photo) and polls
            "album_id": first(Album), "poll_id": first(Poll), "number": 2,
            # issue 19: a chuyên đề and a tag of the demo, by their address and their id
            "thread_slug": "dai-hoi-dang-bo-thi-xa", "tag_slug": "covid-19", "thread_id": first(Thread), "tag_id": first(Tag),
        }


def walk_paths(app) -> list[str]:
    """Every page a person can open with GET, from ``app.url_map``."""
    values, paths = _values(app), set()
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.rule.startswith(SKIPPED_PREFIXES) or rule.rule in SKIPPED:
                continue
            arguments = {name: values.get(name) for name in rule.arguments}
            if rule.endpoint == "news.article":
                paths.add(_seed_url(app))
                continue
            if rule.endpoint == "documents.document":
                paths.add(db.session.execute(select(Document).order_by(Document.id)).scalars().first().url)
                continue
            if rule.endpoint in ("news.album", "news.photo"):
                arguments["slug"] = db.session.execute(select(Album.slug).order_by(Album.id)).scalars().first()
            if rule.endpoint in ("pages.unit", "pages.english_unit"):
                paths.add(rule.build({"slug": "ban-tuyen-giao-thi-uy"}, append_unknown=False)[1])
                continue
            if rule.endpoint == "pages.english_article":  # issue 18, point 4: the demo's English article
                paths.add(db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one().translation.url)
                continue
            if rule.endpoint == "pages.english_page":
                paths.add("/en/about-us/functions-and-duties")
                continue
            if rule.endpoint == "citizens.question":
                paths.add(db.session.execute(select(Question).where(Question.status == "published")).scalars().first().url)
                continue
            if "kind" in rule.arguments:
                arguments["kind"], arguments["item_id"] = "bai-hat", values["song_id"]
            if None in arguments.values():
                continue
            paths.add(rule.build(arguments, append_unknown=False)[1])
    return sorted(paths)


def _seed_url(app) -> str:
    seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
    return seed.url


def test_walk_every_page(browser, admin_app):
    paths = walk_paths(admin_app)
    assert "/quan-tri/khoi-ben-phai" in paths and "/thong-ke" in paths and len(paths) > 20
    found: dict[str, list[str]] = {}
    with serve(admin_app) as base:
        context = reader_context(browser)
        context.add_init_script(WATCH)
        page = context.new_page()
        sign_in(page, base)
        for size, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            for path in paths:
                problems = _walk_one(page, base, path)
                if problems:
                    found[f"{size} {path}"] = problems
                if path in SCREENSHOTS:
                    screenshot(page, f"{SCREENSHOTS[path]}-{width}", full_page=path != "/")
                if path == "/":
                    _check_songs(page, f"bai-hat-{width}")
                    _check_first_screen(page, height)
        context.close()
    wrong = [f"{key}: {problem[:160]}" for key, problems in found.items() for problem in problems]
    assert not wrong, "\n".join(wrong)


def _check_songs(page, shot: str) -> None:
    """Point 1: the players can be seen and reached with the keyboard, a download link beside each."""
    songs = page.locator(".block-songs")
    screenshot(songs, shot)
    players = songs.locator("audio")
    assert players.count() > 0
    for index in range(players.count()):
        box = players.nth(index).bounding_box()
        assert box["height"] >= 24 and box["width"] >= 150, box
    players.first.focus()
    assert page.evaluate("document.activeElement.tagName") == "AUDIO"
    assert songs.get_by_role("link", name="Tải bài hát").count() == players.count()


def _check_first_screen(page, height: int) -> None:
    """Point 8: the header leaves room, and the first headline is in the first screen."""
    page.evaluate("scrollTo(0, 0)")
    assert page.locator(".site-header").bounding_box()["height"] < height / 3
    assert page.locator("main h1, main h2").first.bounding_box()["y"] < height / 2
    if page.locator(".menu-toggle").is_visible():  # the phone menu opens with its one button, without script
        page.locator(".menu-toggle").click()
        assert page.locator(".main-nav").get_by_role("link", name="Trang chủ").is_visible()
        page.locator(".menu-toggle").click()


def _walk_one(page, base: str, path: str) -> list[str]:
    errors: list[str] = []
    host = urlsplit(base).netloc

    def on_console(message):
        if message.type == "error":
            errors.append(f"console: {message.text}")

    def on_request(request):
        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != host:
            errors.append(f"other host: {request.url}")

    page.on("console", on_console)
    def on_error(error):
        errors.append(f"script: {error}")

    page.on("pageerror", on_error)
    page.on("request", on_request)
    try:
        page.goto(base + path, wait_until="load")
        page.wait_for_timeout(100)  # the live fragment and the editor settle
        scroll, inner = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        if scroll > inner:
            errors.append(f"overflow: {scroll} px wide in {inner} px")
        errors += [f"CSP: {v}" for v in page.evaluate("window.portalWalk.violations")]
        errors += [f"0 px: {html}" for html in page.evaluate(ZERO_SIZED)]
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)
        page.remove_listener("request", on_request)
    return errors

