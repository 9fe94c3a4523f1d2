"""What the poll widget shows one visitor: the form, or the results once they have voted or
the poll has closed, with a message."""

from dataclasses import dataclass, field
from datetime import datetime

from portal.models import Poll
from portal.services import polls
from portal.services.polls import PollResults
from portal.text import format_number, format_one_decimal
from portal.web.visitor import known_visitor


@dataclass(frozen=True)
class Bar:
    """One choice in the results: its label, votes and share of the voters."""

    choice_id: int
    label: str
    votes: int
    percent: float

    @property
    def percent_text(self) -> str:
        return f"{format_one_decimal(self.percent)}%"

    @property
    def votes_text(self) -> str:
        return f"{format_number(self.votes)} phiếu"


@dataclass
class PollPanel:
    poll: Poll
    is_open: bool
    results: PollResults | None = None  # shown when not None
    own: set[int] = field(default_factory=set)  # the visitor's choices
    checked: set[int] = field(default_factory=set)  # ticked in the form: what was just posted
    message: str = ""
    tone: str = "success"

    @property
    def bars(self) -> list[Bar]:
        voters = self.results.voters if self.results else 0
        return [
            Bar(choice.id, choice.label, votes := self.results.votes.get(choice.id, 0), 100 * votes / voters if voters else 0.0)
            for choice in self.poll.choices
        ]


def poll_panel(poll: Poll, now: datetime, own: set[int] | None = None, results: PollResults | None = None,
               message: str = "", tone: str = "success", checked: set[int] | None = None) -> PollPanel:  # fmt: skip
    """The widget for one visitor. Without ``own`` their ballot is looked up when they have an id
    (the live fragment, a plain form); a page for everyone passes an empty set."""
    if own is None:
        visitor = known_visitor()
        own = polls.own_choices(poll.id, visitor) if visitor else set()
    is_open = poll.is_open(now)
    if results is None and (own or not is_open):
        results = polls.results_of(poll)
    return PollPanel(poll, is_open, results, own, checked or set(), message, tone)


def page_panel(poll: Poll | None, now: datetime) -> PollPanel | None:
    """The widget every reader of a page gets: the form, or the results of a closed poll."""
    return poll_panel(poll, now, own=set()) if poll else None
