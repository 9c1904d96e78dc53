// One conversation: transcript (live), what the bot collected, claim, reply, notes,
// canned replies, transfer, hand back, resolve.
"use strict";

(() => {
  const root = document.getElementById("conversation");
  const id = root.dataset.id;
  const me = root.dataset.me;
  const base = "/console/api/conversations/" + id;
  const transcript = document.getElementById("transcript");
  const text = document.getElementById("text");
  let mode = "reply";
  let canned = [];
  let current = { state: "", assigned_to: null };

  const AUTHORS = { user: "职工", bot: "小助手", system: "系统通知", note: "内部备注" };

  function entry(ev) {
    const li = WB.el("li", "ev ev-" + ev.type);
    li.dataset.id = ev.id;
    const meta = WB.el("div", "meta");
    const who = ev.type === "staff" ? "工作人员 " + (ev.author || "") :
      ev.type === "note" ? "内部备注 · " + (ev.author || "") : AUTHORS[ev.type] || "";
    if (who) meta.append(WB.el("span", "who", who));
    meta.append(WB.el("time", "", WB.clock(ev.at)));
    if (ev.type === "user" && ev.intent) {
      const conf = typeof ev.confidence === "number" ? " " + ev.confidence.toFixed(2) : "";
      meta.append(WB.el("span", "intent", "理解为：" + ev.intent_label + "（" + ev.intent + "）" + conf));
    }
    li.append(meta);
    li.append(WB.el("div", "body", ev.text || ""));
    if (ev.buttons && ev.buttons.length) {
      const row = WB.el("div", "buttons");
      for (const title of ev.buttons) row.append(WB.el("span", "chip", title));
      li.append(row);
    }
    return li;
  }

  function append(events) {
    for (const ev of events) {
      if (transcript.querySelector('[data-id="' + ev.id + '"]')) continue;
      transcript.append(entry(ev));
    }
    transcript.scrollTop = transcript.scrollHeight;
  }

  function facts(list, node, render) {
    node.replaceChildren();
    if (!list.length) node.append(WB.el(node.tagName === "DL" ? "dd" : "li", "muted", "—"));
    for (const x of list) render(x, node);
  }

  function showState(state, label, assigned) {
    current = { state, assigned_to: assigned };
    const mine = state === "with_human" && assigned === me;
    document.getElementById("conv-state").textContent = label + (assigned ? " · " + assigned : "");
    document.getElementById("claim").hidden = state !== "waiting_for_human";
    document.getElementById("compose").hidden = !mine;
  }

  async function load() {
    const r = await WB.api("GET", base);
    if (!r.ok) { WB.status(r.data.message || "加载失败", true); return null; }
    const d = r.data;
    document.getElementById("conv-title").textContent = d.name + "（" + d.channel_label + "）";
    showState(d.state, d.state_label, d.assigned_to);
    const handoff = document.getElementById("handoff");
    handoff.replaceChildren(WB.el("dt", "", "原因"), WB.el("dd", "", d.reason_label),
      WB.el("dt", "", "转人工时间"), WB.el("dd", "", WB.clock(d.since) || "—"));
    facts(d.slots, document.getElementById("slots"), (s, n) => n.append(WB.el("dt", "", s.label), WB.el("dd", "", s.value)));
    facts(d.cases, document.getElementById("cases"), (c, n) => n.append(
      WB.el("li", "", c.case_no + " · " + c.dispute_type + " · " + c.status + " · " + c.employer)));
    facts(d.enrolments, document.getElementById("enrolments"), (e, n) => n.append(
      WB.el("li", "", e.course + "（" + e.code + "）· " + e.status)));
    const rating = d.rating;
    document.getElementById("rating").textContent = !rating ? "—" :
      rating.score ? rating.score + " 分（" + (rating.staff || "") + "）" : "已请职工评分，尚未回复";
    return d;
  }

  async function post(path, body, done) {
    const r = await WB.api("POST", base + path, body);
    WB.status(r.ok ? done : (r.data.message || "操作失败"), !r.ok);
    return r.ok;
  }

  async function send() {
    const value = text.value.trim();
    if (!value) return;
    const ok = await post(mode === "note" ? "/note" : "/reply", { text: value },
      mode === "note" ? "备注已保存（职工看不到）" : "已发送");
    if (ok) text.value = "";
  }

  function setMode(next) {
    mode = next;
    document.getElementById("mode-reply").classList.toggle("active", mode === "reply");
    document.getElementById("mode-note").classList.toggle("active", mode === "note");
    text.classList.toggle("note", mode === "note");
    text.placeholder = mode === "note" ? "内部备注，只有工作人员能看到" : "输入回复，Enter 发送，Shift+Enter 换行；输入 / 选择常用语";
  }

  function showCanned(filter) {
    const list = document.getElementById("canned");
    const shown = canned.filter((c) => !filter || c.shortcut.startsWith(filter) || c.title.includes(filter));
    list.replaceChildren(...shown.map((c) => {
      const li = WB.el("li", "", "");
      li.append(WB.el("b", "", "/" + c.shortcut + " " + c.title), WB.el("span", "", c.text));
      li.addEventListener("mousedown", (e) => { e.preventDefault(); useCanned(c); });
      return li;
    }));
    list.hidden = shown.length === 0;
    return shown;
  }

  function useCanned(c) {
    text.value = text.value.startsWith("/") ? c.text : (text.value ? text.value + c.text : c.text);
    document.getElementById("canned").hidden = true;
    text.focus();
  }

  text.addEventListener("input", () => {
    if (text.value.startsWith("/")) showCanned(text.value.slice(1).trim());
    else document.getElementById("canned").hidden = true;
  });
  text.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    if (text.value.startsWith("/")) {
      const shown = showCanned(text.value.slice(1).trim());
      if (shown.length) useCanned(shown[0]);
      return;
    }
    send();
  });
  document.getElementById("send").addEventListener("click", send);
  document.getElementById("mode-reply").addEventListener("click", () => setMode("reply"));
  document.getElementById("mode-note").addEventListener("click", () => setMode("note"));
  document.getElementById("canned-toggle").addEventListener("click", () => {
    const list = document.getElementById("canned");
    if (list.hidden) showCanned(""); else list.hidden = true;
  });
  document.getElementById("claim").addEventListener("click", () => post("/claim", undefined, "已接入"));
  document.getElementById("release").addEventListener("click", () => {
    if (confirm("把这个会话交还给机器人？")) post("/release", undefined, "已交还机器人");
  });
  document.getElementById("resolve").addEventListener("click", () => {
    const closing = mode === "reply" ? text.value.trim() : "";
    if (!confirm("结束本次人工服务？" + (closing ? "输入框里的内容会作为结束语发给职工。" : ""))) return;
    post("/resolve", { text: closing }, "已结束，已请职工评分").then((ok) => { if (ok) text.value = ""; });
  });
  const transferTo = document.getElementById("transfer-to");
  transferTo.addEventListener("focus", async () => {
    const r = await WB.api("GET", "/console/api/staff/online");
    if (!r.ok) return;
    const keep = transferTo.value;
    transferTo.replaceChildren(WB.el("option", "", r.data.length ? "转给在线同事…" : "没有其他同事在线"));
    transferTo.firstChild.value = "";
    for (const u of r.data) {
      const opt = WB.el("option", "", u.name + "（" + u.username + "）");
      opt.value = u.username;
      transferTo.append(opt);
    }
    transferTo.value = keep;
  });
  document.getElementById("transfer").addEventListener("click", () => {
    if (!transferTo.value) { WB.status("请先选择在线的同事", true); return; }
    post("/transfer", { to: transferTo.value }, "已转交");
  });

  (async () => {
    const d = await load();
    if (!d) return;
    append(d.events);
    const r = await WB.api("GET", "/console/api/canned");
    if (r.ok) canned = r.data;
    WB.stream(base + "/stream?after=" + d.last_id, {
      events: (data) => {
        append(data.events);
        const changed = data.state !== current.state || data.assigned_to !== current.assigned_to;
        showState(data.state, data.state_label, data.assigned_to);
        if (changed || data.events.some((e) => e.type === "user" || e.type === "rating")) load();
      },
      gone: () => WB.status("这个会话已不存在", true),
    });
  })();
})();
