/* The article body editor: Jodit on top of the plain <textarea>, which stays the form field.
   Without JavaScript (or if Jodit fails to load) the textarea is used as it is. */
(function () {
  "use strict";

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
    document.querySelectorAll('[aria-label="Table size"]').forEach(function (grid) {
      grid.setAttribute("aria-label", "Số hàng và cột của bảng");  // a label Jodit does not translate
    });
    document.querySelectorAll('input[name^="jodit-toolbar-focus-helper"]').forEach(function (helper) {
      helper.setAttribute("aria-hidden", "true");
      helper.setAttribute("aria-label", "Thanh công cụ soạn thảo");
    });
  }

  // ---- Pictures pasted from Microsoft Word ----------------------------------------------------
  // Word's clipboard HTML points every picture at a temporary file (file:///…/clip_image001.png)
  // that no browser may read; the same pictures travel in the clipboard's RTF, in order, as hex
  // in {\pict …} groups. Those in PNG or JPEG are uploaded and put in place of the file: images.

  var SKIPPED_DESTINATIONS = { nonshppict: true, shprslt: true, listpicture: true };
  var PICTURE_TYPES = { pngblip: "image/png", jpegblip: "image/jpeg" };

  // Every picture of the RTF in document order, one entry per picture Word shows:
  // {type: "image/png" | "image/jpeg" | null, hex: "…"}. Word writes each picture once in
  // {\*\shppict{\pict …}} and again as a {\nonshppict{\pict …}} fallback (WMF); floating shapes
  // have a {\shprslt …} fallback and picture bullets live in {\*\listpicture …}: those are skipped.
  function rtfPictures(rtf) {
    var pictures = [];
    var stack = [];  // one frame per open group: {skip, pict, name}
    var current = null;  // the picture whose group is open: {depth, type, hex: []}
    var expectName = false;
    var i = 0;
    var length = rtf.length;
    while (i < length) {
      var ch = rtf.charAt(i);
      if (ch === "{") {
        var parent = stack.length ? stack[stack.length - 1] : null;
        stack.push({ skip: parent ? parent.skip : false, inPict: parent ? parent.inPict : false });
        expectName = true;
        i += 1;
      } else if (ch === "}") {
        if (current && current.depth === stack.length) {
          pictures.push({ type: current.type, hex: current.hex.join("") });
          current = null;
        }
        stack.pop();
        expectName = false;
        i += 1;
      } else if (ch === "\\") {
        var match = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.substr(i, 64));
        if (!match) {
          // a control symbol: \* keeps the group's name to come, \'hh is a character
          if (rtf.charAt(i + 1) === "'") {
            i += 4;
            expectName = false;
          } else {
            i += 2;
          }
          continue;
        }
        var word = match[1];
        var frame = stack[stack.length - 1];
        if (frame && expectName) {
          if (SKIPPED_DESTINATIONS[word]) {
            frame.skip = true;
          } else if (word === "pict" && !frame.skip && !frame.inPict) {
            current = { depth: stack.length, type: null, hex: [] };
          }
          if (word === "pict") {
            frame.inPict = true;
          }
        }
        if (current && current.depth === stack.length && PICTURE_TYPES[word]) {
          current.type = PICTURE_TYPES[word];
        }
        if (word === "bin" && match[2]) {  // raw bytes, never written by Word on the clipboard
          if (current && current.depth === stack.length) {
            current.type = null;
          }
          i += match[0].length + parseInt(match[2], 10);
        } else {
          i += match[0].length;
        }
        expectName = false;
      } else {
        if (current && current.depth === stack.length && /[0-9a-fA-F]/.test(ch)) {
          var end = i + 1;
          while (end < length && /[0-9a-fA-F]/.test(rtf.charAt(end))) {
            end += 1;
          }
          current.hex.push(rtf.substring(i, end));
          i = end;
        } else {
          i += 1;
        }
        if (ch !== "\r" && ch !== "\n") {
          expectName = false;
        }
      }
    }
    return pictures;
  }

  function hexToBlob(hex, type) {
    var bytes = new Uint8Array(Math.floor(hex.length / 2));
    for (var i = 0; i < bytes.length; i += 1) {
      bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return new Blob([bytes], { type: type });
  }

  // The file: addresses of the clipboard HTML's <img> elements, in order. DOMParser's document
  // is inert (nothing loads or runs); VML's <v:imagedata> sits in a comment and is not counted.
  function localImageSources(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    return localImagesIn(page).map(function (img) {
      return img.getAttribute("src").trim();
    });
  }

  function localImagesIn(root) {
    return Array.prototype.filter.call(root.querySelectorAll("img"), function (img) {
      return /^\s*file:/i.test(img.getAttribute("src") || "");
    });
  }

  // ---- Uploading a picture ---------------------------------------------------------------------
  // The upload endpoint answers in Jodit's JSON format, with a Vietnamese message and the right
  // status when it refuses (422). Jodit's own request would turn that status into its English
  // text ("UNPROCESSABLE ENTITY") and drop the answer, so pictures go through this one instead.

  var ALT_QUESTION = "Mô tả ảnh cho người khiếm thị (bắt buộc):";

  function refusal(message) {
    return { success: false, data: { messages: [message] } };
  }

  // The server's answer as JSON, whatever its status; a refusal of our own if there is none.
  function postImage(url, form) {
    return fetch(url, {
      method: "POST", body: form, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      return response.json().catch(function () {
        return refusal("Máy chủ không nhận ảnh (mã " + response.status + "). Xin tải lại trang rồi thử lại.");
      });
    }, function () {
      return refusal("Không kết nối được với máy chủ; ảnh chưa được tải lên.");
    });
  }

  // Ask for the description, send; while the server says it is missing, ask again with its
  // message, so the picture is never lost. Cancelling the question leaves the picture out.
  function uploadWithDescription(url, form, question) {
    var alt = window.prompt(question || ALT_QUESTION, form.get("alt") || "");
    if (alt === null) {
      return Promise.resolve(refusal("Ảnh chưa được tải lên: ảnh cần có mô tả cho người khiếm thị."));
    }
    form.set("alt", alt.trim());
    return postImage(url, form).then(function (answer) {
      if (answer && !answer.success && answer.data && answer.data.field === "alt") {
        return uploadWithDescription(url, form, answer.data.messages.join(" ") + "\n\n" + ALT_QUESTION);
      }
      return answer;
    });
  }

  function uploadPicture(url, blob, name, alt) {
    var form = new FormData();
    form.append("image", blob, name);
    form.append("alt", alt);
    return postImage(url, form).then(function (answer) {
      if (!answer || !answer.success || !answer.data || !answer.data.files || !answer.data.files.length) {
        var messages = answer && answer.data && answer.data.messages;
        throw new Error(messages && messages.length ? messages.join(" ") : "Không tải được ảnh lên.");
      }
      return (answer.data.baseurl || "") + answer.data.files[0];
    });
  }

  // On a paste into the editor: read Word's pictures while the clipboard is readable, let Jodit
  // paste and clean the HTML as usual, then upload the pictures and point the new images at them.
  function carryWordPictures(editor, uploadUrl) {
    var pending = 0;

    function whenPasted(event) {
      var data = event.clipboardData;
      if (!data || !uploadUrl) {
        return;
      }
      var html = data.getData("text/html") || "";
      var rtf = data.getData("text/rtf") || "";
      if (!rtf || !/<img\b[^>]*\bsrc\s*=\s*["']?\s*file:/i.test(html)) {
        return;
      }
      var sources = localImageSources(html);
      var pictures = rtfPictures(rtf);
      if (pictures.length !== sources.length) {
        // Which picture is which cannot be told: better none than the wrong ones.
        if (window.console) {
          window.console.warn("Word: " + sources.length + " ảnh trong HTML, " + pictures.length + " ảnh trong RTF");
        }
        return;
      }
      var before = localImagesIn(editor.editor);
      var tries = 0;
      var collect = function () {
        var fresh = localImagesIn(editor.editor).filter(function (img) {
          return before.indexOf(img) === -1;
        });
        if (!fresh.length && tries < 20) {
          tries += 1;
          window.setTimeout(collect, 50);
          return;
        }
        placePictures(fresh, sources, pictures);
      };
      window.setTimeout(collect, 0);
    }

    function placePictures(images, sources, pictures) {
      var used = [];
      var jobs = [];
      images.forEach(function (img) {
        var src = img.getAttribute("src").trim();
        var index = -1;
        for (var k = 0; k < sources.length; k += 1) {
          if (used.indexOf(k) === -1 && sources[k] === src) {
            index = k;
            break;
          }
        }
        if (index === -1) {
          return;
        }
        used.push(index);
        if (pictures[index].type && pictures[index].hex.length > 1) {
          jobs.push({ img: img, picture: pictures[index] });
        }
      });
      var chain = Promise.resolve();
      jobs.forEach(function (job, position) {
        var number = position + 1;
        chain = chain.then(function () {
          var alt = window.prompt("Mô tả ảnh dán từ Word cho người khiếm thị (bắt buộc):", "Ảnh dán từ Word " + number);
          if (alt === null || !alt.trim()) {
            return null;  // no alt text, no image: the file: one is dropped on save
          }
          var extension = job.picture.type === "image/png" ? ".png" : ".jpg";
          pending += 1;
          return uploadPicture(uploadUrl, hexToBlob(job.picture.hex, job.picture.type),
            "anh-dan-tu-word-" + number + extension, alt.trim()).then(function (url) {
            job.img.setAttribute("src", url);
            job.img.setAttribute("alt", alt.trim());
            editor.setEditorValue();  // into the textarea now (synchronizeValues() waits a moment)
          }, function (error) {
            editor.message.error("Ảnh dán từ Word " + number + ": " + error.message);
          }).then(function () {
            pending -= 1;
          });
        });
      });
    }

    // Before Jodit's own paste handling, which reads the same clipboard afterwards.
    editor.container.addEventListener("paste", whenPasted, true);
    return function uploading() {
      return pending > 0;
    };
  }

  // The Content-Security-Policy allows no style="" attribute (style-src-attr). Jodit writes a
  // few into the elements it makes (the toolbar's focus helper, the placeholder, the list of
  // block formats); the same declarations set through the CSSOM are allowed, so they go there.
  var STYLE_ATTRIBUTE = /\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi;

  function styleThroughCssom(Create) {
    var element = Create.prototype.element;
    var fromHTML = Create.prototype.fromHTML;
    Create.prototype.element = function (tag, attributes, children) {
      var style = attributes && typeof attributes.style === "string" ? attributes.style : null;
      if (style !== null) {
        attributes = Object.assign({}, attributes);
        delete attributes.style;
      }
      var made = element.call(this, tag, attributes, children);
      if (style !== null) {
        made.style.cssText = style;
      }
      return made;
    };
    Create.prototype.fromHTML = function (html, refs) {
      var styles = [];
      var marked = String(html).replace(STYLE_ATTRIBUTE, function (whole, quoted, double, single) {
        styles.push(double !== undefined ? double : single);
        return " data-jodit-style=\"" + (styles.length - 1) + "\"";
      });
      var made = fromHTML.call(this, marked, refs);
      var styled = Array.prototype.slice.call(made.querySelectorAll ? made.querySelectorAll("[data-jodit-style]") : []);
      if (made.hasAttribute && made.hasAttribute("data-jodit-style")) {
        styled.unshift(made);
      }
      styled.forEach(function (node) {
        node.style.cssText = styles[Number(node.getAttribute("data-jodit-style"))];
        node.removeAttribute("data-jodit-style");
      });
      return made;
    };
  }

  function start() {
    var area = document.querySelector("textarea.body-editor");
    if (!area || !window.Jodit) {
      return;
    }
    styleThroughCssom(window.Jodit.modules.Create);
    var editor = window.Jodit.make(area, {
      language: "vi",  // the dictionary is static/js/jodit-vi.js
      readonly: area.readOnly,  // an article the person may not change here (portal.services.workflow)
      height: 520,
      // Nothing from another site: the HTML view is a plain textarea, not Ace from a CDN,
      // and the status bar carries no branding.
      sourceEditor: "area",
      controls: {
        paragraph: {  // Jodit's own template styles each sample inline; admin.css does it instead
          childTemplate: function (editor, tag, label) {
            return "<" + tag + ' class="jodit-format-sample"><span>' + editor.i18n(label) + "</span></" + tag + ">";
          }
        }
      },
      beautifyHTML: false,
      hidePoweredByJodit: true,
      showXPathInStatusbar: false,
      toolbarAdaptive: false,
      buttons: ["paragraph", "bold", "italic", "underline", "strikethrough", "|", "ul", "ol", "|",
        "link", "image", "table", "hr", "|", "align", "|", "eraser", "undo", "redo", "|", "source", "fullsize"],
      // Word and web pages keep their structure (paragraphs, emphasis, lists, tables, links);
      // the server's sanitiser removes whatever else came along.
      askBeforePasteFromWord: false,
      askBeforePasteHTML: false,
      defaultActionOnPasteFromWord: "insert_clear_html",
      defaultActionOnPaste: "insert_clear_html",
      uploader: {
        url: area.getAttribute("data-upload-url"),
        headers: { "X-CSRFToken": csrfToken() },
        filesVariableName: function () { return "image"; },
        insertImageAsBase64URI: false,
        // Alt text is required: asked for here, kept with the image and written into the body on save.
        customUploadFunction: function (data) {
          return uploadWithDescription(area.getAttribute("data-upload-url"), data);
        }
      }
    });
    // The source view hands its HTML back with selection markers styled inline; they are empty
    // and removed at once, so their style attribute is dropped before anything parses it.
    editor.e.on("beforeSetNativeEditorValue", function (data) {
      data.value = String(data.value).replace(/(<span[^>]*data-jodit-selection_marker[^>]*?)\sstyle="[^"]*"/g, "$1");
    }, { top: true });
    var uploading = carryWordPictures(editor, area.getAttribute("data-upload-url"));
    if (area.form) {
      area.form.addEventListener("submit", function (event) {
        if (uploading()) {  // the pictures pasted from Word are still on their way
          event.preventDefault();
          window.alert("Ảnh dán từ Word đang được tải lên, xin đợi giây lát rồi lưu lại.");
        }
      });
    }
    quietFocusHelpers();
    new MutationObserver(quietFocusHelpers).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
