"""How many fields the proposal gets right, field by field, on the demo's documents drawn both as
PDF and as DOCX (party and state layouts, every type): ``python -m bench.document_fields``.

A field is right when it equals what the webmaster would file, compared without diacritics and
case for the texts (a proposal in capitals or sentence case is as good), exactly for the date.
"""

from collections import Counter

from portal.demo.documents import DOCUMENTS, DemoDocument
from portal.demo.library import TYPES
from portal.demo.official_files import drawn
from portal.services.document_analysis import analyse
from portal.services.document_fields import Proposal, propose
from portal.text import fold

FIELD_NAMES = {
    "number": "Số/ký hiệu",
    "place": "Địa danh",
    "issued_on": "Ngày ban hành",
    "type_name": "Loại văn bản",
    "title": "Trích yếu",
    "issuer": "Cơ quan ban hành",
    "signer": "Người ký",
    "signer_title": "Chức vụ",
}
ISSUERS = sorted({item.issuer for item in DOCUMENTS} | {"Ban Thường vụ Thị ủy", "HĐND thị xã Hồng Lĩnh"})


def expected(item: DemoDocument) -> dict:
    spec = item.spec
    return {"number": spec.number, "place": spec.place, "issued_on": spec.issued_on, "type_name": item.type_name,
            "title": spec.title, "issuer": item.issuer, "signer": spec.signer, "signer_title": spec.position}  # fmt: skip


def _same(found, wanted) -> bool:
    if isinstance(wanted, str):
        return found is not None and " ".join(fold(found).split()) == " ".join(fold(wanted).split())
    return found == wanted


def measure() -> tuple[Counter, int, list[str]]:
    """Right answers per field, the number of files, and what was wrong (for reading)."""
    right, wrong, files = Counter(), [], 0
    for item in DOCUMENTS:
        for kind in ("pdf", "docx"):
            proposal: Proposal = propose(analyse(drawn(item.spec, kind), kind, 0).text, TYPES, ISSUERS)
            files += 1
            for name, wanted in expected(item).items():
                if _same(getattr(proposal, name), wanted):
                    right[name] += 1
                else:
                    wrong.append(f"{item.spec.number} ({kind}) {name}: {getattr(proposal, name)!r} ≠ {wanted!r}")
    return right, files, wrong


def main() -> None:
    right, files, wrong = measure()
    layouts = Counter("đảng" if item.spec.party else "nhà nước" for item in DOCUMENTS)
    print(f"{files} tệp: {len(DOCUMENTS)} văn bản × (PDF, DOCX); bố cục đảng {layouts['đảng']}, nhà nước {layouts['nhà nước']}")
    print(f"{'Trường':<20} {'Đúng':>6}")
    for name, label in FIELD_NAMES.items():
        print(f"{label:<20} {right[name]:>3}/{files}")
    for line in wrong:
        print("  sai:", line)


if __name__ == "__main__":
    main()
