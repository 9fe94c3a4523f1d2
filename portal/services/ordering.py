"""Moving one item up or down a list the webmaster orders (categories, blocks, songs, links)."""

from typing import Protocol


class Positioned(Protocol):
    position: int


def move_in(items: list[Positioned], item: Positioned, step: int) -> None:
    """Move ``item`` one place (step −1 up, +1 down) and renumber the list 1..n."""
    index = items.index(item)
    target = index + step
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, each in enumerate(items, start=1):
        each.position = position
