// The queue page: waiting conversations, live from the server's event stream; claim in one click.
"use strict";

(() => {
  const waiting = document.getElementById("waiting");
  const mine = document.getElementById("mine");
  let snapshot = { waiting: [], mine: [], others: 0 };

  function item(conv, claimable) {
    const li = WB.el("li", "item");
    li.dataset.id = conv.id;
    const head = WB.el("div", "item-head");
    head.append(WB.el("span", "tag channel-" + conv.channel, conv.channel_label));
    const name = WB.el("a", "name", conv.name);
    name.href = "/console/c/" + conv.id;
    head.append(name);
    head.append(WB.el("span", "reason", conv.reason_label));
    const wait = WB.el("span", "wait", "已等 " + WB.waited(conv.since));
    wait.dataset.since = conv.since || "";
    wait.dataset.prefix = "已等 ";
    head.append(wait);
    li.append(head);
    li.append(WB.el("p", "last", conv.last || "（还没有留言）"));
    if (claimable) {
      const button = WB.el("button", "primary claim", "接入");
      button.addEventListener("click", () => claim(conv.id, button));
      li.append(button);
    }
    return li;
  }

  async function claim(id, button) {
    button.disabled = true;
    const r = await WB.api("POST", "/console/api/conversations/" + id + "/claim");
    if (r.ok) {
      location.href = "/console/c/" + id;
      return;
    }
    WB.status(r.data.message || "接入失败", true);
    button.disabled = false;
  }

  function render(data) {
    snapshot = data;
    waiting.replaceChildren(...data.waiting.map((c) => item(c, true)));
    mine.replaceChildren(...data.mine.map((c) => item(c, false)));
    document.getElementById("waiting-count").textContent = data.waiting.length;
    document.getElementById("mine-count").textContent = data.mine.length;
    document.getElementById("others-count").textContent = data.others;
    document.getElementById("queue-empty").hidden = data.waiting.length > 0;
    const n = data.waiting.length;
    document.title = (n ? "(" + n + ") " : "") + "待接入 · 区总工会职工服务";
  }

  setInterval(() => {
    for (const node of document.querySelectorAll(".wait[data-since]")) {
      node.textContent = node.dataset.prefix + WB.waited(node.dataset.since);
    }
  }, 10000);

  WB.stream("/console/api/stream", { queue: render });
  window.WBQueue = { get snapshot() { return snapshot; } };
})();
