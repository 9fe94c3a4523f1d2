"""Bar charts drawn on the server as SVG geometry: no script, no network."""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 220
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 48, 20, 12, 28  # room for the axis and the labels
GAP = 0.2  # share of each slot left empty between bars


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    show_label: bool


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    baseline: float
    top: float
    left: float
    scale_max: int
    bars: list[Bar]


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ at or above ``value`` (at least 1), for the axis."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(points: list[tuple[str, int]], max_labels: int = 10) -> BarChart:
    """Bars for ``points`` (label, value) scaled to the chart; every few labels shown."""
    scale_max = nice_ceiling(max((value for _, value in points), default=0))
    plot_width = WIDTH - PLOT_LEFT - PLOT_RIGHT
    plot_height = HEIGHT - PLOT_TOP - PLOT_BOTTOM
    slot = plot_width / max(len(points), 1)
    every = -(-len(points) // max_labels) or 1
    bars = []
    for index, (label, value) in enumerate(points):
        height = plot_height * value / scale_max
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(PLOT_LEFT + index * slot + slot * GAP / 2, 2),
                y=round(PLOT_TOP + plot_height - height, 2),
                width=round(slot * (1 - GAP), 2),
                height=round(height, 2),
                show_label=(len(points) - 1 - index) % every == 0,
            )
        )
    return BarChart(WIDTH, HEIGHT, PLOT_TOP + plot_height, PLOT_TOP, PLOT_LEFT, scale_max, bars)
