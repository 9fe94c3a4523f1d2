"""The OpenAPI 3 description of /api/v1/, kept beside the routes it describes.

tests/test_api.py drives every operation from this document with schemathesis and checks each
response against it, so a change to a route that is not made here fails the suite.
"""

MAX_PAGE = 100_000
MAX_PER_PAGE = 100
MAX_ID = 2**31 - 1

_NULLABLE_STRING = {"type": "string", "nullable": True}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict:
    return _json(_ref("Error"), description)


def _path_id(name: str) -> dict:
    """The id in an item's path (/articles/{article_id})."""
    return {"name": name, "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID}}


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _page_of(item: str) -> dict:
    """One page of a listing whose items are ``item``s."""
    return {
        "type": "object",
        "required": ["items", "page", "per_page", "total", "pages"],
        "properties": {
            "items": {"type": "array", "items": _ref(item)},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "total": {"type": "integer", "minimum": 0},
            "pages": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
    }


SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
                "additionalProperties": False,
            }
        },
        "additionalProperties": False,
    },
    "Category": {
        "type": "object",
        "required": ["id", "name", "slug", "parent_id", "url", "feed_url"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "slug": {"type": "string"},
            "parent_id": {"type": "integer", "nullable": True},
            "url": {"type": "string", "format": "uri"},
            "feed_url": {"type": "string", "format": "uri"},
            "article_count": {"type": "integer", "minimum": 0, "description": "Số bài viết đã đăng trong chuyên mục."},
        },
        "additionalProperties": False,
    },
    "Cover": {
        "type": "object",
        "nullable": True,
        "required": ["url", "width", "height", "alt", "caption"],
        "properties": {
            "url": {"type": "string", "format": "uri"},
            "width": {"type": "integer", "nullable": True},
            "height": {"type": "integer", "nullable": True},
            "alt": {"type": "string"},
            "caption": {"type": "string"},
        },
        "additionalProperties": False,
    },
    "Rating": {
        "type": "object",
        "required": ["count", "average"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "average": {"type": "number", "minimum": 1, "maximum": 5, "nullable": True},
        },
        "additionalProperties": False,
    },
    "ArticleSummary": {
        "type": "object",
        "required": [
            "id", "title", "slug", "summary", "url", "category", "byline",
            "published_at", "updated_at", "cover", "view_count", "rating",
        ],  # fmt: skip
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "slug": {"type": "string"},
            "summary": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "category": _ref("Category"),
            "byline": {"type": "string"},
            "published_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
            "cover": _ref("Cover"),
            "view_count": {"type": "integer", "minimum": 0},
            "rating": _ref("Rating"),
        },
    },
    "Article": {
        "allOf": [
            _ref("ArticleSummary"),
            {
                "type": "object",
                "required": ["body_html"],
                "properties": {"body_html": {"type": "string", "description": "Nội dung HTML đã được làm sạch."}},
            },
        ]
    },
    "ArticlePage": _page_of("ArticleSummary"),
    "CategoryList": {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": _ref("Category")}},
        "additionalProperties": False,
    },
    "Counters": {
        "type": "object",
        "required": ["visits", "today", "month", "online", "articles", "page_views", "rating_votes"],
        "properties": {
            "visits": {"type": "integer", "minimum": 0, "description": "Tổng lượt truy cập (Thống kê)."},
            "today": {"type": "integer", "minimum": 0, "nullable": True, "description": "Lượt truy cập hôm nay."},
            "month": {"type": "integer", "minimum": 0, "nullable": True, "description": "Lượt truy cập tháng này."},
            "online": {
                "type": "integer",
                "minimum": 0,
                "nullable": True,
                "description": "Số người đang truy cập (5 phút qua); null khi bộ đếm tạm không đọc được.",
            },
            "articles": {"type": "integer", "minimum": 0, "description": "Số bài viết đã đăng."},
            "page_views": {"type": "integer", "minimum": 0, "description": "Tổng lượt xem các bài viết."},
            "rating_votes": {"type": "integer", "minimum": 0, "description": "Tổng lượt đánh giá."},
        },
        "additionalProperties": False,
    },
}

_STRING = {"type": "string"}
SCHEMAS |= {
    "DocumentFile": {
        "type": "object",
        "required": ["name", "format", "mime_type", "size", "pages", "has_text", "url", "previews"],
        "properties": {
            "name": _STRING,
            "format": {"type": "string", "enum": ["pdf", "doc", "docx", "xls", "xlsx", "odt"]},
            "mime_type": _STRING,
            "size": {"type": "integer", "minimum": 0, "description": "Dung lượng (byte)."},
            "pages": {"type": "integer", "nullable": True, "description": "Số trang (tệp PDF)."},
            "has_text": {"type": "boolean", "description": "Tệp có lớp chữ (false: bản chụp, hoặc không đọc chữ được)."},
            "url": {"type": "string", "format": "uri"},
            "previews": {"type": "array", "items": {"type": "string", "format": "uri"}, "description": "Ảnh các trang đầu."},
        },
        "additionalProperties": False,
    },
    "Document": {
        "type": "object",
        "required": ["id", "number", "title", "type", "issuer", "field", "issued_on", "effective_on", "place", "signer",
                     "signer_title", "validity", "url", "files"],  # fmt: skip
        "properties": {
            "id": {"type": "integer"},
            "number": {"type": "string", "description": "Số/ký hiệu, ví dụ 14-KH/BTGThU."},
            "title": {"type": "string", "description": "Trích yếu."},
            "type": {"type": "string", "description": "Loại văn bản."},
            "issuer": {"type": "string", "description": "Cơ quan ban hành."},
            "field": {**_NULLABLE_STRING, "description": "Lĩnh vực."},
            "issued_on": {"type": "string", "format": "date"},
            "effective_on": {"type": "string", "format": "date", "nullable": True},
            "place": _STRING,
            "signer": _STRING,
            "signer_title": _STRING,
            "validity": {"type": "string", "enum": ["Còn hiệu lực", "Hết hiệu lực", "Bị thay thế"]},
            "url": {"type": "string", "format": "uri"},
            "files": {"type": "array", "items": _ref("DocumentFile")},
        },
        "additionalProperties": False,
    },
    "DocumentPage": _page_of("Document"),
}
_SLUG = {"type": "string", "pattern": "^[a-z0-9-]+$"}

PATHS = {
    "/articles": {
        "get": {
            "operationId": "listArticles",
            "summary": "Danh sách bài viết đã đăng, mới nhất trước",
            "parameters": [
                _query("page", "Trang (bắt đầu từ 1).", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}),
                _query(
                    "per_page",
                    "Số bài mỗi trang.",
                    {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 10},
                ),
                _query(
                    "category",
                    "Đường dẫn (slug) của chuyên mục; gồm cả chuyên mục con.",
                    {"type": "string", "pattern": "^[a-z0-9-]+$"},
                ),
                _query("from", "Đăng từ ngày (kể cả ngày này).", {"type": "string", "format": "date"}),
                _query(
                    "to",
                    "Đăng đến ngày (kể cả ngày này). Nếu trước «from» thì danh sách rỗng.",
                    {"type": "string", "format": "date"},
                ),
            ],
            "responses": {
                "200": _json(_ref("ArticlePage"), "Một trang bài viết."),
                "400": _error("Tham số không hợp lệ."),
                "404": _error("Không có chuyên mục với đường dẫn này."),
            },
        }
    },
    "/articles/{article_id}": {
        "get": {
            "operationId": "getArticle",
            "summary": "Một bài viết đã đăng, kèm nội dung",
            "parameters": [_path_id("article_id")],
            "responses": {
                "200": _json(_ref("Article"), "Bài viết."),
                "404": _error("Không có bài viết đã đăng với mã này."),
            },
        }
    },
    "/documents": {
        "get": {
            "operationId": "listDocuments",
            "summary": "Danh sách văn bản đã đăng, ban hành mới nhất trước",
            "parameters": [
                _query("page", "Trang (bắt đầu từ 1).", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}),
                _query("per_page", "Số văn bản mỗi trang.", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 20}),
                _query("type", "Đường dẫn (slug) của loại văn bản, ví dụ ke-hoach.", _SLUG),
                _query("issuer", "Đường dẫn (slug) của cơ quan ban hành.", _SLUG),
                _query("field", "Đường dẫn (slug) của lĩnh vực.", _SLUG),
                _query("year", "Năm ban hành.", {"type": "integer", "minimum": 1945, "maximum": 2100}),
            ],
            "responses": {
                "200": _json(_ref("DocumentPage"), "Một trang văn bản."),
                "400": _error("Tham số không hợp lệ."),
                "404": _error("Không có loại, cơ quan hoặc lĩnh vực với đường dẫn này."),
            },
        }
    },
    "/documents/{document_id}": {
        "get": {
            "operationId": "getDocument",
            "summary": "Một văn bản đã đăng, kèm các tệp",
            "parameters": [_path_id("document_id")],
            "responses": {
                "200": _json(_ref("Document"), "Văn bản."),
                "404": _error("Không có văn bản đã đăng với mã này."),
            },
        }
    },
    "/categories": {
        "get": {
            "operationId": "listCategories",
            "summary": "Các chuyên mục theo thứ tự của trang",
            "responses": {"200": _json(_ref("CategoryList"), "Các chuyên mục.")},
        }
    },
    "/counters": {
        "get": {
            "operationId": "getCounters",
            "summary": "Bộ đếm của trang",
            "responses": {"200": _json(_ref("Counters"), "Các con số thống kê.")},
        }
    },
}


# Every operation can get these: the app refuses a URL (path and query) longer than its
# MAX_URL_LENGTH (portal.web.inputs) before routing, answering 414 with the JSON error.
_COMMON_RESPONSES = {"414": _error("Địa chỉ yêu cầu (đường dẫn và tham số) quá dài.")}
for _path in PATHS.values():
    for _operation in _path.values():
        _operation["responses"] |= _COMMON_RESPONSES


def document() -> dict:
    """The OpenAPI document served at /api/v1/openapi.json."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "API tin tức – Cổng thông tin điện tử",
            "version": "1.0.0",
            "description": "API chỉ đọc (GET). Thời gian theo RFC 3339 với múi giờ của trang (+07:00). "
            "Lỗi trả về JSON {\"error\": {\"status\", \"message\"}} với mã HTTP tương ứng.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
