// The worker's web chat: a random id kept in this browser, messages with retry-safe ids,
// buttons that send their payload, and staff replies arriving live on an event stream.
"use strict";

(() => {
  const log = document.getElementById("log");
  const input = document.getElementById("input");
  const KEY = "workerbot.sender";

  function randomId(bytes) {
    const raw = new Uint8Array(bytes);
    crypto.getRandomValues(raw);
    return Array.from(raw, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  let sender = null;
  try { sender = localStorage.getItem(KEY); } catch (e) { sender = null; }
  if (!sender || !/^[A-Za-z0-9_-]{16,64}$/.test(sender)) {
    sender = randomId(16);
    try { localStorage.setItem(KEY, sender); } catch (e) { /* private mode: this tab only */ }
  }

  const seen = new Set();

  // A number stays on one line with its unit or range ("11位", "3个月", "2000元",
  // "14:00-17:00", "2026年3月1日"): such tokens go in a nowrap span, the rest wraps as usual.
  const NUMBER = "\\d+(?:[.,:：]\\d+)*";
  const UNIT = "(?:个工作日|工作日|个小时|个月|小时|分钟|周岁|公里|万元|[位个年月日号天周岁元块角分秒时点倍次人名家户份条项页节期层室%％℃])";
  const TOKEN = new RegExp(
    "第?(?:" + NUMBER + "(?: ?[-–—~～至到] ?" + NUMBER + ")?" + UNIT + "?)+", "g");
  const LONGEST = 16;  // characters: a longer token could not fit a phone's bubble

  function fill(bubble, text) {
    let at = 0;
    for (const m of text.matchAll(TOKEN)) {
      const token = m[0];
      if (/^第?\d+$/.test(token) || token.length > LONGEST) continue;  // nothing to keep together
      bubble.append(text.slice(at, m.index));
      const keep = document.createElement("span");
      keep.className = "keep";
      keep.textContent = token;
      bubble.append(keep);
      at = m.index + token.length;
    }
    bubble.append(text.slice(at));
  }

  function show(kind, text, buttons, id, author) {
    if (id && seen.has(id)) return;
    if (id) seen.add(id);
    const row = document.createElement("div");
    row.className = "msg " + kind;
    if (kind === "staff") {
      const who = document.createElement("div");
      who.className = "who";
      who.textContent = author ? "工作人员 · " + author : "工作人员";
      row.append(who);
    }
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    fill(bubble, text || "");  // always text: nothing a message says is parsed as HTML
    row.append(bubble);
    if (buttons && buttons.length) {
      const box = document.createElement("div");
      box.className = "buttons";
      for (const b of buttons) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.dataset.payload = b.payload;
        box.append(button);
      }
      row.append(box);
    }
    log.append(row);
    log.scrollTop = log.scrollHeight;
    window.scrollTo(0, document.body.scrollHeight);
  }

  async function post(body) {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const res = await fetch("/chat/api/send", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        if (res.ok || res.status < 500) return await res.json();
      } catch (e) { /* network: the same message id makes the retry safe */ }
      await new Promise((r) => setTimeout(r, 800 * (attempt + 1)));
    }
    return { error: "network", message: "网络不太好，消息没有发出去，请稍后再试。" };
  }

  async function upload(file, messageId) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const form = new FormData();
      form.append("sender", sender);
      form.append("message_id", messageId);  // the same id on a retry: attached once
      form.append("file", file, file.name);
      try {
        const res = await fetch("/chat/api/upload", { method: "POST", body: form });
        if (res.ok || res.status < 500) return await res.json();
      } catch (e) { /* network: retried with the same message id */ }
      await new Promise((r) => setTimeout(r, 800 * (attempt + 1)));
    }
    return { error: "network", message: "网络不太好，文件没有发出去，请稍后再试。" };
  }

  let queue = Promise.resolve();

  const MAX_UPLOAD = 20 * 1024 * 1024;  // the server's body limit; its own cap may be lower

  function sendFile(file) {
    show("user", "[文件] " + file.name);
    if (file.size > MAX_UPLOAD) {
      show("notice", "文件太大了，每个文件最大 20 MB，请压缩后再发送。");
      return;
    }
    const messageId = randomId(12);
    queue = queue.then(async () => {
      const data = await upload(file, messageId);
      if (data.error) { show("notice", data.message); return; }
      for (const r of data.replies || []) show("bot", r.text || "", r.buttons);
    });
  }

  const picker = document.getElementById("file");
  picker.addEventListener("change", () => {
    for (const file of picker.files) sendFile(file);
    picker.value = "";
  });

  function send(text, shown) {
    if (!text.trim()) return;
    show("user", shown || text);
    const body = { sender, text, message_id: randomId(12) };
    queue = queue.then(async () => {
      const data = await post(body);
      if (data.error) { show("notice", data.message); return; }
      for (const r of data.replies || []) show("bot", r.text || "", r.buttons);
    });
  }

  document.getElementById("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value;
    input.value = "";
    send(text);
    input.focus();
  });

  log.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-payload]");
    if (button) send(button.dataset.payload, button.textContent);
  });

  function listen(after) {
    const source = new EventSource("/chat/api/stream?sender=" + sender + "&after=" + after);
    source.addEventListener("message", (ev) => {
      const m = JSON.parse(ev.data);
      show(m.kind, m.text, m.buttons, m.id, m.author);
    });
  }

  (async () => {
    let after = 0;
    try {
      const res = await fetch("/chat/api/history?sender=" + sender);
      const data = await res.json();
      for (const m of data.messages || []) show(m.kind, m.text, m.buttons, m.id, m.author);
      after = data.last_id || 0;
    } catch (e) { /* a fresh page still works */ }
    listen(after);
    document.body.dataset.ready = "1";
  })();
})();
