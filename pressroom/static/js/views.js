/* Counts this view of an article or product (浏览量): one small request once the page has
   loaded, no cookie. When the site shows counts, the answer carries today's figure, which
   replaces the one the page was rendered with (the page itself may come from the cache). */
(function () {
  "use strict";
  var counter = document.querySelector("[data-views-url]");
  if (!counter || !window.fetch) { return; }
  fetch(counter.getAttribute("data-views-url"), {
    method: "POST", credentials: "omit", keepalive: true
  }).then(function (response) {
    return response.status === 200 ? response.json() : null;
  }).then(function (answer) {
    var figure = counter.querySelector(".views__count");
    if (answer && typeof answer.views === "number" && figure) {
      figure.textContent = answer.views.toLocaleString(document.documentElement.lang);
    }
  }).catch(function () { /* a view not counted is no visitor's problem */ });
}());
