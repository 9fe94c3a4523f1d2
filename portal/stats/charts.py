"""Bar charts drawn on the server as SVG geometry: no script, no network.

The geometry is in a WIDTH × HEIGHT box; the template turns x into percentages and keeps
y in pixels, so the SVG stretches to its column while its text stays at body size."""

from dataclasses import dataclass

WIDTH, HEIGHT = 640, 220
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 8, 24, 24, 30  # room for the axis and the labels
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
    ticks: list[tuple[int, float]]  # (value, y) of each gridline, 0 included


def ticks(scale_max: int) -> list[int]:
    """A few round values from 0 to ``scale_max`` for the gridlines: quarters, fifths or halves."""
    for parts in (4, 5, 2):
        if scale_max % parts == 0:
            return [scale_max * i // parts for i in range(parts + 1)]
    return [0, scale_max]


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ at or above ``value`` (at least 1), for the axis."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(points: list[tuple[str, int]], max_labels: int = 4) -> BarChart:
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
    gridlines = [(value, round(PLOT_TOP + plot_height - plot_height * value / scale_max, 2)) for value in ticks(scale_max)]
    return BarChart(WIDTH, HEIGHT, PLOT_TOP + plot_height, PLOT_TOP, PLOT_LEFT, scale_max, bars, gridlines)
