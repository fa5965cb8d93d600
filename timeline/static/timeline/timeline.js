// Policy Timeline: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";

  // Suggestions for the organization, law and jurisdiction fields, from the JSON endpoint.
  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var endpoint = document.documentElement.getAttribute("data-suggest-url");
    if (!list || !endpoint) return;
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 1 || text === last) return;
        last = text;
        var url = endpoint + "?kind=" + encodeURIComponent(input.dataset.suggest) + "&q=" + encodeURIComponent(text);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.results.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.value;
              option.label = item.label + " (" + item.count + ")";
              option.textContent = item.label + " (" + item.count + ")";
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  // Copy buttons: shown only where the clipboard can be written.
  function copyButton(button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copy);
      var text = "value" in source && source.value !== undefined ? source.value : source.textContent;
      navigator.clipboard.writeText(text).then(function () {
        button.setAttribute("data-copied", "true");
        button.blur();
      });
    });
  }

  // Keyboard: j / k follow the next / previous page link, the arrow keys move earlier / later.
  function keys() {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY)$/.test(target.tagName))) return;
      var pager = document.querySelector(".pager");
      if (!pager) return;
      var newest = pager.getAttribute("data-order") === "newest";
      var rel = {
        j: "next",
        k: "prev",
        ArrowLeft: newest ? "next" : "prev",
        ArrowRight: newest ? "prev" : "next"
      }[event.key];
      var link = rel && pager.querySelector('a[rel="' + rel + '"]');
      if (link) {
        event.preventDefault();
        link.click();
      }
    });
  }

  // The time strip: one tab stop (the current bar), arrow keys move between bars.
  function strip(nav) {
    var bars = Array.prototype.slice.call(nav.querySelectorAll("svg a"));
    if (!bars.length) return;
    var current = nav.querySelector('svg a[aria-current="true"]') || bars[bars.length - 1];
    bars.forEach(function (bar) { bar.setAttribute("tabindex", bar === current ? "0" : "-1"); });
    nav.addEventListener("keydown", function (event) {
      var index = bars.indexOf(document.activeElement);
      if (index < 0) return;
      var next = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: bars.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      var target = bars[Math.max(0, Math.min(bars.length - 1, next))];
      bars.forEach(function (bar) { bar.setAttribute("tabindex", bar === target ? "0" : "-1"); });
      target.focus();
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), suggest);
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), copyButton);
    Array.prototype.forEach.call(document.querySelectorAll("nav.time-strip"), strip);
    keys();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
