"""2,000 distinct visitors voting in one poll from 20 threads, against real servers: what
tests/test_polls_concurrency.py (SQLite, one server) and tests/test_scale_out.py (PostgreSQL,
two gunicorns) both send. Each ballot is a new visitor (no cookie: the vote makes the id)."""

import time
import urllib.error
import urllib.request
from collections import Counter

from tests.counters_support import BROWSER_UA
from tests.helpers import run_together

THREADS = 20
VOTERS = 2_000


def choices_of(voter: int, choice_ids: list[int]) -> list[int]:
    """Voter ``voter``'s ticks in a multiple-choice poll: one, two or three choices."""
    count = 1 + voter % 3
    return [choice_ids[(voter + k) % len(choice_ids)] for k in range(count)]


def _post(url: str, choices: list[int]) -> int:
    body = "&".join(f"choice={choice}" for choice in choices).encode()
    headers = {"User-Agent": BROWSER_UA, "HX-Request": "true", "Sec-Fetch-Site": "same-origin",
               "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def vote_together(bases: list[str], poll_id: int, choice_ids: list[int]) -> tuple[list[int], Counter, float]:
    """Every voter's ballot, the servers taken in turn; the statuses, the votes each choice
    should have, and the seconds it took."""
    expected = Counter(choice for voter in range(VOTERS) for choice in choices_of(voter, choice_ids))
    per_thread = VOTERS // THREADS

    def work(thread: int) -> list[int]:
        voters = range(thread * per_thread, (thread + 1) * per_thread)
        return [_post(f"{bases[voter % len(bases)]}/widgets/poll/{poll_id}", choices_of(voter, choice_ids)) for voter in voters]

    began = time.perf_counter()
    statuses = [status for thread in run_together(THREADS, work) for status in thread]
    return statuses, expected, time.perf_counter() - began
