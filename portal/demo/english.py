"""The demo's English section, of our own writing: the site's and the units' English names and
duties, the leaders' positions in English, an English "About us" with its "Functions and duties"
page, and the seed article in English."""

from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import Article, Page, Person, Unit
from portal.models.content import ENGLISH
from portal.services import english, pages, revisions
from portal.services.content import sanitise_html

SITE = {
    "name_en": "Hong Linh Town Party Committee",
    "introduction_en": (
        "Hong Linh is a town of Ha Tinh Province, in north-central Viet Nam, at the foot of the Hong Linh mountains. "
        "The Town Party Committee leads its Party organisation between two congresses.\n"
        "This site is run by the committee's Propaganda and Education Board. In English you will find who we are, "
        "what each of our units does, our leaders, and how to reach every unit by phone or email."
    ),
    "owner_en": "Standing Board of the Hong Linh Town Party Committee",
    "licence_en": "Licence No. 00/GP-TTDT (a sample number of the demo data)",
    "responsible_en": "Head of the Propaganda and Education Board",
}
UNITS = {
    "Thị ủy Hồng Lĩnh": ("Hong Linh Town Party Committee", "<p>The leading body of the town's Party organisation between two congresses: "
                         "it decides the town's main tasks and oversees their carrying out.</p>"),
    "Văn phòng Thị ủy": ("Office of the Town Party Committee", "<p>Assists the committee in its daily work; manages the Party's "
                         "finances and property; receives and sends out its documents.</p>"),
    "Ban Tổ chức Thị ủy": ("Organisation Board", "<p>Advises on the organisation, its staff and Party members, and on internal "
                           "political security.</p>"),
    "Ban Tuyên giáo Thị ủy": ("Propaganda and Education Board", "<p>Advises on political and ideological work, communication, the "
                              "press, culture, the arts, science and education; guides the information on this site.</p>"),
    "Ủy ban Kiểm tra Thị ủy": ("Inspection Committee", "<p>Inspects and supervises Party organisations and members; settles "
                               "complaints and denunciations about Party discipline.</p>"),
    "Ban Dân vận Thị ủy": ("Mass Mobilisation Board", "<p>Advises on work with the people, religions and ethnic groups; follows "
                           "the Fatherland Front and the mass organisations.</p>"),
}  # fmt: skip
POSITIONS = {
    "Bí thư Thị ủy": "Secretary of the Town Party Committee",
    "Phó Bí thư Thường trực Thị ủy": "Standing Deputy Secretary",
    "Chánh Văn phòng": "Chief of Office",
    "Chuyên viên": "Officer",
    "Trưởng ban": "Head of Board",
    "Phó Trưởng ban": "Deputy Head of Board",
    "Chuyên viên phụ trách báo chí, cổng thông tin": "Officer for the press and this site",
    "Chủ nhiệm": "Chair",
}
PAGES = {
    "Giới thiệu": ("About us", "The site of the Hong Linh Town Party Committee, Ha Tinh Province.",
                   "<p>This site carries the news of the Party organisation, the local government and the people of Hong Linh; "
                   "it publishes the committee's documents, introduces its organisation and lets residents write to its units.</p>"
                   "<p>The page below sets out the functions and duties of the Propaganda and Education Board.</p>"),
    "Chức năng nhiệm vụ": ("Functions and duties", "The Propaganda and Education Board advises the Town Party Committee.",
                           "<h2>Functions</h2><p>The Propaganda and Education Board advises and assists the Executive Committee and "
                           "the Standing Board of the Town Party Committee on political and ideological work, theory, communication, "
                           "the press, culture, the arts, science and education.</p><h2>Duties</h2><ul>"
                           "<li>Study and propose the committee's policies on communication and education.</li>"
                           "<li>Guide and check how the Party's resolutions are studied.</li>"
                           "<li>Follow the views of officials, Party members and residents, and report them to the committee.</li>"
                           "<li>Guide the information of the press and of this site.</li></ul>"),
}  # fmt: skip
SEED_ARTICLE = (
    "Conference on the 2020 tasks of communication and science education",
    "The Town Party Committee's Propaganda and Education Board set out its tasks for 2020.",
    "<p>On 20 February 2020 the Propaganda and Education Board of the Hong Linh Town Party Committee held a conference "
    "to review its work of 2019 and set out its tasks for 2020.</p><p>In 2020 the board will explain the resolutions of the "
    "Party congresses at every level, keep residents informed through this site and the local radio, and support the town's "
    "schools and clubs in their cultural and scientific activities.</p>",
)


def load_english(seed_title: str) -> None:
    """The English fields of the site, the units and the people; the English pages and article."""
    for unit in db.session.execute(select(Unit)).scalars():
        unit.name_en, duties = UNITS.get(unit.name, ("", ""))
        unit.duties_en = sanitise_html(duties)
    for person in db.session.execute(select(Person)).scalars():
        person.job_title_en = POSITIONS.get(person.job_title, "")
    now = clock.now()
    for original in db.session.execute(select(Page).order_by(Page.id)).scalars().all():
        if original.title in PAGES:
            title, summary, body = PAGES[original.title]
            fields = english.page_for_translation(original)
            english.save_page_translation(original, pages.PageFields(title, "", fields.parent_id, summary, body, True, ENGLISH), None, now)
    _seed_article(db.session.execute(select(Article).where(Article.title == seed_title)).scalar_one())


def _seed_article(original: Article) -> None:
    title, summary, body = SEED_ARTICLE
    translation = Article(
        title=title, slug="conference-on-the-2020-tasks-of-communication-and-science-education", summary=summary,
        body=sanitise_html(body), category_id=original.category_id, cover=original.cover, status=original.status,
        published_at=original.published_at, updated_at=original.published_at, language=ENGLISH, original=original,
    )  # fmt: skip
    db.session.add(translation)
    db.session.flush()
    revisions.record_in_transaction(translation, None, original.published_at, "create")
