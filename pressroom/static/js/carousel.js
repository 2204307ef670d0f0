// The home page's banners: without this file they are a row the visitor swipes or scrolls,
// the first slide shown. With it: the dots move the row (not the page), the slides advance
// every 7 seconds, pausing while the pointer or the keyboard focus is on them, when the
// visitor presses Pause, and always when the visitor asks for reduced motion.
(function () {
  "use strict";
  var INTERVAL = 7000;
  document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
    var track = carousel.querySelector("[data-carousel-track]");
    var slides = Array.prototype.slice.call(track.children);
    var dots = Array.prototype.slice.call(carousel.querySelectorAll("[data-carousel-dot]"));
    var pause = carousel.querySelector("[data-carousel-pause]");
    if (slides.length < 2) return;
    var current = 0;
    var paused = false;
    var hovered = false;
    var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");

    function show(index) {
      current = (index + slides.length) % slides.length;
      track.scrollTo({ left: slides[current].offsetLeft - track.offsetLeft, behavior: reduced.matches ? "auto" : "smooth" });
      mark();
    }
    function mark() {
      dots.forEach(function (dot, i) {
        if (i === current) dot.setAttribute("aria-current", "true");
        else dot.removeAttribute("aria-current");
      });
    }
    dots.forEach(function (dot, i) {
      dot.addEventListener("click", function (event) {
        event.preventDefault();
        show(i);
      });
    });
    track.addEventListener("scroll", function () {
      var index = Math.round(track.scrollLeft / Math.max(1, track.clientWidth));
      if (index !== current && index < slides.length) {
        current = index;
        mark();
      }
    }, { passive: true });
    carousel.addEventListener("mouseenter", function () { hovered = true; });
    carousel.addEventListener("mouseleave", function () { hovered = false; });
    if (pause) {
      pause.hidden = false;
      pause.addEventListener("click", function () {
        paused = !paused;
        pause.setAttribute("aria-pressed", paused ? "true" : "false");
      });
    }
    window.setInterval(function () {
      if (paused || hovered || reduced.matches || document.hidden) return;
      if (carousel.contains(document.activeElement)) return;
      show(current + 1);
    }, INTERVAL);
  });
})();
