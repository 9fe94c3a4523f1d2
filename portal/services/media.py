"""Uploads: images checked and re-encoded with Pillow, audio checked by its magic bytes.

Nothing from the visitor's file name is used: the format comes from the content and the
stored name is random. Files are written first and removed again if the row cannot be
committed, so a rejected upload leaves neither a row nor a file behind.
"""

import io
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from portal.extensions import db
from portal.models import Media, MediaKind, User
from portal.services import audit
from portal.text import format_size

IMAGE_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
# A phone's multi-picture JPEG (MPO: the photo, then depth maps or previews) is kept as its first picture.
SAVED_AS = {"MPO": "JPEG"}
DEFAULT_MAX_PIXELS = 25_000_000
# One image decoded at a time per process: a decoded image costs 3-4 bytes a pixel, twice over while
# it is turned upright and re-encoded, so one upload holds at most ~8 bytes x max_pixels (200 MB at
# 25 MP) and eight uploads at once queue instead of holding eight times that.
_DECODING = threading.Lock()
_SRGB = ImageCms.createProfile("sRGB")


class MediaError(ValueError):
    """The upload was refused; the message is for the webmaster."""


class MissingDescription(MediaError):
    """An image without its description (alt text): the same file may be sent again with one."""


@dataclass(frozen=True)
class UploadLimits:
    folder: Path
    max_bytes: int
    widths: tuple[int, ...] = (320, 800, 1600)
    max_pixels: int = DEFAULT_MAX_PIXELS


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise MediaError(f"Tệp quá lớn: tối đa {format_size(max_bytes)}.")
    if not data:
        raise MediaError("Tệp rỗng.")
    return data


def _open_image(data: bytes, max_pixels: int) -> Image.Image:
    """The image decoded, after its header (read without decoding) is found within the limits."""
    too_large = MediaError(f"Ảnh quá lớn: tối đa {max_pixels / 1_000_000:g} triệu điểm ảnh. Hãy thu nhỏ ảnh rồi tải lên lại.")
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:  # Pillow's own bound, far above ours
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise MediaError("Tệp không phải là ảnh JPEG, PNG hoặc WebP hợp lệ.") from None
    if SAVED_AS.get(image.format, image.format) not in IMAGE_FORMATS:
        raise MediaError("Chỉ nhận ảnh JPEG, PNG hoặc WebP.")
    if image.width * image.height > max_pixels:
        raise too_large
    truncated = MediaError("Tệp ảnh bị hỏng hoặc không đầy đủ.")
    if image.format in ("JPEG", "MPO") and len(data) * 8 < image.width * image.height / 64:
        # Huffman coding spends at least one bit on every 8x8 block; a file ended early by an
        # end-of-image marker is decoded by libjpeg with the rest filled in grey, without an error.
        raise truncated
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image.load()  # ImageFile.LOAD_TRUNCATED_IMAGES stays False: a truncated file raises OSError
    except (OSError, SyntaxError, ValueError):
        raise truncated from None
    return image


def _without_metadata(image: Image.Image) -> Image.Image:
    """The pixels only: colours converted to sRGB, then no EXIF, ICC, XMP, comment or other segment.

    Browsers show an image without a colour profile as sRGB, so a phone's Display P3 photo is
    converted before its profile goes; Pillow would otherwise copy ``info`` (a JPEG comment
    included) into the original and every rendition.
    """
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            image = ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a damaged profile: the pixels are kept as they are
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    return image


def _encode(image: Image.Image, image_format: str) -> bytes:
    """Re-encode; the image carries no metadata any more (see _without_metadata)."""
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    options = {"quality": 85, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    image.save(out, format=image_format, **options)
    return out.getvalue()


def write_all(folder: Path, files: dict[str, bytes]) -> None:
    written = []
    try:
        for name, content in files.items():
            (folder / name).write_bytes(content)
            written.append(name)
    except OSError:
        remove_files(folder, written)
        raise MediaError("Không ghi được tệp lên máy chủ.") from None


def remove_files(folder: Path, names: list[str]) -> None:
    for name in names:
        (folder / name).unlink(missing_ok=True)


@dataclass
class PreparedUpload:
    """A checked upload not yet stored: its row and the files to write with it."""

    media: Media
    files: dict[str, bytes]
    folder: Path

    @contextmanager
    def stored(self) -> Iterator[Media]:
        """Write the files and add the row; if the caller's transaction fails, remove the files."""
        write_all(self.folder, self.files)
        try:
            db.session.add(self.media)
            yield self.media
        except BaseException:
            db.session.rollback()
            remove_files(self.folder, list(self.files))
            raise


def _commit(prepared: PreparedUpload, actor: User) -> Media:
    with prepared.stored() as media:
        db.session.flush()
        audit.record(actor, "upload", "media", media.id, media.alt)
        db.session.commit()
    return media


def save_image(stream: BinaryIO, alt: str, limits: UploadLimits, actor: User) -> Media:
    """Check, strip and store an image with its narrower renditions."""
    return _commit(prepare_image(stream, alt, limits), actor)


def prepare_image(stream: BinaryIO, alt: str, limits: UploadLimits) -> PreparedUpload:
    """Check and re-encode an image (EXIF gone) and make its renditions, in memory."""
    alt = alt.strip()
    if not alt:
        raise MissingDescription("Hãy nhập mô tả ảnh (văn bản thay thế) cho người không nhìn thấy ảnh.")
    data = read_limited(stream, limits.max_bytes)
    with _DECODING:
        return _prepared_image(data, alt, limits)


def _prepared_image(data: bytes, alt: str, limits: UploadLimits) -> PreparedUpload:
    image = _open_image(data, limits.max_pixels)
    image_format = SAVED_AS.get(image.format, image.format)
    extension, mime_type = IMAGE_FORMATS[image_format]
    image = _without_metadata(ImageOps.exif_transpose(image))  # upright first, while EXIF says which way
    stem = secrets.token_hex(12)
    media = Media(kind=MediaKind.IMAGE, filename=f"{stem}.{extension}", mime_type=mime_type,
                  width=image.width, height=image.height, alt=alt[:300])  # fmt: skip
    widths = [width for width in limits.widths if width < image.width]
    media.renditions = ",".join(str(width) for width in widths)
    files = {media.filename: _encode(image, image_format)}
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        files[media.rendition_filename(width)] = _encode(image.resize((width, height), Image.LANCZOS), image_format)
    media.size = len(files[media.filename])
    return PreparedUpload(media, files, limits.folder)


def audio_type(head: bytes) -> tuple[str, str] | None:
    """(extension, MIME type) of MP3, OGG, M4A or WAV content, from its first bytes; None otherwise."""
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3", "audio/mpeg"
    if head.startswith(b"OggS"):
        return "ogg", "audio/ogg"
    if head[4:8] == b"ftyp" and head[8:12] in (b"M4A ", b"M4B ", b"mp42", b"isom", b"mp41", b"iso2"):
        return "m4a", "audio/mp4"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav", "audio/wav"
    return None


def save_audio(stream: BinaryIO, title: str, limits: UploadLimits, actor: User) -> Media:
    """Store an MP3, OGG, M4A or WAV file recognised by its content."""
    data = read_limited(stream, limits.max_bytes)
    detected = audio_type(data[:16])
    if detected is None:
        raise MediaError("Chỉ nhận tệp âm thanh MP3, OGG, M4A hoặc WAV.")
    extension, mime_type = detected
    media = Media(kind=MediaKind.AUDIO, filename=f"{secrets.token_hex(12)}.{extension}",
                  mime_type=mime_type, size=len(data), alt=title.strip()[:300])  # fmt: skip
    return _commit(PreparedUpload(media, {media.filename: data}, limits.folder), actor)


def delete_files(media: Media, folder: Path) -> None:
    """Remove a media file and its renditions from the uploads folder (after its row is gone)."""
    remove_files(folder, [media.filename, *(media.rendition_filename(width) for width in media.rendition_widths)])
