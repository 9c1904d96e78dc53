// Shared by the /admin pages (sqladmin + our views). Loaded after sqladmin's main.js.
// No inline scripts anywhere (strict CSP): what sqladmin did inline lives here.
"use strict";

const WBAdmin = (() => {
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  // Every text from the server goes through textContent: never parsed as HTML.
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function postJSON(url, body) {
    const res = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRF-Token": csrf,
      },
      body: JSON.stringify(body),
    });
    if (res.status === 401) {
      location.href = "/console/login?next=" + encodeURIComponent(location.pathname);
      throw new Error("login required");
    }
    let data = {};
    try { data = await res.json(); } catch (e) { data = {}; }
    return { ok: res.ok, status: res.status, data };
  }

  // sqladmin's delete button sends DELETE through jQuery: every same-site jQuery request
  // carries the session's CSRF token, which /admin requires for every change
  function csrfForJQuery() {
    if (!window.jQuery) return;
    window.jQuery.ajaxPrefilter((options, _original, xhr) => {
      if (!options.crossDomain) xhr.setRequestHeader("X-CSRF-Token", csrf);
    });
  }

  // sqladmin's flash messages (its flash.html had an inline script)
  function showToasts() {
    const bs = window.tabler && window.tabler.bootstrap;
    document.querySelectorAll(".toast.admin-toast").forEach((node) => {
      const danger = node.classList.contains("text-bg-danger") || node.classList.contains("text-bg-error");
      if (bs) new bs.Toast(node, { delay: 6000, autohide: !danger }).show();
      else node.classList.add("show");
    });
  }

  // sqladmin's delete dialog says it in English: say it in Chinese
  function chineseDeleteDialog() {
    if (!window.jQuery) return;
    window.jQuery(document).on("shown.bs.modal", "#modal-delete", (event) => {
      const trigger = event.relatedTarget;
      const name = trigger ? trigger.getAttribute("data-name") || "" : "";
      const text = document.getElementById("modal-delete-text");
      if (text) text.textContent = "确定要删除这条" + name + "吗？";
    });
  }

  // sqladmin's main.js counts a textarea's characters in English; count them in Chinese
  function chineseCharCounts() {
    document.querySelectorAll(".chars-count-label").forEach((label) => {
      const area = label.previousElementSibling;
      if (!area || area.tagName !== "TEXTAREA") return;
      const max = parseInt(area.getAttribute("maxlength"), 10) || 0;
      const update = () => {
        label.textContent = "字数：" + area.value.length + (max ? " / " + max : "");
      };
      area.addEventListener("input", update);
      update();
    });
  }

  // a few English attributes hard-coded in sqladmin's templates (tooltips, screen readers)
  function chineseAttributes() {
    const words = { "This is a required field": "必填", "Toggle navigation": "展开菜单", "Close": "关闭" };
    ["title", "aria-label"].forEach((attr) => {
      document.querySelectorAll("[" + attr + "]").forEach((node) => {
        const zh = words[node.getAttribute(attr)];
        if (zh) node.setAttribute(attr, zh);
      });
    });
  }

  return {
    el, postJSON, csrfForJQuery, showToasts, chineseDeleteDialog, chineseCharCounts,
    chineseAttributes,
  };
})();

WBAdmin.csrfForJQuery(); // before any button can be pressed

// -- 试一试 on the FAQ pages ------------------------------------------------------------------
const FaqTry = (() => {
  const KINDS = {
    answer: "直接回答",
    likely: "回答最接近的条目（注明「关于…」），并列出相近的问题",
    suggest: "列出几个问题让工人选（您是想问…）",
    none: "没有足够接近的条目：说找不到，并建议转人工",
    handoff: "转给工作人员",
    fallback: "没听懂（兜底回复）",
    other: "不是政策问题，按其他功能处理",
  };

  function draftFromForm() {
    const form = document.querySelector("form[method=POST] fieldset.form-fieldset");
    if (!form) return null;
    const value = (name) => {
      const input = form.querySelector('[name="' + name + '"]');
      return input ? input.value : "";
    };
    const enabled = form.querySelector('[name="enabled"]');
    return {
      question: value("question"),
      alternates: value("alternates"),
      answer: value("answer"),
      category: value("category"),
      source: value("source"),
      effective_date: value("effective_date"),
      enabled: enabled ? enabled.checked : true,
    };
  }

  function render(box, verdict) {
    const el = WBAdmin.el;
    box.replaceChildren();
    box.append(el("div", "faq-try-kind badge bg-blue-lt", KINDS[verdict.kind] || verdict.kind));
    // what the worker would read, bubble by bubble, with the buttons under each
    verdict.replies.forEach((reply) => {
      const bubble = el("div", "faq-try-reply");
      if (reply.text) bubble.append(el("div", "", reply.text));
      if (reply.buttons.length) {
        const list = el("ol", "faq-try-options");
        reply.buttons.forEach((title) => list.append(el("li", "", title)));
        bubble.append(list);
      }
      box.append(bubble);
    });
    // how the bot took the message (one line per request in it)
    verdict.steps.forEach((step) => {
      const intent = step.ruled_intent || step.intent || "—";
      const line = "理解为 " + intent + "（把握 " + step.confidence.toFixed(2) + "）";
      box.append(el("div", "faq-try-step text-muted small", line));
    });
    const table = el("table", "table table-sm faq-try-matches");
    const head = el("tr");
    head.append(el("th", "", "最接近的条目"), el("th", "text-end", "相似度"));
    table.append(head);
    if (!verdict.matches.length) {
      const row = el("tr");
      const cell = el("td", "text-muted", "没有相似的条目");
      cell.colSpan = 2;
      row.append(cell);
      table.append(row);
    }
    verdict.matches.forEach((m) => {
      const row = el("tr");
      row.append(el("td", "", m.question), el("td", "text-end faq-try-score", m.score.toFixed(3)));
      table.append(row);
    });
    box.append(table);
  }

  function start() {
    const panel = document.getElementById("faq-try");
    if (!panel) return;
    const form = document.getElementById("faq-try-form");
    const input = document.getElementById("faq-try-text");
    const error = document.getElementById("faq-try-error");
    const results = document.getElementById("faq-try-results");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { text: input.value };
      if (panel.dataset.draft) {
        body.draft = draftFromForm();
        if (panel.dataset.entry) body.id = Number(panel.dataset.entry);
      }
      panel.dataset.state = "busy";
      let res;
      try {
        res = await WBAdmin.postJSON(panel.dataset.url, body);
      } catch (e) {
        res = { ok: false, data: { message: "网络出错了，请稍后再试。" } };
      }
      if (!res.ok) {
        error.textContent = res.data.message || "出错了，请刷新页面后重试。";
        error.classList.remove("d-none");
        results.classList.add("d-none");
        panel.dataset.state = "error";
        return;
      }
      error.classList.add("d-none");
      results.classList.remove("d-none");
      render(panel.querySelector("#faq-try-now .faq-try-out"), res.data.now);
      const after = panel.querySelector("#faq-try-draft .faq-try-out");
      if (after && res.data.draft) render(after, res.data.draft);
      panel.dataset.state = "done";
    });
  }

  return { start };
})();

document.addEventListener("DOMContentLoaded", () => {
  WBAdmin.showToasts();
  WBAdmin.chineseDeleteDialog();
  WBAdmin.chineseCharCounts();
  WBAdmin.chineseAttributes();
  FaqTry.start();
});
