"""The demo's two photo albums and its poll. The "photos" are drawn here with Pillow (a sky, hills,
the day's scene), then stored through the upload pipeline like a webmaster's, so they have
renditions and ``srcset``; nothing is downloaded."""

import io
import math
import random
from datetime import date, datetime

from PIL import Image, ImageDraw

from portal.demo.covers import _font
from portal.models import Album, AlbumPhoto, Poll, PollChoice
from portal.services.media import UploadLimits, prepare_image
from portal.text import slugify

SIZE = (960, 640)
# album title, day, description, [(caption, alt, scene, colours (sky top, sky bottom, land))], the article linking it
ALBUMS = [
    (
        "Ngày hội Đại đoàn kết toàn dân tộc ở phường Bắc Hồng",
        date(2020, 11, 15),
        "Nhân dân tổ dân phố 6, phường Bắc Hồng vui Ngày hội Đại đoàn kết toàn dân tộc: lễ chào cờ, "
        "trao quà cho hộ khó khăn, văn nghệ và trò chơi dân gian.",
        [
            ("Lễ chào cờ mở đầu ngày hội.", "Hàng người đứng trước lá cờ đỏ sao vàng trên sân nhà văn hóa.", "flag", ((30, 90, 170), (150, 200, 240), (70, 130, 60))),
            ("Trao quà cho các hộ có hoàn cảnh khó khăn.", "Những hộp quà đỏ xếp trên bàn dài trước sân khấu.", "gifts", ((40, 100, 160), (170, 210, 235), (120, 150, 80))),
            ("Tiết mục văn nghệ của chi hội phụ nữ.", "Sân khấu có đèn màu, các chấm tròn tượng trưng người biểu diễn.", "stage", ((60, 30, 90), (200, 120, 160), (90, 60, 60))),
            ("Trò chơi kéo co giữa các tổ dân phố.", "Hai hàng người kéo một sợi dây dài trên bãi cỏ.", "rope", ((25, 110, 180), (160, 215, 245), (80, 150, 70))),
            ("Mâm cơm đoàn kết của bà con khu dân cư.", "Những mâm tròn bày trên các chiếu dưới mái che.", "tables", ((200, 110, 50), (250, 200, 140), (130, 100, 70))),
        ],
        "Ngày hội Đại đoàn kết toàn dân tộc ấm áp ở các khu dân cư",
    ),
    (
        "Ra quân làm sạch hồ Văn Thánh, hưởng ứng Năm văn minh đô thị",
        date(2021, 3, 27),
        "Đoàn viên thanh niên và nhân dân các phường ra quân vớt rác, phát quang và trồng cây quanh hồ Văn Thánh.",
        [
            ("Lực lượng ra quân tập trung bên hồ.", "Hàng người áo xanh đứng bên mặt hồ buổi sáng.", "lake", ((90, 150, 200), (210, 230, 245), (60, 120, 80))),
            ("Đoàn viên thanh niên vớt rác trên mặt hồ.", "Chiếc thuyền nhỏ giữa mặt hồ xanh, bờ có hàng cây.", "boat", ((70, 140, 210), (190, 225, 250), (50, 110, 90))),
            ("Trồng cây xanh quanh bờ hồ.", "Những cây non mới trồng thành hàng trên đất nâu.", "trees", ((100, 170, 220), (220, 238, 250), (140, 110, 70))),
            ("Bờ hồ sạch đẹp sau buổi ra quân.", "Mặt hồ phẳng lặng phản chiếu mặt trời buổi chiều.", "sunset", ((230, 120, 60), (250, 210, 150), (70, 110, 90))),
        ],
        "Phường Bắc Hồng đẩy mạnh chỉnh trang đô thị văn minh",
    ),
]
POLL_QUESTION = "Bạn muốn cổng thông tin đăng thêm nội dung nào?"
POLL_CHOICES = [
    "Thủ tục hành chính và lịch tiếp dân",
    "Tin hoạt động của các phường, xã",
    "Văn bản, chính sách mới",
    "Ảnh và video các sự kiện",
]


def _scene(scene: str, colours: tuple, seed: int) -> bytes:
    """One drawn "photo" as JPEG: a gradient sky, rolling land and the scene's subject."""
    rng = random.Random(seed)
    top, bottom, land = colours
    width, height = SIZE
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / (height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    image = column.resize(SIZE)
    draw = ImageDraw.Draw(image)
    horizon = height * 0.62
    if scene in ("lake", "boat", "sunset"):
        draw.rectangle((0, horizon, width, height), fill=(60, 120, 170))
        for _ in range(40):
            x, y = rng.uniform(0, width), rng.uniform(horizon + 10, height)
            draw.line((x, y, x + rng.uniform(20, 70), y), fill=(150, 195, 225), width=2)
    else:
        points = [(x, horizon - 30 * math.sin(x / 140 + seed)) for x in range(0, width + 20, 20)]
        draw.polygon([(0, height), *points, (width, height)], fill=land)
    sun = (255, 220, 120) if scene != "sunset" else (255, 170, 80)
    draw.ellipse((width * 0.75, 60, width * 0.75 + 110, 170), fill=sun)
    _subject(draw, scene, rng, horizon)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def _people(draw: ImageDraw.ImageDraw, rng: random.Random, y: float, count: int, x0: float = 80, x1: float = 880) -> None:
    for n in range(count):
        x = x0 + (x1 - x0) * (n + 0.5) / count + rng.uniform(-6, 6)
        shirt = rng.choice([(200, 40, 40), (40, 90, 170), (240, 240, 240), (30, 130, 80)])
        draw.ellipse((x - 9, y - 52, x + 9, y - 34), fill=(235, 195, 160))
        draw.rounded_rectangle((x - 13, y - 34, x + 13, y + 8), 6, fill=shirt)


def _subject(draw: ImageDraw.ImageDraw, scene: str, rng: random.Random, horizon: float) -> None:
    if scene == "flag":
        draw.line((480, 120, 480, horizon + 40), fill=(90, 90, 90), width=6)
        draw.rectangle((484, 120, 640, 220), fill=(218, 37, 29))
        cx, cy, r = 562, 170, 34
        star = [(cx + (r if k % 2 == 0 else r * 0.4) * math.cos(-math.pi / 2 + k * math.pi / 5),
                 cy + (r if k % 2 == 0 else r * 0.4) * math.sin(-math.pi / 2 + k * math.pi / 5)) for k in range(10)]  # fmt: skip
        draw.polygon(star, fill=(255, 221, 0))
        _people(draw, rng, horizon + 120, 14)
    elif scene == "gifts":
        draw.rectangle((120, horizon + 40, 840, horizon + 60), fill=(120, 80, 50))
        for n in range(9):
            x = 150 + n * 76
            draw.rectangle((x, horizon - 10, x + 52, horizon + 40), fill=(200, 30, 40))
            draw.line((x + 26, horizon - 10, x + 26, horizon + 40), fill=(255, 215, 0), width=5)
        _people(draw, rng, horizon + 190, 8)
    elif scene == "stage":
        draw.rectangle((140, 160, 820, horizon + 30), fill=(120, 20, 30))
        for n in range(12):
            draw.ellipse((160 + n * 55, 140, 180 + n * 55, 160), fill=rng.choice([(255, 230, 90), (120, 220, 255), (255, 120, 200)]))
        _people(draw, rng, horizon + 20, 5, 260, 700)
        _people(draw, rng, 620, 12)
    elif scene == "rope":
        draw.line((60, horizon + 80, 900, horizon + 80), fill=(200, 170, 110), width=6)
        _people(draw, rng, horizon + 100, 6, 60, 420)
        _people(draw, rng, horizon + 100, 6, 540, 900)
    elif scene == "tables":
        draw.polygon([(100, 200), (860, 200), (900, 260), (60, 260)], fill=(180, 40, 40))
        for n in range(5):
            x = 140 + n * 170
            draw.ellipse((x, horizon + 40, x + 130, horizon + 100), fill=(190, 140, 70))
            draw.ellipse((x + 30, horizon + 55, x + 100, horizon + 85), fill=(240, 240, 230))
    elif scene == "lake":
        _people(draw, rng, horizon - 4, 16)
    elif scene == "boat":
        draw.polygon([(400, horizon + 90), (580, horizon + 90), (550, horizon + 120), (430, horizon + 120)], fill=(120, 70, 40))
        _people(draw, rng, horizon + 92, 2, 440, 540)
    elif scene == "trees":
        for n in range(8):
            x = 100 + n * 110
            draw.line((x, horizon + 120, x, horizon + 40), fill=(100, 70, 40), width=6)
            draw.ellipse((x - 30, horizon - 10, x + 30, horizon + 50), fill=(50, 150, 60))
    for_caption = {"sunset": "Hồ Văn Thánh"}.get(scene)
    if for_caption:
        draw.text((40, 40), for_caption, font=_font(40), fill=(255, 255, 255), stroke_width=2, stroke_fill=(80, 60, 40))


def load_albums(limits: UploadLimits, store, article_titled) -> list[Album]:
    """The two albums with their drawn photos, each linked from its article; ``store`` keeps a
    prepared upload's files, ``article_titled`` finds an article (the loader's)."""
    made = []
    for number, (title, day, description, photos, article) in enumerate(ALBUMS):
        album = Album(title=title, slug=slugify(title, 120), taken_on=day, description=description, published=True,
                      articles=[article_titled(article)])  # fmt: skip
        for position, (caption, alt, scene, colours) in enumerate(photos, start=1):
            prepared = prepare_image(io.BytesIO(_scene(scene, colours, 10 * number + position)), alt, limits)
            album.photos.append(AlbumPhoto(media=store(prepared), caption=caption, position=position, is_cover=position == 2))
        made.append(album)
    return made


def demo_poll(now: datetime) -> Poll:
    """One open poll, in the sidebar."""
    return Poll(question=POLL_QUESTION, in_sidebar=True, multiple=False, created_at=now,
                choices=[PollChoice(label=label, position=n) for n, label in enumerate(POLL_CHOICES, start=1)])  # fmt: skip
