// yuqing console: small progressive enhancements. Every page works without
// this script; with it, countdowns tick, the Beijing-time clock runs, and
// the queue refreshes itself. No inline script anywhere (the CSP forbids it).
(function () {
  "use strict";

  var BEIJING = 8 * 3600 * 1000;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // 2天3小时 / 3小时12分 / 12分钟, as the server writes them.
  function span(ms) {
    var mins = Math.floor(Math.abs(ms) / 60000);
    var d = Math.floor(mins / 1440), h = Math.floor((mins % 1440) / 60), m = mins % 60;
    if (d > 0) { return d + "天" + h + "小时"; }
    if (h > 0) { return h + "小时" + m + "分"; }
    return m + "分钟";
  }

  function tickClock() {
    var el = document.getElementById("clock");
    if (!el) { return; }
    var t = new Date(Date.now() + BEIJING);
    el.textContent = "北京时间 " + pad(t.getUTCHours()) + ":" + pad(t.getUTCMinutes());
  }

  // Countdowns: "剩余 …" until the due time, then "已超时 … · 催办" in red.
  function tickCountdowns(root) {
    var now = Date.now();
    var els = (root || document).querySelectorAll(".countdown[data-due]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var due = Number(el.getAttribute("data-due"));
      if (!due) { continue; }
      var left = due - now;
      if (left >= 0) {
        el.textContent = "剩余 " + span(left);
      } else {
        el.textContent = "⚠ 已超时 " + span(left) + " · 催办";
        el.classList.add("overdue");
        var row = el.closest("tr");
        if (row) { row.classList.add("is-overdue"); }
      }
    }
  }

  // The queue: ask for fresh rows every few seconds (the server answers 204
  // while nothing changed), and when the tab becomes visible again.
  function startQueue() {
    var table = document.getElementById("queue");
    if (!table || !table.getAttribute("data-rows-url")) { return; }
    var url = table.getAttribute("data-rows-url");
    var version = table.getAttribute("data-version") || "";
    var every = Number(table.getAttribute("data-refresh-ms")) || 10000;
    var body = document.getElementById("queue-rows");
    var total = document.getElementById("queue-total");
    var status = document.getElementById("queue-status");
    var busy = false;

    function say(text) { if (status) { status.textContent = text; } }

    function refresh() {
      if (busy || document.hidden) { return; }
      busy = true;
      fetch(url + "&v=" + encodeURIComponent(version), {
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
        cache: "no-store"
      }).then(function (res) {
        if (res.status === 204) { return null; }
        if (res.status === 401) {
          say("会话已过期，请重新登录后继续值班。");
          return null;
        }
        if (!res.ok) { throw new Error(String(res.status)); }
        return res.text().then(function (html) {
          var before = body.querySelectorAll("tr.is-new").length;
          body.innerHTML = html;
          version = res.headers.get("X-Queue-Version") || version;
          if (total) { total.textContent = res.headers.get("X-Queue-Total") || total.textContent; }
          tickCountdowns(body);
          var now = body.querySelectorAll("tr.is-new").length;
          var t = new Date(Date.now() + BEIJING);
          var at = pad(t.getUTCHours()) + ":" + pad(t.getUTCMinutes()) + ":" + pad(t.getUTCSeconds());
          say(now > before ? ("有 " + (now - before) + " 件新案件（" + at + " 更新）。")
                           : ("已于 " + at + " 更新。"));
        });
      }).catch(function () {
        say("刷新失败，稍后自动重试。");
      }).then(function () { busy = false; });
    }

    setInterval(refresh, every);
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) { refresh(); }
    });
  }

  function start() {
    tickClock();
    tickCountdowns(document);
    setInterval(tickClock, 15000);
    setInterval(function () { tickCountdowns(document); }, 30000);
    startQueue();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
