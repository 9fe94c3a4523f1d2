"""The judged queries for search quality (``bench/search_quality.py``, ``make search-quality``).

A visitor who types several syllables means the word they spell, so an article is judged by
what it holds, folded (lower case, no diacritics): the query's syllables next to each other,
in order, in the title is "very relevant" (2), in the summary or body "relevant" (1); holding
the syllables only apart, or not at all, is "not relevant" (0). The queries are over the demo
site and 2,000 synthetic articles (seed 2020), with and without diacritics, one to four
syllables, names and document numbers.
"""

QUERIES = [
    "hội nghị", "hoi nghi", "HỘI NGHỊ", "đại hội", "dai hoi dang bo", "hong linh", "Hồng Lĩnh",
    "tuyên truyền", "tuyen truyen phap luat", "chuyen doi so", "chuyển đổi số", "nông thôn mới",
    "xay dung nong thon moi", "an toan giao thong", "cai cach hanh chinh", "bao ve moi truong",
    "phong chay chua chay", "khuyen hoc", "giam ngheo ben vung", "di tich lich su",
    "Hồ Chí Minh", "ho chi minh", "Bắc Hồng", "nam hong", "Đậu Liêu", "thuan loc",
    "Trung Lương", "duc thuan", "05-CT/TW", "2022", "thị ủy", "thi uy hong linh",
    "hội nông dân", "doan thanh nien", "cuu chien binh", "mat tran to quoc", "van hoa doc",
    "the duc the thao", "kiến nghị", "xa hoi",
]  # fmt: skip


def grade(query_words: list[str], title_words: list[str], body_words: list[str]) -> int:
    """2: the syllables in this order side by side in the title; 1: so in the body; else 0."""

    def holds(words: list[str]) -> bool:
        n = len(query_words)
        return any(words[i : i + n] == query_words for i in range(len(words) - n + 1))

    return 2 if holds(title_words) else 1 if holds(body_words) else 0
