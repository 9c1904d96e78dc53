// Shared by the console pages: the API helper (CSRF header), DOM helpers, times, presence.
"use strict";

const WB = (() => {
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  async function api(method, path, body) {
    const res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 401) {
      location.href = "/console/login?next=" + encodeURIComponent(location.pathname);
      throw new Error("login required");
    }
    let data = {};
    try { data = await res.json(); } catch (e) { data = {}; }
    return { ok: res.ok, status: res.status, data };
  }

  // Every text from the server goes through textContent: never parsed as HTML.
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function waited(iso) {
    if (!iso) return "";
    const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 60000));
    if (minutes < 1) return "不到 1 分钟";
    if (minutes < 60) return minutes + " 分钟";
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return hours + " 小时 " + (minutes % 60) + " 分钟";
    return Math.floor(hours / 24) + " 天";
  }

  function clock(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  function status(text, bad) {
    const node = document.getElementById("status");
    if (!node) return;
    node.textContent = text || "";
    node.classList.toggle("bad", !!bad);
  }

  function stream(url, handlers) {
    const source = new EventSource(url);
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, (ev) => handler(JSON.parse(ev.data), ev));
    }
    source.addEventListener("logout", () => { location.href = "/console/login"; });
    return source;
  }

  const presence = document.getElementById("presence");
  if (presence) {
    presence.addEventListener("change", async () => {
      const r = await api("POST", "/console/api/presence", { presence: presence.value });
      status(r.ok ? (presence.value === "online" ? "已设为在线" : "已设为离开") : r.data.message, !r.ok);
    });
  }

  return { api, el, waited, clock, status, stream, csrf };
})();
