"""The English section (issue 18, point 4): /en/ and its pages from the same records as the
Vietnamese ones, hreflang both ways, the language switch, no Vietnamese label left in an English
page's chrome, the English versions of articles and pages written from the admin, and the catalogue."""

import re
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
import pytest
from sqlalchemy import insert, select

from portal import clock
from portal.demo.loader import SEED_TITLE
from portal.extensions import db
from portal.models import Article, Page, Unit, User
from portal.models.content import article_translation
from portal.services import housekeeping, publishing

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "portal" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
SEED_ENGLISH = "/en/news/conference-on-the-2020-tasks-of-communication-and-science-education-{id}.html"
# Letters only Vietnamese uses (ă â đ ê ô ơ ư and the tone marks): none may stand in an English label.
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">')


def english_seed(app) -> tuple[str, str]:
    with app.test_request_context():
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        return SEED_ENGLISH.format(id=seed.translation.id), seed.url


def alternates(client, path: str) -> dict[str, str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return {language: href.removeprefix("http://localhost") for language, href in ALTERNATE.findall(response.get_data(as_text=True))}


def test_every_english_page_and_its_vietnamese_one_link_each_other(client, demo_app):
    english_article, vietnamese_article = english_seed(demo_app)
    pairs = [("/", "/en/"), ("/to-chuc", "/en/organisation"), ("/to-chuc/ban-tuyen-giao-thi-uy", "/en/organisation/ban-tuyen-giao-thi-uy"),
             ("/gioi-thieu", "/en/about-us"), ("/gioi-thieu/chuc-nang-nhiem-vu", "/en/about-us/functions-and-duties"),
             (vietnamese_article, english_article)]  # fmt: skip
    for vietnamese, english in pairs:
        both = {"vi": vietnamese, "en": english, "x-default": vietnamese}
        assert alternates(client, vietnamese) == both and alternates(client, english) == both, (vietnamese, english)
        assert '<html lang="vi">' in client.get(vietnamese).get_data(as_text=True)
        assert '<html lang="en">' in client.get(english).get_data(as_text=True)
    assert alternates(client, "/gioi-thieu/lich-su") == {}  # not translated: no alternate


def test_the_language_switch_goes_to_the_counterpart_or_the_other_home(client):
    switch = re.compile(r'<p class="language-switch"><a href="([^"]+)" hreflang="(\w+)" lang="\w+">([^<]+)</a>')
    cases = {"/to-chuc": ("/en/organisation", "en", "English"),
             "/en/organisation": ("/to-chuc", "vi", "Tiếng Việt"),
             "/gioi-thieu/lich-su": ("/en/", "en", "English"),
             "/en/search?q=duties": ("/", "vi", "Tiếng Việt")}  # fmt: skip
    for path, expected in cases.items():
        assert switch.search(client.get(path).get_data(as_text=True)).groups() == expected, path


class Chrome(HTMLParser):
    """The words of a page a reader meets as labels, outside the webmaster's own text: every text
    and label attribute not inside a ``lang="vi"`` element (Vietnamese shown on purpose: a name,
    an address) nor in an article's or page's body."""

    LABELS = ("aria-label", "placeholder", "title", "content")
    VOID = {"meta", "link", "img", "input", "br", "hr", "source"}

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # for each open element: whether its text is left out
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = bool(self.stack and self.stack[-1]) or attributes.get("lang") == "vi" or "article-body" in (attributes.get("class") or "")
        if not skipped:
            self.words += [attributes[name] for name in self.LABELS if attributes.get(name) and not (tag == "meta" and attributes.get("name") != "description")]
        if tag not in self.VOID:
            self.stack.append(skipped)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.words.append(data.strip())


def test_no_vietnamese_label_is_left_on_an_english_page(client, demo_app):
    english_article, _ = english_seed(demo_app)
    with open(CATALOGUE, "rb") as file:
        labels = [message.id for message in read_po(file) if message.id and isinstance(message.id, str) and "%" not in message.id]
    for path in ("/en/", "/en/organisation", "/en/organisation/ban-tuyen-giao-thi-uy", "/en/about-us", "/en/no-such-page",
                 "/en/about-us/functions-and-duties", english_article, "/en/search?q=duties", "/en/search?q=nothing+here"):  # fmt: skip
        body = client.get(path).get_data(as_text=True)
        body = re.sub(r"<script>.*?</script>", "", body, flags=re.S)
        chrome = Chrome()
        chrome.feed(body)
        left = [words for words in chrome.words if VIETNAMESE_LETTERS.search(words)]
        assert left == [], (path, left)
        assert [label for label in labels if f">{label}<" in body] == [], path


def test_the_vietnamese_pages_keep_their_labels(client):
    page = client.get("/to-chuc/ban-tuyen-giao-thi-uy").get_data(as_text=True)
    for label in ("Bỏ qua, đến nội dung chính", "Tìm kiếm", "Chức năng, nhiệm vụ", "Cán bộ, người liên hệ", "Điện thoại:", "Lưu vào danh bạ"):
        assert label in page
    assert "Functions and duties" not in page and '<span lang="vi">' not in page and '"person-name" lang=' not in page


def test_english_dates_numbers_and_units_from_the_same_records(client, demo_app):
    english_article, _ = english_seed(demo_app)
    article = client.get(english_article).get_data(as_text=True)
    assert "Thursday, 20 February 2020" in article and "Read this article in Vietnamese" in article
    home = client.get("/en/").get_data(as_text=True)
    assert "Secretary of the Town Party Committee" in home and 'lang="vi">Nguyễn Văn An<' in home
    assert "Conference on the 2020 tasks" in home and 'href="/en/about-us"' in home
    with demo_app.app_context():
        unit = db.session.execute(select(Unit).where(Unit.slug == "ban-tuyen-giao-thi-uy")).scalar_one()
        unit.name_en = ""
        db.session.commit()
    fallback = client.get("/en/organisation").get_data(as_text=True)
    assert '<span lang="vi">Ban Tuyên giáo Thị ủy</span>' in fallback  # no English name: the Vietnamese, marked


def test_english_articles_stay_out_of_the_vietnamese_lists_feeds_and_search(client, demo_app):
    english_article, _ = english_seed(demo_app)
    for path in ("/", "/tin-tuc/xay-dung-dang/", "/rss", "/tim-kiem?q=conference", "/api/v1/articles"):
        assert "Conference on the 2020 tasks" not in client.get(path).get_data(as_text=True), path
    found = client.get("/en/search?q=conference").get_data(as_text=True)
    assert english_article in found
    assert "Functions and duties" in client.get("/en/search?q=duties").get_data(as_text=True)
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert f"<loc>http://localhost{english_article}</loc>" in sitemap and 'hreflang="en" href="http://localhost/en/organisation"' in sitemap
    assert client.get(english_article.replace("conference-on", "old-title")).status_code == 301


def _article_fields(original: Article, **changes) -> dict:
    return {"title": "Lantern festival in Hong Linh", "slug": "", "summary": "The town's lanterns.", "body": "<p>In English.</p>",
            "category_id": original.category_id, "cover_caption": "", "cover_alt": "", "byline": "", "published_at": "",
            "thao_tac": "publish"} | changes  # fmt: skip


def test_the_admin_writes_the_english_version_of_an_article(admin_app, admin):
    with admin_app.app_context():
        original = db.session.execute(select(Article).where(Article.title != SEED_TITLE, Article.language == "vi")).scalars().first()
        db.session.expunge(original)
    with admin_app.test_request_context():
        vietnamese_url = original.url
    edit = admin.client.get(f"/quan-tri/bai-viet/{original.id}").get_data(as_text=True)
    translate = f"/quan-tri/bai-viet/{original.id}/ban-tieng-anh"
    assert f'href="{translate}">Viết bản tiếng Anh<' in edit
    form = admin.client.get(translate).get_data(as_text=True)
    assert original.title in form and "Viết bản tiếng Anh" in form  # the Vietnamese text, to translate
    assert admin.post(translate, _article_fields(original)).status_code == 302
    with admin_app.app_context():
        english = db.session.execute(select(Article).where(Article.title == "Lantern festival in Hong Linh")).scalar_one()
        assert english.language == "en" and english.original.id == original.id and english.slug == "lantern-festival-in-hong-linh"
        english_url, english_id = f"/en/news/{english.slug}-{english.id}.html", english.id
    assert admin.client.get(translate).headers["Location"].endswith(f"/quan-tri/bai-viet/{english_id}")
    reader = admin_app.test_client()
    assert alternates(reader, english_url)["vi"] == vietnamese_url and alternates(reader, vietnamese_url)["en"] == english_url
    assert english_url in reader.get("/en/").get_data(as_text=True)
    assert "Lantern festival" not in reader.get("/").get_data(as_text=True)
    assert admin.post(translate, _article_fields(original), form_url=f"/quan-tri/bai-viet/{original.id}").status_code == 302  # one version only
    with admin_app.app_context():
        assert db.session.execute(select(Article).where(Article.title == "Lantern festival in Hong Linh")).scalars().all().__len__() == 1


def test_the_admin_writes_the_english_version_of_a_page_and_a_unit(admin_app, admin):
    with admin_app.app_context():
        history = db.session.execute(select(Page.id).where(Page.title == "Lịch sử")).scalar_one()
        about = db.session.execute(select(Page.id).where(Page.title == "About us")).scalar_one()
        unit = db.session.execute(select(Unit).where(Unit.slug == "van-phong-thi-uy")).scalar_one()
        unit_id, parent_id = unit.id, unit.parent_id
    translate = f"/quan-tri/trang/{history}/ban-tieng-anh"
    assert "Vùng đất dưới chân núi" in admin.client.get(translate).get_data(as_text=True)
    fields = {"title": "History", "slug": "", "parent_id": str(about), "summary": "", "body": "<p>Our history.</p>", "published": "y"}
    assert admin.post(translate, fields).status_code == 302
    reader = admin_app.test_client()
    assert alternates(reader, "/en/about-us/history") == {"vi": "/gioi-thieu/lich-su", "en": "/en/about-us/history", "x-default": "/gioi-thieu/lich-su"}
    edit = f"/quan-tri/to-chuc/don-vi/{unit_id}"
    unit_fields = {"name": "Văn phòng Thị ủy", "name_en": "The Office", "slug": "van-phong-thi-uy", "parent_id": str(parent_id),
                   "duties": "<p>Tham mưu.</p>", "duties_en": "<p>Runs the <b>daily</b> work.</p><script>x()</script>",
                   "address": "", "phone": "", "email": ""}  # fmt: skip
    assert admin.post(edit, unit_fields).status_code == 302
    page = reader.get("/en/organisation/van-phong-thi-uy").get_data(as_text=True)
    assert "<h1 id=\"tieu-de\">The Office</h1>" in page and "<b>daily</b>" in page and "x()" not in page
    assert "Văn phòng Thị ủy</h1>" in reader.get("/to-chuc/van-phong-thi-uy").get_data(as_text=True)


def test_the_catalogue_translates_every_label_of_the_templates():
    """`make messages` leaves nothing out: every _() of the templates is in the catalogue, in English."""
    with open(CATALOGUE, "rb") as file:
        catalogue = read_po(file)
    with open(ROOT / "babel.cfg") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    extracted = {found[2] for folder in ("templates", "portal") for found in extract_from_dir(ROOT / folder, method_map, options_map)}
    assert "Không tìm thấy trang" in extracted and "Trang chủ" in extracted
    wanted = {message if isinstance(message, str) else message[0] for message in extracted}
    missing = [label for label in wanted if not catalogue.get(label) or not catalogue.get(label).string]
    assert missing == []
    assert not any(message.fuzzy for message in catalogue if message.id)


def test_purging_the_original_keeps_the_english_version_on_its_own(client, demo_app):
    english_article, _ = english_seed(demo_app)
    with demo_app.app_context():
        seed = db.session.execute(select(Article).where(Article.title == SEED_TITLE)).scalar_one()
        seed.status = "trashed"
        db.session.commit()
        housekeeping.purge(seed, None)
        assert db.session.execute(select(Article).where(Article.language == "en")).scalar_one().original is None
    assert alternates(client, english_article) == {}  # nothing to link any more; the English article stays


def test_two_editors_translating_one_article_at_once_get_one_version_and_a_message(admin_app):
    """The second editor checked before the first one's English version was stored: the unique
    pair refuses them, with the form's message, not a server error; nothing of theirs is kept."""
    with admin_app.app_context():
        original = db.session.execute(select(Article).where(Article.language == "vi", Article.title != SEED_TITLE)).scalars().first()
        assert original.translation is None  # what the second editor's request read
        writer = db.session.execute(select(User).where(User.username == "quantri")).scalar_one()
        with db.engine.begin() as first_editor:  # meanwhile, the first editor's version is stored
            english_id = first_editor.execute(insert(Article.__table__).values(
                title="First", slug="first", summary="", body="", category_id=original.category_id, status="draft",
                language="en", created_at=clock.now(), updated_at=clock.now())).inserted_primary_key[0]  # fmt: skip
            first_editor.execute(insert(article_translation).values(article_id=english_id, original_id=original.id))
        data = publishing.ArticleInput("Second", "", "", "<p>Second</p>", original.category_id, None, "", "", None)
        with pytest.raises(publishing.PublishingError, match="Bài này đã có bản tiếng Anh"):
            publishing.create_article(data, writer, clock.now(), publishing.Action(), translation_of=original)
        assert db.session.execute(select(Article).where(Article.title == "Second")).first() is None
