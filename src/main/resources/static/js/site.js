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

// Suggestions as a reader types in a search box: stories whose headline starts so, and sections,
// authors and tags, as an ARIA combobox (arrow keys, Enter, Escape). Without this script the box is
// a plain search, and the results page links the sections, authors and tags a search names.
(function () {
  "use strict";
  if (!window.fetch || !document.querySelectorAll) {
    return;
  }
  var KINDS = { story: "Story", section: "Section", author: "Author", tag: "Tag" };
  var boxes = document.querySelectorAll("form[role=search] input[name=q]");
  for (var i = 0; i < boxes.length; i++) {
    enhance(boxes[i], i);
  }

  function enhance(input, n) {
    var form = input.form;
    var list = document.createElement("ul");
    list.id = "search-suggestions-" + n;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.appendChild(list);
    // How many suggestions there are, for screen readers (the list itself is not announced).
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(status);
    input.parentNode.classList.add("suggestions__anchor");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    var timer = null, asked = "", active = -1, items = [], dismissed = false;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      status.textContent = "";
      active = -1;
    }

    function show(suggestions) {
      list.textContent = "";
      items = suggestions;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      status.textContent = suggestions.length === 0 ? ""
        : suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions") + ": use the arrow keys";
      suggestions.forEach(function (s, k) {
        var option = document.createElement("li");
        option.id = list.id + "-" + k;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var label = document.createElement("span");
        label.textContent = s.label;
        var kind = document.createElement("span");
        kind.className = "suggestions__kind";
        kind.textContent = KINDS[s.kind] || "";
        option.appendChild(label);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box until the page changes
          window.location.href = s.url;
        });
        list.appendChild(option);
      });
      if (suggestions.length === 0) {
        close();
      } else {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function choose(k) {
      var options = list.children;
      for (var j = 0; j < options.length; j++) {
        options[j].setAttribute("aria-selected", j === k ? "true" : "false");
      }
      active = k;
      if (k < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", options[k].id);
      }
    }

    function ask() {
      var typed = input.value;
      if (typed === asked) {
        return;
      }
      asked = typed;
      if (typed.replace(/\s+/g, "").length < 2) {
        close();
        return;
      }
      fetch("/search/suggest?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (answer) {
          if (input.value === typed && document.activeElement === input && !dismissed) {
            show(answer.suggestions || []);
          }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      dismissed = false;
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        if (event.key === "ArrowDown" && items.length > 0 && input.value === asked) {
          event.preventDefault(); // reopen the list the reader closed
          dismissed = false;
          show(items);
          choose(0);
        }
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        choose(active + 1 < items.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        choose(active > 0 ? active - 1 : items.length - 1);
      } else if (event.key === "Escape") {
        event.preventDefault(); // close the list; a second Escape clears the box, as usual
        dismissed = true;
        close();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].url;
      }
    });
    input.addEventListener("blur", close);
    form.addEventListener("submit", close);
  }
})();
