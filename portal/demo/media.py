"""Demo media drawn or synthesised on the fly, standard library only.

* ``song_wav``: a melody rendered as a small mono 8-bit PCM WAV file.
* ``town_map_svg``: a hand-drawn-style sketch map of thị xã Hồng Lĩnh.
* ``placeholder_photo_svg``: a soft "photo" placeholder for article figures.
* ``favicon_svg``: the site icon (red square, yellow star).
"""

from __future__ import annotations

import functools
import io
import math
import random
import re
import wave
from xml.sax.saxutils import escape

FONT = "Arial, Helvetica, sans-serif"

# --------------------------------------------------------------------------- sound

_NOTE = re.compile(r"^([A-Ga-g])([#b]?)(-?\d)$")
_SEMITONES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_RESTS = {"R", "REST", "-", ""}


def note_frequency(name: str) -> float | None:
    """Frequency in Hz of a note name such as "A4", "C#5" or "Bb3"; ``None`` for a rest ("R")."""
    name = name.strip()
    if name.upper() in _RESTS:
        return None
    match = _NOTE.match(name)
    if not match:
        raise ValueError(f"Unknown note name: {name!r}")
    letter, accidental, octave = match.groups()
    semitone = _SEMITONES[letter.upper()] + {"#": 1, "b": -1, "": 0}[accidental]
    midi = 12 * (int(octave) + 1) + semitone
    return 440.0 * 2 ** ((midi - 69) / 12)


def song_wav(melody: list[tuple[str, float]], tempo: int = 120, rate: int = 8000) -> bytes:
    """Render ``melody`` (note name, beats) to a mono 8-bit PCM WAV file.

    Each note is a soft sine tone (with a touch of second and third harmonic and a
    gentle vibrato) shaped by a short attack and release so notes do not click. A melody is
    rendered once per process (a tenth of a second each, in pure Python): the test suite
    loads the demo site hundreds of times.
    """
    return _rendered(tuple((name, beats) for name, beats in melody), tempo, rate)


@functools.lru_cache(maxsize=8)
def _rendered(melody: tuple[tuple[str, float], ...], tempo: int, rate: int) -> bytes:
    if tempo <= 0:
        raise ValueError("tempo must be positive")
    if not 1000 <= rate <= 48000:
        raise ValueError("rate must be between 1000 and 48000 Hz")

    seconds_per_beat = 60.0 / tempo
    attack = int(0.012 * rate)
    pad = int(0.08 * rate)  # a little silence before and after
    samples = bytearray([128]) * pad
    two_pi = 2 * math.pi
    for name, beats in melody:
        if beats <= 0:
            raise ValueError(f"beats must be positive: {beats!r}")
        count = max(1, round(beats * seconds_per_beat * rate))
        frequency = note_frequency(name)
        if frequency is None or frequency >= rate / 2:
            samples.extend(b"\x80" * count)
            continue
        release = min(int(0.06 * rate), count // 3)
        phase = 0.0
        note = bytearray(count)
        for i in range(count):
            t = i / rate
            # slight vibrato that only sets in after the attack, like a held sung note
            wobble = 1.0 + 0.004 * math.sin(two_pi * 5.5 * t) * min(1.0, t * 4)
            phase += two_pi * frequency * wobble / rate
            tone = math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.08 * math.sin(3 * phase)
            if i < attack:
                envelope = i / attack
            elif i >= count - release:
                envelope = (count - i) / release
            else:
                envelope = 1.0
            envelope *= math.exp(-1.2 * t)  # a soft decay, plucked rather than organ-like
            value = 128 + round(0.55 * 127 * tone * envelope / 1.33)
            note[i] = min(255, max(0, value))
        samples.extend(note)
    samples.extend(b"\x80" * pad)

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)  # 8-bit PCM is unsigned, silence = 128
        out.setframerate(rate)
        out.writeframes(bytes(samples))
    return buffer.getvalue()


# --------------------------------------------------------------------------- drawing helpers


def _sketch_path(points: list[tuple[float, float]], rng: random.Random, jitter: float = 2.5, closed: bool = False) -> str:
    """A path through ``points`` with slightly wobbly segments, like a pen sketch."""
    pts = list(points) + ([points[0]] if closed else [])
    parts = [f"M{pts[0][0]:.0f} {pts[0][1]:.0f}"]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        mx = (x0 + x1) / 2 + rng.uniform(-jitter, jitter)
        my = (y0 + y1) / 2 + rng.uniform(-jitter, jitter)
        parts.append(f"Q{mx:.0f} {my:.0f} {x1:.0f} {y1:.0f}")
    if closed:
        parts.append("Z")
    return "".join(parts)


# --------------------------------------------------------------------------- town map

# A stylised outline of the town (not to scale): mountains to the east, river to the north-west.
_OUTLINE = [
    (175, 130), (250, 100), (330, 92), (420, 105), (500, 128), (565, 170), (605, 235),
    (625, 310), (615, 390), (575, 455), (510, 505), (430, 530), (345, 528), (270, 500),
    (205, 450), (160, 380), (140, 300), (145, 210),
]

_WARDS = [
    # name, x, y, label dx, label anchor
    ("Trung Lương", 225, 185, 12, "start"),
    ("Đức Thuận", 455, 175, 12, "start"),
    ("Bắc Hồng", 345, 265, 12, "start"),
    ("Nam Hồng", 395, 385, 12, "start"),
    ("Đậu Liêu", 515, 445, -12, "end"),
    ("Thuận Lộc", 240, 395, 12, "start"),
]


def town_map_svg() -> str:
    """A hand-drawn-style sketch map of thị xã Hồng Lĩnh, 800 × 600, self-contained SVG."""
    rng = random.Random(1831)  # fixed seed: the same drawing every time
    out: list[str] = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" '
        f'font-family="{FONT}" role="img" aria-labelledby="map-title">',
        '<title id="map-title">Bản đồ thị xã Hồng Lĩnh</title>',
        '<rect width="800" height="600" fill="#f6f1e3"/>',
        # neighbouring land, very light
        '<g fill="none" stroke="#d9cfb4" stroke-width="1">',
    ]
    for y in range(40, 600, 40):
        out.append(f'<path d="{_sketch_path([(0, y), (200, y + 6), (400, y - 4), (600, y + 5), (800, y)], rng, 4)}"/>')
    out.append("</g>")

    # the town
    outline = _sketch_path(_OUTLINE, rng, 6, closed=True)
    out.append(f'<path d="{outline}" fill="#eadfbe" stroke="#8a6d3b" stroke-width="3" stroke-linejoin="round"/>')
    out.append(
        f'<path d="{_sketch_path(_OUTLINE, rng, 8, closed=True)}" fill="none" stroke="#8a6d3b" '
        'stroke-width="1" stroke-dasharray="6 5" opacity="0.6"/>'
    )

    # Sông Lam along the north-west
    river = "M0 205 C60 195 95 150 140 120 S235 60 300 45 S420 20 470 0"
    out.append(f'<path d="{river}" fill="none" stroke="#6a9fc8" stroke-width="16" stroke-linecap="round" opacity="0.85"/>')
    out.append(f'<path d="{river}" fill="none" stroke="#a9cbe6" stroke-width="5" stroke-linecap="round"/>')
    out.append(
        '<text x="70" y="150" font-size="17" font-style="italic" fill="#2f6690" '
        'transform="rotate(-32 70 150)">Sông Lam</text>'
    )

    # Hồng Lĩnh range along the east: overlapping sketched peaks
    out.append('<g stroke="#4f6b3a" stroke-width="2" stroke-linejoin="round">')
    peaks = []
    for i in range(19):
        t = i / 18
        x = 585 + 150 * t + rng.uniform(-12, 12) + 55 * math.sin(t * 3.1)
        y = 120 + 420 * t + rng.uniform(-10, 10)
        peaks.append((x, y, rng.uniform(26, 44), rng.uniform(34, 60)))
    for x, y, half, height in sorted(peaks, key=lambda p: p[1]):
        shade = "#7f9a5f" if rng.random() < 0.5 else "#6f8c52"
        out.append(
            f'<path d="M{x - half:.0f} {y:.0f} L{x + rng.uniform(-6, 6):.0f} {y - height:.0f} '
            f'L{x + half:.0f} {y:.0f} Z" fill="{shade}"/>'
        )
    out.append("</g>")
    out.append(
        '<text x="700" y="48" font-size="17" font-weight="bold" fill="#3e5530" text-anchor="middle" '
        'paint-order="stroke" stroke="#f6f1e3" stroke-width="4">Dãy núi Hồng Lĩnh</text>'
    )

    # Quốc lộ 1A, north-south through the town
    road = "M392 0 C388 90 372 180 366 270 S372 440 408 520 S440 580 452 600"
    out.append(f'<path d="{road}" fill="none" stroke="#9c3d2e" stroke-width="9" stroke-linecap="round"/>')
    out.append(f'<path d="{road}" fill="none" stroke="#f3c969" stroke-width="3" stroke-dasharray="10 8"/>')
    out.append(
        '<g font-size="13" fill="#7a2e22"><text x="398" y="60">Quốc lộ 1A</text>'
        '<text x="398" y="22">↑ đi TP. Vinh</text>'
        '<text x="462" y="590">↓ đi TP. Hà Tĩnh</text></g>'
    )

    # wards and commune
    out.append('<g font-size="16" fill="#2b2b2b" stroke-linejoin="round">')
    for name, x, y, dx, anchor in _WARDS:
        centre = name == "Bắc Hồng"
        radius = 8 if centre else 6
        out.append(f'<circle cx="{x}" cy="{y}" r="{radius}" fill="#b22222" stroke="#fff" stroke-width="2"/>')
        weight = ' font-weight="bold"' if centre else ""
        out.append(
            f'<text x="{x + dx}" y="{y + 5}" text-anchor="{anchor}" '
            f'paint-order="stroke" stroke="#f6f1e3" stroke-width="4"{weight}>{escape(name)}</text>'
        )
    out.append("</g>")
    out.append(
        '<text x="357" y="290" font-size="12" fill="#555" paint-order="stroke" stroke="#f6f1e3" '
        'stroke-width="3">(trung tâm thị xã)</text>'
    )

    # title, compass, legend
    out.append(
        '<text x="24" y="560" font-size="24" font-weight="bold" fill="#5a3d1a">THỊ XÃ HỒNG LĨNH</text>'
        '<text x="24" y="584" font-size="14" fill="#5a3d1a">Tỉnh Hà Tĩnh · Sơ đồ minh họa, không theo tỷ lệ</text>'
    )
    out.append(
        '<g transform="translate(60 290)" fill="#5a3d1a" stroke="#5a3d1a" stroke-width="1.5">'
        '<circle r="22" fill="none"/><path d="M0 -30 L7 0 L0 -6 L-7 0 Z"/>'
        '<path d="M0 30 L7 0 L0 6 L-7 0 Z" fill="none"/>'
        '<text y="-36" font-size="14" text-anchor="middle" stroke="none">B</text></g>'
    )
    out.append(
        '<g transform="translate(24 420)" font-size="12" fill="#333">'
        '<rect x="-8" y="-18" width="150" height="104" rx="6" fill="#fffaf0" stroke="#c9b98f"/>'
        '<circle cx="6" cy="-2" r="5" fill="#b22222"/><text x="20" y="2">Phường, xã</text>'
        '<path d="M0 20 H14" stroke="#9c3d2e" stroke-width="5"/><text x="20" y="24">Quốc lộ</text>'
        '<path d="M0 42 H14" stroke="#6a9fc8" stroke-width="6"/><text x="20" y="46">Sông</text>'
        '<path d="M0 70 L7 56 L14 70 Z" fill="#7f9a5f" stroke="#4f6b3a"/><text x="20" y="68">Núi</text>'
        "</g>"
    )
    out.append("</svg>")
    return "\n".join(out)


# --------------------------------------------------------------------------- photo placeholder

_PALETTES = [
    ("#dbe9f4", "#f7efe0", "#9fb7a0", "#6f8f72"),  # morning, green hills
    ("#f3dfc8", "#fbf3e6", "#b7a58c", "#8c7a63"),  # warm afternoon
    ("#e3e6f0", "#f6f6f8", "#a3adbf", "#7d889e"),  # overcast
    ("#d9efe9", "#f4f8ef", "#93b59b", "#5f8868"),  # spring
]


def placeholder_photo_svg(caption: str, seed: int) -> str:
    """A 1200 × 675 soft placeholder "photo": sky, hills and either a hall or fields, from ``seed``."""
    rng = random.Random(seed)
    sky_top, sky_bottom, far, near = _PALETTES[rng.randrange(len(_PALETTES))]
    gid = f"sky{seed & 0xFFFFFFFF:x}"
    title = escape(caption)
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675" role="img">',
        f"<title>{title}</title>",
        f'<defs><linearGradient id="{gid}" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{sky_top}"/><stop offset="1" stop-color="{sky_bottom}"/>'
        "</linearGradient></defs>",
        f'<rect width="1200" height="675" fill="url(#{gid})"/>',
    ]
    # distant ridge, then nearer hills
    for colour, base, amplitude, opacity in ((far, 360, 110, 0.55), (near, 430, 70, 0.7)):
        points = [(0, 675), (0, base)]
        steps = 8
        for i in range(1, steps):
            points.append((1200 * i / steps, base - rng.uniform(0.2, 1.0) * amplitude))
        points += [(1200, base - rng.uniform(0, amplitude)), (1200, 675)]
        coords = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
        parts.append(f'<polygon points="{coords}" fill="{colour}" opacity="{opacity}"/>')
    parts.append(f'<rect y="500" width="1200" height="175" fill="{near}" opacity="0.35"/>')

    if rng.random() < 0.6:
        # a meeting hall: roof, columns and a red banner
        x = rng.randrange(300, 560)
        width = 600
        parts.append(f'<rect x="{x}" y="300" width="{width}" height="230" fill="#f4f1ea" stroke="#c8c1b2" stroke-width="3"/>')
        parts.append(f'<polygon points="{x - 30},300 {x + width // 2},215 {x + width + 30},300" fill="#b8483a" opacity="0.85"/>')
        parts.append(f'<rect x="{x + 80}" y="318" width="{width - 160}" height="44" fill="#c0392b"/>')
        parts.append(f'<rect x="{x + 100}" y="334" width="{width - 200}" height="10" fill="#f1c40f" opacity="0.8"/>')
        for i in range(6):
            cx = x + 45 + i * (width - 90) / 5
            parts.append(f'<rect x="{cx - 12:.0f}" y="378" width="24" height="152" fill="#e1dbcf"/>')
        parts.append(f'<rect x="{x - 40}" y="530" width="{width + 80}" height="18" fill="#d5cfc2"/>')
    else:
        # fields and a row of trees
        for i in range(5):
            y = 520 + i * 30
            parts.append(f'<path d="M0 {y} Q600 {y - 25 + rng.randrange(20)} 1200 {y}" stroke="#7a9b64" stroke-width="6" fill="none" opacity="0.5"/>')
        for _ in range(rng.randrange(5, 9)):
            tx = rng.randrange(40, 1160)
            size = rng.randrange(28, 52)
            parts.append(f'<rect x="{tx - 4}" y="{500 - size // 2}" width="8" height="{size // 2 + 10}" fill="#6b5a45"/>')
            parts.append(f'<circle cx="{tx}" cy="{500 - size // 2 - size // 2}" r="{size // 2 + 6}" fill="#5f8868" opacity="0.85"/>')
    # a soft sun
    parts.append(f'<circle cx="{rng.randrange(120, 1080)}" cy="{rng.randrange(70, 160)}" r="46" fill="#fff6d5" opacity="0.8"/>')
    parts.append("</svg>")
    return "\n".join(parts)


# --------------------------------------------------------------------------- favicon


def favicon_svg() -> str:
    """A 64 × 64 icon: red rounded square with a yellow five-pointed star."""
    cx, cy, outer = 32.0, 34.0, 22.0
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(f"{cx + radius * math.cos(angle):.1f},{cy + radius * math.sin(angle):.1f}")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
        '<rect width="64" height="64" rx="12" ry="12" fill="#da251d"/>'
        f'<polygon points="{" ".join(points)}" fill="#ffde00"/>'
        "</svg>"
    )
