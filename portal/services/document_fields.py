"""Proposing a document's fields from the text of its file, for the webmaster to confirm.

Official documents put their fields in fixed places, in both layouts the portal meets: a party
body's (Hướng dẫn 36-HD/VPTW) and a state body's (Nghị định 30/2020/NĐ-CP):

- top left, the issuing body under its superior ("THỊ ỦY HỒNG LĨNH / BAN TUYÊN GIÁO", "UBND TỈNH
  HÀ TĨNH / ỦY BAN NHÂN DÂN THỊ XÃ HỒNG LĨNH"), then the number: "Số 14-KH/BTGThU", "Số: 12/QĐ-UBND";
- top right, the motto, then the place and date: "Hồng Lĩnh, ngày 30 tháng 01 năm 2020";
- the type in capitals ("KẾ HOẠCH") with the summary (trích yếu) under it; a công văn has no
  type, its summary "V/v …" stands under the number;
- at the end, the signature: the authority ("T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"), the signer's
  position in capitals, then the name.

Text from a PDF comes line by line as drawn (the left block, then the right one), from a DOCX
paragraph by paragraph, table cells in order; both are read the same way. Nothing here is
trusted: every proposal is shown in the form for a person to confirm or correct.
"""

import re
from dataclasses import dataclass
from datetime import date

from portal.text import fold

MOTTOS = ("dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc")
SEPARATORS = re.compile(r"^[-*_=~\s]+$")
NUMBER = re.compile(r"^Số\s*:?\s*(\d+[\w./-]*)\s*$")
DATE = re.compile(r",\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
AUTHORITY = re.compile(r"^(T/M|TM\.|K/T|KT\.|T/L|TL\.|Q\.|TUQ\.|T/U|Q/)\s", re.IGNORECASE)
BODY_OPENINGS = ("can cu", "thuc hien", "kinh gui", "theo de nghi")
ABBREVIATIONS = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan"}
HEADER_LINES = 40
ISSUER_LIKENESS = 0.8
PLACE_UNITS = ("xa ", "phuong ", "thi tran ", "thi xa ", "huyen ", "quan ", "tinh ", "thanh pho ")


@dataclass
class Proposal:
    """What the file seems to say; None where nothing was found."""

    number: str | None = None
    place: str | None = None
    issued_on: date | None = None
    type_name: str | None = None
    title: str | None = None
    issuer: str | None = None
    signer: str | None = None
    signer_title: str | None = None


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _words(text: str) -> list[str]:
    folded = " ".join(ABBREVIATIONS.get(word, word) for word in re.findall(r"\w+", fold(text)))
    return folded.split()


def _date(header: list[str]) -> tuple[str | None, date | None]:
    """The place and date, found in the header joined (a narrow column wraps "năm / 2020")."""
    joined = " ".join(header)
    found = DATE.search(joined)
    if not found:
        return None, None
    place: list[str] = []
    for word in reversed(joined[: found.start()].split()):
        if not word[0].isupper() or (len(word) > 1 and word.isupper()) or len(place) == 4:
            break
        place.insert(0, word)
    day, month, year = (int(part) for part in found.groups())
    try:
        return " ".join(place) or None, date(year, month, day)
    except ValueError:
        return " ".join(place) or None, None


def _is_motto(line: str) -> bool:
    """The motto's line, or the first part of it when a narrow column wraps it."""
    return any(motto.startswith(fold(line)[:20]) for motto in MOTTOS)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:].lower() if text.isupper() else text


def _type_and_title(lines: list[str], types: list[str]) -> tuple[str | None, str | None, int]:
    """The type heading and the summary under it (or a công văn's "V/v …"), and where it ends."""
    wanted = {fold(name): name for name in types}
    for index, line in enumerate(lines[:HEADER_LINES]):
        if line.startswith(("V/v", "V/V")):  # wrapped in its narrow column until the motto on the right
            title = [line[3:].strip(" :")]
            for follower in lines[index + 1 : index + 4]:
                if _is_motto(follower) or DATE.search(follower) or SEPARATORS.match(follower):
                    break
                title.append(follower)
            return wanted.get("cong van", "Công văn"), " ".join(title), index + len(title)
        if line.isupper() and fold(line) in wanted:
            title, end = [], index + 1
            for follower in lines[index + 1 : index + 5]:
                if SEPARATORS.match(follower) or (title and not follower[:1].islower()):
                    break
                if fold(follower).startswith(BODY_OPENINGS):
                    break
                title.append(follower)
                end += 1
            return wanted[fold(line)], " ".join(title) or None, end
    return None, None, 0


def _likeness(found: set[str], name: str) -> float:
    """How well a known name matches words found: the F1 of the words each has of the other's."""
    words = set(_words(name))
    shared = len(found & words)
    return 2 * shared / (len(found) + len(words)) if shared else 0.0


def _issuer(header: list[str], issuers: list[str]) -> str | None:
    """The body above the number: the known one most like its last line, or like the last two
    (a ban borrows its committee's name, "Ban Tuyên giáo Thị ủy"; a long name wraps); a body not
    yet in the list is proposed as written, its two lines joined when the last is only a place."""
    body = [line for line in header if not _is_motto(line) and not SEPARATORS.match(line) and not DATE.search(line)]
    if not body:
        return None
    candidates = [body[-1]] + ([f"{body[-2]} {body[-1]}"] if len(body) > 1 else [])
    scored = [(_likeness(set(_words(text)), name), name) for text in candidates for name in issuers]
    likeness, best = max(scored, default=(0.0, None))
    if likeness >= ISSUER_LIKENESS:
        return best
    wrapped = len(body) > 1 and fold(body[-1]).startswith(PLACE_UNITS)
    return _sentence_case(candidates[1] if wrapped else body[-1])


def _is_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and (len(w) == 1 or not w[1:].isupper()) and w.isalpha() for w in words)


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """The signer's name (the last line that reads as one) and the position in capitals above it."""
    for index in range(len(lines) - 1, max(len(lines) - 15, -1), -1):
        if _is_name(lines[index]):
            for above in reversed(lines[max(0, index - 5) : index]):
                if above.isupper() and not AUTHORITY.match(above) and not above.startswith("("):
                    return lines[index], _sentence_case(above)
            return lines[index], None
    return None, None


def propose(text: str, types: list[str], issuers: list[str]) -> Proposal:
    """The fields the text of a file proposes; ``types`` and ``issuers`` are the library's lists."""
    lines = _lines(text)
    type_name, title, heading_end = _type_and_title(lines, types)
    header = lines[: heading_end or HEADER_LINES]
    numbered = next((i for i, line in enumerate(header) if NUMBER.match(line)), None)
    place, issued_on = _date(lines[: heading_end + 5] if heading_end else header)  # a công văn's date follows its V/v
    signer, signer_title = _signature(lines)
    return Proposal(
        number=NUMBER.match(header[numbered]).group(1) if numbered is not None else None,
        place=place,
        issued_on=issued_on,
        type_name=type_name,
        title=title,
        issuer=_issuer(header[:numbered], issuers) if numbered else None,
        signer=signer,
        signer_title=signer_title,
    )
