"""Synthetic documents in bulk, for load tests: ``portal demo --documents N`` and ``make bench``.

Each is published, filed under the library's existing loại, cơ quan and lĩnh vực (the demo's),
with a number, a date over the years before ``until``, a summary and a few sentences standing
for its file's text, all indexed for search as a saved document is. They have no file: the list,
its filters and search read the rows and the index, never the files. The same seed gives the
same documents.
"""

import random
from datetime import date, timedelta

from sqlalchemy import func, insert, select, text

from portal import clock
from portal.demo.synthetic import ACTIONS, SENTENCES, TOPICS
from portal.extensions import db
from portal.models import Document, DocumentSearch, DocumentStatus, DocumentTerm, TermKind
from portal.services.search import folded_words
from portal.text import slugify

BATCH = 1000
YEARS = 8


def _terms(kind: TermKind) -> list[DocumentTerm]:
    return list(db.session.execute(select(DocumentTerm).where(DocumentTerm.kind == kind)).scalars())


def _document(rng: random.Random, number: int, until: date, lists: dict) -> tuple[dict, str]:
    kind, issuer, field = (rng.choice(lists[k]) for k in (TermKind.TYPE, TermKind.ISSUER, TermKind.FIELD))
    issued = until - timedelta(days=rng.randrange(YEARS * 365))
    code = "".join(word[0] for word in slugify(kind.name).split("-")).upper()
    row = {
        "number": f"{number}/{code}-TS",
        "title": f"{rng.choice(ACTIONS).capitalize()} {rng.choice(TOPICS)} năm {issued.year}",
        "type_id": kind.id, "issuer_id": issuer.id, "field_id": field.id, "place": "Hồng Lĩnh",
        "issued_on": issued, "signer": "", "signer_title": "", "validity": "in_force",
        "status": DocumentStatus.PUBLISHED.value, "created_at": clock.now(), "updated_at": clock.now(),
    }  # fmt: skip
    row["slug"] = slugify(f"{kind.name} {row['number']}", max_length=100)
    words = f"{issuer.name} {field.name} " + " ".join(rng.choice(SENTENCES) for _ in range(6))
    return row, words.replace("{count}", str(rng.randrange(10, 900))).replace("{year}", str(issued.year))


def add_synthetic_documents(n: int, seed: int | None = None) -> int:
    """Insert ``n`` published documents with their search rows, a thousand per statement."""
    lists = {kind: _terms(kind) for kind in TermKind}
    if not all(lists.values()):
        raise ValueError("Thư viện văn bản chưa có loại, cơ quan hoặc lĩnh vực: hãy nạp dữ liệu mẫu trước.")
    if seed is None:
        seed = db.session.execute(select(func.count(Document.id))).scalar()
    rng, until = random.Random(seed), clock.now().date()
    statement = insert(Document).returning(Document.id, sort_by_parameter_order=True)
    for start in range(0, n, BATCH):
        made = [_document(rng, seed + start + i + 1, until, lists) for i in range(min(BATCH, n - start))]
        ids = db.session.execute(statement, [row for row, _ in made]).scalars().all()
        search = [
            {"document_id": id_, "title": " ".join(folded_words(f"{row['number']} {row['title']}")),
             "body": " ".join(folded_words(words))}
            for id_, (row, words) in zip(ids, made, strict=True)
        ]  # fmt: skip
        db.session.execute(insert(DocumentSearch), search)
    db.session.commit()
    if db.engine.dialect.name == "postgresql":  # fresh statistics, or the planner ignores the indexes
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE document, document_search"))
    return n
