"""A poll voted by 2,000 distinct visitors from 20 threads at once, on a real server (Werkzeug's
threaded server on a SQLite file, or on PostgreSQL in CI's second run): every count exact."""

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Poll, PollBallot, PollChoice
from portal.models.polls import poll_ballot_choice
from tests.live_server import serve
from tests.poll_ballots import VOTERS, vote_together

pytestmark = pytest.mark.slow  # left out of the fast subset (README)


def test_two_thousand_ballots_at_once_are_counted_exactly(make_app):
    app = make_app(demo=True, RATING_LIMIT="")  # every ballot comes from 127.0.0.1
    with app.app_context():
        poll = Poll(question="Bạn đi làm bằng gì?", multiple=True,
                    choices=[PollChoice(label=label, position=n) for n, label in enumerate(("Xe máy", "Xe đạp", "Đi bộ", "Ô tô"))])  # fmt: skip
        db.session.add(poll)
        db.session.commit()
        poll_id, choice_ids = poll.id, [choice.id for choice in poll.choices]
    with serve(app) as base:
        statuses, expected, seconds = vote_together([base], poll_id, choice_ids)
    print(f"\n{VOTERS} ballots from {VOTERS} visitors in 20 threads: {seconds:.1f} s ({VOTERS / seconds:.0f}/s)")
    assert statuses == [200] * VOTERS
    with app.app_context():
        poll = db.session.get(Poll, poll_id)
        assert poll.voters == VOTERS == db.session.execute(select(func.count(PollBallot.id))).scalar()
        assert {choice.id: choice.votes for choice in poll.choices} == dict(expected)
        rows = db.session.execute(select(poll_ballot_choice.c.choice_id, func.count()).group_by(poll_ballot_choice.c.choice_id))
        assert dict(rows.all()) == dict(expected)
