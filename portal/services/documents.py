"""The văn bản library: saving documents with their files, keeping their search row, listing them.

A document's search row (``document_search``) holds its folded words: số/ký hiệu, loại and
trích yếu as the title; cơ quan, lĩnh vực, người ký and the text of its files as the body. It is
rewritten by ``index_document`` whenever the service saves the document or its files, so a
search finds words inside the files as it finds those of articles (``portal.services.search``:
the same folding, the same phrase-first matching; BM25 on SQLite, ts_rank_cd on PostgreSQL).
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Select, and_, column, delete, extract, func, insert, literal_column, select, table

from portal import clock
from portal.extensions import db
from portal.models import Article, Document, User, DocumentFile, DocumentSearch, DocumentStatus, DocumentTerm, TermKind, Validity
from portal.models.documents import DOCUMENT_FTS_TABLE, PG_WORDS_COLUMN, document_article
from portal.services.content import is_visible
from portal.services import audit, document_revisions
from portal.services.document_fields import propose
from portal.services.document_files import PreparedFile, files_written
from portal.services.search import TITLE_WEIGHT, folded_words
from portal.text import slugify

RESULT_LIMIT = 1000


class DocumentError(ValueError):
    """The document cannot be saved so; the message says why, for the webmaster."""


@dataclass
class DocumentFields:
    """What a person fills in (or confirms from the proposal) for a document. A draft may lack
    the type, the issuer and the date; a published document may not."""

    number: str
    title: str
    type: DocumentTerm | None
    issuer: DocumentTerm | None
    issued_on: date | None
    field: DocumentTerm | None = None
    place: str = ""
    effective_on: date | None = None
    signer: str = ""
    signer_title: str = ""
    validity: Validity = Validity.IN_FORCE
    replaced_by: Document | None = None
    status: DocumentStatus = DocumentStatus.DRAFT
    articles: list[Article] | None = None  # the articles citing it; None leaves them as they are
    related: list[Document] | None = None  # the documents it relates to; None leaves them as they are


@dataclass(frozen=True)
class Filters:
    """The list's filters as the address gives them: slugs of the terms and a year."""

    loai: str = ""
    co_quan: str = ""
    linh_vuc: str = ""
    year: int | None = None


# The lists ---------------------------------------------------------------------------------


def terms_of(kind: TermKind) -> list[DocumentTerm]:
    query = select(DocumentTerm).where(DocumentTerm.kind == kind).order_by(DocumentTerm.position, DocumentTerm.name)
    return list(db.session.execute(query).scalars())


def term_named(kind: TermKind, name: str) -> DocumentTerm:
    """The list's entry of that name, added at the end of the list when it is new."""
    slug = slugify(name)
    found = db.session.execute(select(DocumentTerm).where(DocumentTerm.kind == kind, DocumentTerm.slug == slug)).scalar()
    if found is None:
        last = db.session.execute(select(func.max(DocumentTerm.position)).where(DocumentTerm.kind == kind)).scalar()
        found = DocumentTerm(kind=kind, name=name.strip(), slug=slug, position=(last or 0) + 1)
        db.session.add(found)
        db.session.flush()
    return found


# Saving ----------------------------------------------------------------------------------------


def _name(term: DocumentTerm | None) -> str:
    return term.name if term else ""


def _search_row(document: Document) -> dict[str, str]:
    title = f"{document.number} {_name(document.type)} {document.title}"
    people = f"{_name(document.issuer)} {_name(document.field)} {document.signer} {document.place}"
    texts = " ".join(file.text for file in document.files)
    return {"title": " ".join(folded_words(title)), "body": " ".join(folded_words(f"{people} {texts}"))}


def index_document(document: Document) -> None:
    """Rewrite the document's search row from its fields and the text of its files."""
    connection = db.session.connection()
    search = DocumentSearch.__table__
    connection.execute(delete(search).where(search.c.document_id == document.id))
    connection.execute(insert(search).values(document_id=document.id, **_search_row(document)))


REQUIRED_TO_PUBLISH = (("number", "số/ký hiệu"), ("title", "trích yếu"), ("type", "loại văn bản"),
                       ("issuer", "cơ quan ban hành"), ("issued_on", "ngày ban hành"))  # fmt: skip


def _apply(document: Document, fields: DocumentFields) -> None:
    missing = [label for name, label in REQUIRED_TO_PUBLISH if not getattr(fields, name)]
    if fields.status == DocumentStatus.PUBLISHED and missing:
        raise DocumentError(f"Chưa đăng được văn bản: còn thiếu {', '.join(missing)}. Hãy điền đủ hoặc lưu dưới dạng nháp.")
    for name in ("number", "title", "type", "issuer", "field", "place", "issued_on", "effective_on", "signer",
                 "signer_title", "validity", "replaced_by", "status"):  # fmt: skip
        setattr(document, name, getattr(fields, name))
    if fields.articles is not None:
        document.articles = fields.articles
    if fields.related is not None:
        document.related = fields.related
    document.slug = slugify(f"{_name(fields.type)} {fields.number}", max_length=100) or "van-ban"
    document.updated_at = clock.now()


def _applied(document: Document, fields: DocumentFields) -> None:
    """``_apply`` after the baseline revision was kept: a refusal takes the baseline back too."""
    try:
        _apply(document, fields)
    except DocumentError:
        db.session.rollback()
        raise


def _logged(actor: User | None, action: str, document: Document) -> None:
    """The audit entry of a person's change (the demo loader's documents have none)."""
    if actor is not None:
        audit.record(actor, action, "document", document.id, f"{document.number} {document.title}")


def add_document(fields: DocumentFields, prepared: list[PreparedFile], folder: Path, actor: User | None = None) -> Document:
    """A new document with its files, indexed, committed."""
    document = Document()
    _apply(document, fields)
    with files_written(folder, prepared):
        for position, item in enumerate(prepared):
            item.row.position = position
            document.files.append(item.row)
        db.session.add(document)
        db.session.flush()
        index_document(document)
        document_revisions.record(document, actor, document.updated_at)
        _logged(actor, "create", document)
        db.session.commit()
    return document


def draft_from_file(prepared: PreparedFile, folder: Path, actor: User) -> Document:
    """A draft made from an uploaded file, its fields filled in with what the file proposes (the
    type and issuer only when they are already in the lists), for a person to confirm."""
    types, issuers = terms_of(TermKind.TYPE), terms_of(TermKind.ISSUER)
    proposal = propose(prepared.row.text, [t.name for t in types], [i.name for i in issuers])
    named = {(term.kind, term.name): term for term in types + issuers}
    fields = DocumentFields(
        number=(proposal.number or "")[:80],
        title=(proposal.title or prepared.row.original_name)[:500],
        type=named.get((TermKind.TYPE, proposal.type_name)),
        issuer=named.get((TermKind.ISSUER, proposal.issuer)),
        issued_on=proposal.issued_on,
        place=(proposal.place or "")[:120],
        signer=(proposal.signer or "")[:120],
        signer_title=(proposal.signer_title or "")[:200],
    )
    return add_document(fields, [prepared], folder, actor)


def update_document(document: Document, fields: DocumentFields, actor: User) -> None:
    """Save the fields, kept as the document's next revision."""
    document_revisions.keep_baseline(document)
    _applied(document, fields)
    db.session.flush()
    index_document(document)
    document_revisions.record(document, actor, document.updated_at)
    _logged(actor, "update", document)
    db.session.commit()


def replace_file(document: Document, old: DocumentFile, prepared: PreparedFile, folder: Path, actor: User) -> None:
    """Put a new file in the old one's place; the old one is kept, marked replaced, and listed in
    the document's history (a revision is kept with the new file); readers see only the new one."""
    with files_written(folder, [prepared]):
        document_revisions.keep_baseline(document)
        now = clock.now()
        old.replaced_at, prepared.row.position, document.updated_at = now, old.position, now
        document.files.append(prepared.row)
        db.session.flush()
        db.session.expire(document, ["files", "old_files"])
        index_document(document)
        document_revisions.record(document, actor, now, f"Thay tệp {old.original_name} bằng {prepared.row.original_name}"[:300])
        _logged(actor, "replace_file", document)
        db.session.commit()


def restore_revision(document: Document, number: int, actor: User) -> int:
    """Put revision ``number``'s fields and files back on the document (its state stays as it is:
    a restore neither publishes nor withdraws), as a new revision; its number."""
    old = document_revisions.revision(document.id, number)
    if old is None:
        raise DocumentError(f"Văn bản không có bản lưu số {number}.")
    document_revisions.keep_baseline(document)
    _applied(document, DocumentFields(**document_revisions.fields_at(old) | {"status": document.status}))
    document_revisions.put_files_back(document, document_revisions.file_ids(old), document.updated_at)
    index_document(document)
    restored = document_revisions.record(document, actor, document.updated_at, f"Khôi phục từ bản {number}")
    _logged(actor, "restore", document)
    db.session.commit()
    return restored.number


def add_term(kind: TermKind, name: str, actor: User) -> DocumentTerm:
    """A new entry at the end of a list; a name already there (without diacritics) is refused."""
    name = " ".join(name.split())
    slug = slugify(name)
    if not slug:
        raise DocumentError("Tên cần có ít nhất một chữ cái hoặc chữ số.")
    if db.session.execute(select(DocumentTerm.id).where(DocumentTerm.kind == kind, DocumentTerm.slug == slug)).first():
        raise DocumentError(f"«{name}» đã có trong danh sách {kind.label.lower()}.")
    term = term_named(kind, name)
    audit.record(actor, "create", "document_term", term.id, f"{kind.label}: {name}")
    db.session.commit()
    return term


def delete_term(term: DocumentTerm, actor: User) -> None:
    """Remove an entry no document is filed under."""
    column_ = {TermKind.TYPE: Document.type_id, TermKind.ISSUER: Document.issuer_id, TermKind.FIELD: Document.field_id}[term.kind]
    used = db.session.execute(select(func.count(Document.id)).where(column_ == term.id)).scalar()
    if used:
        raise DocumentError(f"Không xoá được «{term.name}»: còn {used} văn bản thuộc mục này.")
    audit.record(actor, "delete", "document_term", term.id, f"{TermKind(term.kind).label}: {term.name}")
    db.session.delete(term)
    db.session.commit()


# Reading ---------------------------------------------------------------------------------------


def _published() -> Select:
    return select(Document).where(Document.status == DocumentStatus.PUBLISHED)


def visible_document(document_id: int) -> Document | None:
    return db.session.execute(_published().where(Document.id == document_id)).scalar()


def _term_filter(kind_column, kind: TermKind, slug: str):
    return kind_column.in_(select(DocumentTerm.id).where(DocumentTerm.kind == kind, DocumentTerm.slug == slug))


def admin_listing(status: str, type_id: int | None, words: str) -> Select:
    """Every document for the admin's list, the latest changed first, by state, type and words
    of its number or summary."""
    query = select(Document).order_by(Document.updated_at.desc(), Document.id.desc())
    if status:
        query = query.where(Document.status == status)
    if type_id:
        query = query.where(Document.type_id == type_id)
    for word in words.split()[:10]:
        pattern = f"%{word}%"
        query = query.where(Document.number.ilike(pattern) | Document.title.ilike(pattern))
    return query


def listing(filters: Filters) -> Select:
    """Published documents passing the filters, newest first (search ranks them: ``ranked_ids``)."""
    query = _published()
    chosen = ((Document.type_id, TermKind.TYPE, filters.loai), (Document.issuer_id, TermKind.ISSUER, filters.co_quan),
              (Document.field_id, TermKind.FIELD, filters.linh_vuc))  # fmt: skip
    for column_, kind, slug in chosen:
        if slug:
            query = query.where(_term_filter(column_, kind, slug))
    if filters.year:  # a range, not EXTRACT(year …): the listing index walks it
        query = query.where(Document.issued_on >= date(filters.year, 1, 1), Document.issued_on < date(filters.year + 1, 1, 1))
    return query.order_by(Document.issued_on.desc(), Document.id.desc())


def newest(limit: int | None = None) -> list[Document]:
    """Published documents, the latest added to the library first (the feed, the sitemap)."""
    query = _published().order_by(Document.created_at.desc(), Document.id.desc()).limit(limit)
    return list(db.session.execute(query).scalars())


def years() -> list[int]:
    """The years that published documents were issued in, newest first."""
    query = _published().with_only_columns(extract("year", Document.issued_on).label("year")).distinct()
    return sorted((int(year) for year in db.session.execute(query).scalars()), reverse=True)


def _match(terms: list[str], dialect: str, phrase: bool):
    """(the document id column, the match condition, the relevance order) for the folded ``terms``."""
    if dialect == "postgresql":
        operator = " <-> " if phrase else " & "
        query = func.to_tsquery(literal_column("'simple'"), literal_column("'" + operator.join(terms) + "'"))
        words = literal_column(f"document_search.{PG_WORDS_COLUMN}")
        body = 1 / TITLE_WEIGHT
        weights = literal_column(f"'{{{body}, {body}, {body}, 1}}'::float4[]")
        return DocumentSearch.document_id, words.op("@@")(query), func.ts_rank_cd(weights, words, query, 1).desc()
    fts = table(DOCUMENT_FTS_TABLE, column("rowid"))
    phrases = f'"{" ".join(terms)}"' if phrase else " ".join(f'"{term}"' for term in terms)
    condition = literal_column(DOCUMENT_FTS_TABLE).op("MATCH")(phrases)
    return fts.c.rowid, condition, func.bm25(literal_column(DOCUMENT_FTS_TABLE), TITLE_WEIGHT, 1.0)


def ranked_ids(terms: list[str], dialect: str, within: Select) -> list[int]:
    """The ids of the documents of ``within`` holding the folded ``terms``, the most relevant first:
    next to each other as typed, or, when none has them so, anywhere.

    The index is asked alone for the ``RESULT_LIMIT`` most relevant matches, then ``within``
    keeps those it holds: with the filters inside the full-text query, SQLite would run the match
    once for every document the filters let through (seconds at 10,000 documents)."""
    for phrase in ((True, False) if len(terms) > 1 else (False,)):
        key, condition, relevance = _match(terms, dialect, phrase)
        query = select(key).where(condition).order_by(relevance, key.desc()).limit(RESULT_LIMIT)
        ranked = list(db.session.execute(query).scalars())
        kept = set(db.session.execute(within.with_only_columns(Document.id).order_by(None).where(Document.id.in_(ranked))).scalars())
        found = [id_ for id_ in ranked if id_ in kept]
        if found:
            return found
    return []


def documents_by_id(ids: list[int]) -> list[Document]:
    """The documents of ``ids`` in that order."""
    found = {d.id: d for d in db.session.execute(select(Document).where(Document.id.in_(ids))).scalars()} if ids else {}
    return [found[id_] for id_ in ids if id_ in found]


def attached_to(article: Article) -> list[Document]:
    """The published documents an article cites, listed under its body ("Tài liệu đính kèm")."""
    query = (
        _published()
        .join(document_article, and_(document_article.c.document_id == Document.id, document_article.c.article_id == article.id))
        .order_by(Document.issued_on.desc(), Document.id.desc())
    )
    return list(db.session.execute(query).unique().scalars())


def citing(document: Document) -> Select:
    """The visible articles that cite the document, newest first."""
    return (
        select(Article)
        .join(document_article, and_(document_article.c.article_id == Article.id, document_article.c.document_id == document.id))
        .where(is_visible(clock.now()))
        .order_by(Article.published_at.desc())
    )
