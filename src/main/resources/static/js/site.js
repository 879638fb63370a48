// Broadsheet's public pages work without this file. With it, times within the last day read as
// readers expect on a news site ("2 hours ago"); the exact time stays in the datetime attribute
// and shows as the title. The labels refresh every minute.
(function () {
  "use strict";
  var DAY = 864e5, HOUR = 36e5, MINUTE = 6e4;
  var language = document.documentElement.lang || "en";
  var relative = typeof Intl !== "undefined" && Intl.RelativeTimeFormat
    ? new Intl.RelativeTimeFormat(language, { numeric: "auto" })
    : null;

  function label(age) {
    if (age < MINUTE) {
      return relative.format(0, "second");
    }
    if (age < HOUR) {
      return relative.format(-Math.floor(age / MINUTE), "minute");
    }
    return relative.format(-Math.floor(age / HOUR), "hour");
  }

  function update() {
    var now = Date.now();
    var times = document.querySelectorAll("time[datetime]");
    for (var i = 0; i < times.length; i++) {
      var time = times[i];
      var value = time.getAttribute("datetime");
      if (value.indexOf("T") < 0) {
        continue; // a date without a time of day
      }
      if (time.dataset.exact === undefined) {
        time.dataset.exact = time.textContent;
      }
      var age = now - Date.parse(value);
      if (isNaN(age) || age < 0 || age >= DAY) {
        time.textContent = time.dataset.exact;
        time.removeAttribute("title");
      } else {
        time.textContent = label(age);
        time.title = time.dataset.exact;
      }
    }
  }

  if (relative) {
    update();
    setInterval(update, MINUTE);
  }
})();
