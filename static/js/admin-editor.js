/* The article body editor: Jodit on top of the plain <textarea>, which stays the form field.
   Without JavaScript (or if Jodit fails to load) the textarea is used as it is. */
(function () {
  "use strict";

  var VIETNAMESE = {
    "Bold": "In đậm", "Italic": "In nghiêng", "Underline": "Gạch chân", "Strike through": "Gạch ngang",
    "Insert Unordered List": "Danh sách dấu chấm", "Insert Ordered List": "Danh sách đánh số",
    "Insert link": "Chèn liên kết", "Insert Image": "Chèn ảnh", "Insert table": "Chèn bảng",
    "Insert format block": "Định dạng khối", "Paragraph": "Đoạn văn", "Heading 2": "Tiêu đề 2",
    "Heading 3": "Tiêu đề 3", "Heading 4": "Tiêu đề 4", "Quote": "Trích dẫn", "Normal": "Bình thường",
    "Undo": "Hoàn tác", "Redo": "Làm lại", "Clear Formatting": "Xoá định dạng", "Change mode": "Xem mã HTML",
    "Align": "Căn lề", "Align Left": "Căn trái", "Align Center": "Căn giữa", "Align Right": "Căn phải",
    "Align Justify": "Căn đều", "Upload": "Tải lên", "Browse": "Chọn tệp", "URL": "Địa chỉ",
    "Alternative text": "Mô tả ảnh", "Text": "Chữ hiển thị", "Open in new tab": "Mở trong thẻ mới",
    "Insert": "Chèn", "Update": "Cập nhật", "Unlink": "Bỏ liên kết", "Delete": "Xoá", "Edit": "Sửa",
    "Drop image": "Thả ảnh vào đây", "or click": "hoặc bấm để chọn", "Image properties": "Thuộc tính ảnh",
    "Cancel": "Huỷ", "Ok": "Đồng ý", "Paste as HTML": "Dán dạng HTML", "Keep": "Giữ định dạng",
    "Clean": "Làm sạch", "Insert as Text": "Dán dạng chữ", "Insert only Text": "Chỉ dán chữ",
    "Chars: %d": "Ký tự: %d", "Words: %d": "Từ: %d", "Full size": "Toàn màn hình", "Title": "Tiêu đề",
    "Type something": "Nhập nội dung bài viết…", "Horizontal line": "Đường kẻ ngang"
  };

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("data-hx-headers"))["X-CSRFToken"];
    } catch (error) {
      return "";
    }
  }

  // Jodit keeps a hidden, disabled input for the toolbar's focus; it is no control a person
  // uses, so it is named and hidden from assistive technology (axe: every input has a label).
  function quietFocusHelpers() {
    document.querySelectorAll('input[name^="jodit-toolbar-focus-helper"]').forEach(function (helper) {
      helper.setAttribute("aria-hidden", "true");
      helper.setAttribute("aria-label", "Thanh công cụ soạn thảo");
    });
  }

  function start() {
    var area = document.querySelector("textarea.body-editor");
    if (!area || !window.Jodit) {
      return;
    }
    var editor = window.Jodit.make(area, {
      language: "vi",
      i18n: { vi: VIETNAMESE },
      height: 520,
      toolbarAdaptive: false,
      buttons: ["paragraph", "bold", "italic", "underline", "strikethrough", "|", "ul", "ol", "|",
        "link", "image", "table", "hr", "|", "align", "|", "eraser", "undo", "redo", "|", "source", "fullsize"],
      // Word and web pages keep their structure (paragraphs, emphasis, lists, tables, links);
      // the server's sanitiser removes whatever else came along.
      askBeforePasteFromWord: false,
      askBeforePasteHTML: false,
      defaultActionOnPasteFromWord: "insert_clear_html",
      defaultActionOnPaste: "insert_clear_html",
      beautifyHTML: false,
      uploader: {
        url: area.getAttribute("data-upload-url"),
        headers: { "X-CSRFToken": csrfToken() },
        filesVariableName: function () { return "image"; },
        insertImageAsBase64URI: false,
        // Alt text is required: asked for here, kept with the image and written into the body on save.
        prepareData: function (data) {
          data.append("alt", window.prompt("Mô tả ảnh cho người khiếm thị (bắt buộc):", "") || "");
          return data;
        }
      }
    });
    quietFocusHelpers();
    new MutationObserver(quietFocusHelpers).observe(editor.container, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
