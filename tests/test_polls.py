"""Polls: the widget on both paths (htmx and a plain form), its results drawn on the server,
the reader's own state through the live fragment, every refusal in Vietnamese with its status,
and the admin."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.demo.albums import POLL_QUESTION
from portal.extensions import db
from portal.models import Poll, PollBallot, PollChoice
from portal.services import polls
from portal.web.cross_origin import REFUSED
from portal.widgets.routes_poll import NOT_A_READER, THANKS, TOO_MANY
from tests.counters_support import BROWSER_UA
from tests.helpers import read

HTMX = {"HX-Request": "true", "Sec-Fetch-Site": "same-origin", "User-Agent": BROWSER_UA}
PLAIN = {"Sec-Fetch-Site": "same-origin", "User-Agent": BROWSER_UA}


def demo_poll(app) -> tuple[int, list[int]]:
    with app.app_context():
        poll = db.session.execute(select(Poll).where(Poll.question == POLL_QUESTION)).scalar_one()
        return poll.id, [choice.id for choice in poll.choices]


def make_poll(app, multiple: bool = False, closed: bool = False) -> tuple[int, list[int]]:
    with app.app_context():
        poll = Poll(question="Câu hỏi thử", multiple=multiple, closes_at=clock.now() - timedelta(hours=1) if closed else None,
                    choices=[PollChoice(label=f"Ý {n}", position=n) for n in range(1, 4)])  # fmt: skip
        db.session.add(poll)
        db.session.commit()
        return poll.id, [choice.id for choice in poll.choices]


def counts(app, poll_id: int) -> tuple[int, list[int], int]:
    with app.app_context():
        poll = db.session.get(Poll, poll_id)
        ballots = db.session.execute(select(func.count()).where(PollBallot.poll_id == poll_id)).scalar()
        return poll.voters, [choice.votes for choice in poll.choices], ballots


def test_the_sidebar_poll_is_the_same_form_for_everyone_and_the_live_fragment_brings_own_results(demo_app):
    poll_id, choices = demo_poll(demo_app)
    reader = demo_app.test_client()
    page, live = read(reader, "/", headers={"User-Agent": BROWSER_UA})
    html = page.get_data(as_text=True)
    assert f'id="tham-do-{poll_id}"' in html and 'class="poll-form"' in html and f"tham-do={poll_id}" in html
    assert "poll-results" not in live.get_data(as_text=True)  # not voted yet: the page's form stays
    answer = reader.post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[1])}, headers=HTMX)
    fragment = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "<html" not in fragment and THANKS in fragment
    assert "<svg" in fragment and "100,0%" in fragment and "(1 phiếu)" in fragment and "1 người đã bình chọn." in fragment
    page, live = read(reader, "/", headers={"User-Agent": BROWSER_UA})
    assert 'class="poll-form"' in page.get_data(as_text=True)  # the page is everyone's
    assert 'data-hx-swap-oob="true"' in live.get_data(as_text=True) and "bạn đã chọn" in live.get_data(as_text=True)
    assert counts(demo_app, poll_id) == (1, [0, 1, 0, 0], 1)


def test_a_plain_form_gets_the_polls_page_with_the_results(demo_app):
    poll_id, choices = demo_poll(demo_app)
    response = demo_app.test_client().post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[0])}, headers=PLAIN)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in page and response.headers["Cache-Control"] == "no-store"
    assert "<h1>Thăm dò ý kiến</h1>" in page and THANKS in page and "poll-results" in page


def test_a_multiple_choice_poll_counts_each_choice_and_the_voter_once(demo_app):
    poll_id, choices = make_poll(demo_app, multiple=True)
    client = demo_app.test_client()
    assert client.post(f"/widgets/poll/{poll_id}", data={"choice": [str(choices[0]), str(choices[2])]}, headers=HTMX).status_code == 200
    fragment = demo_app.test_client().post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[0])}, headers=HTMX).get_data(as_text=True)
    assert "100,0%" in fragment and "50,0%" in fragment and "2 người đã bình chọn." in fragment
    assert counts(demo_app, poll_id) == (2, [2, 0, 1], 2)


def _bad_votes(app):
    poll_id, choices = demo_poll(app)
    closed_id, closed_choices = make_poll(app, closed=True)
    return [
        ("a closed poll", closed_id, [closed_choices[0]], 409, polls.PollClosed.message),
        ("an unknown choice", poll_id, [closed_choices[0]], 422, polls.UnknownChoice.message),
        ("too many on a single choice", poll_id, choices[:2], 422, polls.TooManyChoices.message),
        ("no choice", poll_id, [], 400, polls.NoChoice.message),
        ("a forged poll id", 999_999, [choices[0]], 404, polls.PollUnavailable.message),
    ]


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain form"])
def test_bad_votes_are_refused_in_vietnamese_and_change_nothing(demo_app, htmx):
    poll_id, _ = demo_poll(demo_app)
    for name, target, chosen, status, message in _bad_votes(demo_app):
        response = demo_app.test_client().post(f"/widgets/poll/{target}", data={"choice": [str(c) for c in chosen]},
                                               headers=HTMX if htmx else PLAIN)  # fmt: skip
        body = response.get_data(as_text=True)
        assert response.status_code == status, name
        assert (message in body) if htmx or status != 404 else "Không tìm thấy trang" in body, name
    assert counts(demo_app, poll_id) == (0, [0, 0, 0, 0], 0)
    with demo_app.app_context():
        assert db.session.execute(select(func.count(PollBallot.id))).scalar() == 0


def test_a_second_vote_a_bot_and_a_cross_site_post_are_refused(demo_app):
    poll_id, choices = demo_poll(demo_app)
    client = demo_app.test_client()
    assert client.post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[0])}, headers=HTMX).status_code == 200
    again = client.post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[1])}, headers=HTMX)
    assert again.status_code == 409 and polls.AlreadyVoted.message in again.get_data(as_text=True)
    bot = demo_app.test_client().post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[0])},
                                      headers=HTMX | {"User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"})  # fmt: skip
    assert bot.status_code == 403 and NOT_A_READER in bot.get_data(as_text=True)
    forged = demo_app.test_client().post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[0])},
                                         headers=HTMX | {"Sec-Fetch-Site": "cross-site"})  # fmt: skip
    assert forged.status_code == 403 and REFUSED in forged.get_data(as_text=True)
    assert counts(demo_app, poll_id) == (1, [1, 0, 0, 0], 1)


def test_ballots_from_one_address_are_limited(make_app):
    app = make_app(demo=True, RATING_LIMIT="2 per minute")
    poll_id, choices = demo_poll(app)
    statuses = [app.test_client().post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[0])}, headers=HTMX)
                for _ in range(3)]  # fmt: skip
    assert [r.status_code for r in statuses] == [200, 200, 429] and TOO_MANY in statuses[2].get_data(as_text=True)
    assert counts(app, poll_id)[0] == 2


def test_a_closed_poll_shows_its_results_to_everyone(demo_app):
    poll_id, _ = make_poll(demo_app, closed=True)
    page = demo_app.test_client().get(f"/tham-do/{poll_id}").get_data(as_text=True)
    assert "poll-results" in page and "Cuộc thăm dò đã kết thúc" in page and f'action="/widgets/poll/{poll_id}"' not in page


def test_the_admin_creates_a_poll_inside_an_article_and_closes_it(admin, admin_app):
    with admin_app.test_request_context():
        from tests.helpers import seed_article

        article_url = "http://localhost" + seed_article(admin_app).url
    too_few = admin.post("/quan-tri/tham-do/moi", {"question": "Bạn thấy sao?", "choices": "Tốt"})
    assert too_few.status_code == 422 and "Cần từ 2 đến 10 câu trả lời" in too_few.get_data(as_text=True)
    made = admin.post("/quan-tri/tham-do/moi", {"question": "Bạn thấy hội nghị thế nào?", "choices": "Bổ ích\nBình thường",
                                                "article_link": article_url})  # fmt: skip
    assert made.status_code == 302
    with admin_app.app_context():
        poll = db.session.execute(select(Poll).where(Poll.question == "Bạn thấy hội nghị thế nào?")).scalar_one()
    page = admin_app.test_client().get(article_url.removeprefix("http://localhost")).get_data(as_text=True)
    assert "Bạn thấy hội nghị thế nào?" in page and f"tham-do={poll.id}" in page
    assert admin.post(f"/quan-tri/tham-do/{poll.id}/ket-thuc", form_url="/quan-tri/tham-do").status_code == 303
    with admin_app.app_context():
        assert not db.session.get(Poll, poll.id).is_open(clock.now())
    closed = admin_app.test_client().post(f"/widgets/poll/{poll.id}", data={"choice": "1"}, headers=HTMX)
    assert closed.status_code == 409


def test_a_poll_with_ballots_keeps_its_choices_and_their_counts(admin, admin_app):
    poll_id, choices = demo_poll(admin_app)
    assert admin_app.test_client().post(f"/widgets/poll/{poll_id}", data={"choice": str(choices[2])}, headers=HTMX).status_code == 200
    url = f"/quan-tri/tham-do/{poll_id}"
    base = {"question": POLL_QUESTION, "in_sidebar": "y"}
    added = admin.post(url, base | {"choices": "Một\nHai\nBa\nBốn\nNăm"})
    assert added.status_code == 422 and "không thêm hay bớt" in added.get_data(as_text=True)
    switched = admin.post(url, base | {"choices": "A\nB\nC\nD", "multiple": "y"})
    assert switched.status_code == 422 and "chọn một và chọn nhiều" in switched.get_data(as_text=True)
    assert admin.post(url, base | {"choices": "A\nB\nVăn bản mới\nD"}).status_code == 302
    with admin_app.app_context():
        poll = db.session.get(Poll, poll_id)
        assert [(c.label, c.votes) for c in poll.choices] == [("A", 0), ("B", 0), ("Văn bản mới", 1), ("D", 0)]
