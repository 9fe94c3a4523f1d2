"""Cover images for the demo articles, drawn with Pillow: one illustration per category.

Each category has its own colours and motif (a gradient sky, hills, a sun or a drum…)
with the category's name written on it; articles of a category share its drawing but
each gets its own stored copy through the upload pipeline, so renditions and ``srcset``
exist as for a webmaster's upload. A drawing is made once per process (memoised).
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 675)
# Fonts with Vietnamese glyphs where the system has them; Pillow's own font otherwise.
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)
# category slug → (top colour, bottom colour, motif colour, motif)
_STYLES = {
    "tin-tuc-su-kien": ((18, 62, 122), (92, 160, 214), (255, 214, 102), "sun"),
    "xay-dung-dang": ((150, 20, 28), (224, 84, 64), (255, 221, 87), "star"),
    "kinh-te-xa-hoi": ((20, 98, 72), (128, 196, 120), (245, 240, 200), "bars"),
    "van-hoa-the-thao": ((96, 40, 128), (230, 130, 150), (255, 236, 180), "circles"),
    "quoc-phong-an-ninh": ((40, 70, 40), (140, 160, 90), (240, 230, 170), "shield"),
}
_DEFAULT_STYLE = ((60, 70, 90), (150, 170, 190), (250, 240, 210), "sun")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _gradient(top: tuple, bottom: tuple) -> Image.Image:
    """A vertical gradient, drawn as a 1-pixel column and stretched (fast)."""
    column = Image.new("RGB", (1, SIZE[1]))
    for y in range(SIZE[1]):
        t = y / (SIZE[1] - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    return column.resize(SIZE)


def _hills(draw: ImageDraw.ImageDraw, colour: tuple) -> None:
    width, height = SIZE
    for layer, shade in enumerate((0.55, 0.35)):
        tone = tuple(round(c * shade) for c in colour)
        base = height * (0.68 + 0.1 * layer)
        points = [(x, base - 60 * math.sin(x / (170 + 60 * layer) + layer * 2)) for x in range(0, width + 20, 20)]
        draw.polygon([(0, height), *points, (width, height)], fill=tone)


def _star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    points = []
    for n in range(10):
        radius = outer if n % 2 == 0 else outer * 0.4
        angle = -math.pi / 2 + n * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _motif(draw: ImageDraw.ImageDraw, motif: str, colour: tuple) -> None:
    if motif == "sun":
        draw.ellipse((820, 90, 1020, 290), fill=colour)
    elif motif == "star":
        draw.polygon(_star(920, 200, 120), fill=colour)
    elif motif == "bars":
        for n, height in enumerate((120, 180, 150, 240, 300)):
            draw.rectangle((760 + n * 70, 420 - height, 810 + n * 70, 420), fill=colour)
    elif motif == "circles":
        for n, (x, y, r) in enumerate(((920, 170, 90), (1050, 250, 60), (860, 300, 45))):
            draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=14 - 3 * n)
    elif motif == "shield":
        draw.polygon([(880, 90), (1040, 90), (1040, 250), (960, 330), (880, 250)], fill=colour)
        draw.polygon(_star(960, 200, 50), fill=(180, 30, 30))


@lru_cache(maxsize=None)
def cover_jpeg(category_slug: str, category_name: str) -> bytes:
    """The category's cover as JPEG bytes, drawn once per process."""
    top, bottom, accent, motif = _STYLES.get(category_slug, _DEFAULT_STYLE)
    image = _gradient(top, bottom)
    draw = ImageDraw.Draw(image)
    _motif(draw, motif, accent)
    _hills(draw, bottom)
    font = _font(56)
    draw.text((72, 96), category_name, font=font, fill=(255, 255, 255), stroke_width=3, stroke_fill=top)
    draw.text((76, 186), "Thị xã Hồng Lĩnh", font=_font(36), fill=accent)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()
