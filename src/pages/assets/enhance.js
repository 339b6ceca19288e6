// Progressive enhancement for Samråd's pages. Every page works without this file;
// with it, counts and times update while the user types. Served by the app (CSP: script-src 'self').
(function () {
  "use strict";

  // The server puts this number where the count goes in data-template, so the
  // wording stays in the page's own message catalogue (see CharCount in form.tsx).
  var PLACEHOLDER = "9007199254740991";

  function debounce(fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function liveRegion() {
    var region = document.getElementById("live-region");
    if (!region) {
      region = document.createElement("p");
      region.id = "live-region";
      region.className = "visually-hidden";
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  function setUpCounter(field) {
    var max = Number(field.getAttribute("data-max"));
    var counter = document.getElementById(field.id + "-count");
    if (!max || !counter) return;
    var template = counter.getAttribute("data-template");
    var overTemplate = counter.getAttribute("data-over-template");
    function text() {
      var count = field.value.length;
      return count > max ? overTemplate.replace(PLACEHOLDER, String(count - max)) : template.replace(PLACEHOLDER, String(count));
    }
    // Announce only after a pause: a screen reader should not read every keystroke.
    var announce = debounce(function () {
      liveRegion().textContent = text();
    }, 1000);
    field.addEventListener("input", function () {
      counter.textContent = text();
      counter.classList.toggle("char-count-over", field.value.length > max);
      announce();
    });
  }

  // Minutes to add to UTC to get the wall time in `zone` at instant `utcMs`.
  function offsetMinutes(zone, utcMs) {
    var parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).formatToParts(new Date(utcMs));
    function get(type) {
      for (var i = 0; i < parts.length; i++) if (parts[i].type === type) return Number(parts[i].value);
      return 0;
    }
    var asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    return Math.round((asUtc - Math.floor(utcMs / 60000) * 60000) / 60000);
  }

  // A datetime-local value read as a wall time in `zone`; two passes settle summer-time edges.
  function wallToUtc(wall, zone) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
    if (!m) return null;
    var naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    var utc = naive - offsetMinutes(zone, naive) * 60000;
    return naive - offsetMinutes(zone, utc) * 60000;
  }

  function setUpSlotPreview(input) {
    var output = document.getElementById(input.id + "-expert");
    if (!output) return;
    var ownZone = input.getAttribute("data-own-zone");
    var expertZone = input.getAttribute("data-expert-zone");
    var locale = input.getAttribute("data-locale");
    var template = input.getAttribute("data-template");
    var timeFormat = input.getAttribute("data-time-format");
    var day = new Intl.DateTimeFormat(locale, { timeZone: expertZone, weekday: "short", day: "numeric", month: "short" });
    function update() {
      var utc = wallToUtc(input.value, ownZone);
      if (utc === null) {
        output.textContent = "";
        return;
      }
      // The clock time follows the catalogue's pattern ("H.mm", "HH:mm"), as the server writes it.
      var local = new Date(utc + offsetMinutes(expertZone, utc) * 60000);
      var h = local.getUTCHours();
      var m = local.getUTCMinutes();
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      var time = timeFormat.replace("HH", pad(h)).replace("H", String(h)).replace("mm", pad(m));
      output.textContent = template.replace("{time}", day.format(utc) + " " + time);
    }
    input.addEventListener("input", update);
    input.addEventListener("change", update);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-max]"), setUpCounter);
    Array.prototype.forEach.call(document.querySelectorAll("input[data-expert-zone]"), setUpSlotPreview);
    // After a form comes back with errors, take keyboard and screen-reader users to the list.
    var summary = document.querySelector("[data-autofocus]");
    if (summary) summary.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
