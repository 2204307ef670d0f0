/* Offers the page in the visitor's language when the browser prefers another one than the
   page's. Pages stay one cacheable response per address: the choice is made here, in the
   browser, never by the server (see docs/i18n.md). */
(function () {
  "use strict";
  var hints = document.querySelectorAll(".language-hint[data-language]");
  if (!hints.length) { return; }
  var base = function (tag) { return (tag || "").toLowerCase().split("-")[0]; };
  var pageLanguage = base(document.documentElement.lang);
  var preferred = navigator.languages && navigator.languages.length ?
    navigator.languages : [navigator.language];
  for (var i = 0; i < preferred.length; i += 1) {
    var wanted = base(preferred[i]);
    if (wanted === pageLanguage) { return; }
    for (var j = 0; j < hints.length; j += 1) {
      if (base(hints[j].getAttribute("data-language")) === wanted) {
        hints[j].hidden = false;
        return;
      }
    }
  }
}());
