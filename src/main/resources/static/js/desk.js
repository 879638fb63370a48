/*
 * The moderation desk in place: a comment's buttons (and the bulk bar) post the same form by fetch,
 * asking for JSON; the comments that left the queue are taken out of the list, the notice with its
 * Undo goes in the status region, and the focus moves to the next comment. Keyboard shortcuts:
 * j/k move, a/r/f/b act on the focused comment, x ticks it, ? lists the keys. Without this script
 * every button still works, and its redirect lands on the notice.
 */
(() => {
  "use strict";

  const form = document.getElementById("desk-form");
  const status = document.getElementById("desk-status");
  const help = document.getElementById("desk-help");

  const rows = () => Array.from(document.querySelectorAll(".desk__item"));
  const currentRow = () => {
    const active = document.activeElement;
    return active && active.closest ? active.closest(".desk__item") : null;
  };
  const focusRow = (row) => {
    if (row) {
      row.focus();
      row.scrollIntoView({ block: "nearest" });
    }
  };

  const csrf = () => {
    const token = form.querySelector("input[type=hidden]:not([name=returnTo])");
    return [token.name, token.value];
  };
  const returnTo = () => form.querySelector("input[name=returnTo]").value;

  const postJson = (url, body) =>
    fetch(url, {
      method: "POST",
      body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then((response) =>
      response
        .json()
        .catch(() => ({}))
        .then((answer) => {
          if (!response.ok) {
            throw new Error(answer.problem || "");
          }
          return answer;
        })
    );

  /** The desk page as the server now has it: queue counts, the rows still in this queue. */
  const fetchDesk = () =>
    fetch(returnTo(), { credentials: "same-origin" })
      .then((response) => response.text())
      .then((html) => new DOMParser().parseFromString(html, "text/html"));

  /** Tab counts and the navigation badge follow what the server counts now. */
  const refreshCounts = (fresh) => {
    [".queue-tabs", ".admin-nav"].forEach((selector) => {
      const now = document.querySelector(selector);
      const then = fresh.querySelector(selector);
      if (now && then) {
        now.replaceWith(document.importNode(then, true));
      }
    });
  };

  const say = (text, undoToken) => {
    status.textContent = "";
    const notice = document.createElement("p");
    notice.className = "notice";
    notice.textContent = text;
    if (undoToken) {
      const undo = document.createElement("button");
      undo.type = "button";
      undo.className = "button--secondary";
      undo.textContent = "Undo";
      undo.addEventListener("click", () => undoAction(undoToken, undo));
      notice.append(" ", undo);
    }
    status.append(notice);
  };

  const problem = (error) => {
    status.textContent = "";
    const notice = document.createElement("p");
    notice.className = "form-problem";
    notice.textContent =
      (error && error.message) || "The desk could not be reached, so nothing was changed. Please try again.";
    status.append(notice);
  };

  const act = (submitter) => {
    const body = new URLSearchParams(new FormData(form, submitter));
    const acted = rows().filter((row) =>
      submitter.name === "single"
        ? submitter.value.startsWith(row.dataset.comment + ":")
        : row.querySelector("input[name=ids]").checked
    );
    const next = acted.length ? acted[acted.length - 1].nextElementSibling : null;
    form.querySelectorAll("button").forEach((button) => (button.disabled = true));
    // Not form.action: the bulk bar's select is named "action" and shadows it.
    postJson(form.getAttribute("action"), body)
      .then((answer) =>
        fetchDesk().then((fresh) => {
          document.querySelectorAll("#desk-notice").forEach((old) => old.remove());
          let focus = null;
          answer.ids.forEach((id) => {
            const row = document.getElementById("desk-comment-" + id);
            const still = fresh.getElementById("desk-comment-" + id);
            if (!row) {
              return;
            }
            if (still) {
              const copy = document.importNode(still, true);
              row.replaceWith(copy);
              focus = focus || copy;
            } else {
              row.remove();
            }
          });
          refreshCounts(fresh);
          say(answer.notice, answer.undoToken);
          let target = focus;
          if (!target && next && next.isConnected && next.classList.contains("desk__item")) {
            target = next;
          }
          focusRow(target || rows()[0] || status);
        })
      )
      .catch(problem)
      .finally(() => {
        form.querySelectorAll("button").forEach((button) => (button.disabled = false));
      });
  };

  const undoAction = (token, button) => {
    button.disabled = true;
    const [name, value] = csrf();
    const body = new URLSearchParams();
    body.append(name, value);
    body.append("token", token);
    body.append("returnTo", returnTo());
    postJson("/admin/comments/undo", body)
      .then((answer) =>
        fetchDesk().then((fresh) => {
          const list = form.querySelector(".desk__list");
          const freshList = fresh.querySelector(".desk__list");
          if (list && freshList) {
            list.replaceWith(document.importNode(freshList, true));
          }
          refreshCounts(fresh);
          say(answer.notice, null);
          const restored = answer.ids
            .map((id) => document.getElementById("desk-comment-" + id))
            .find((row) => row);
          focusRow(restored || rows()[0]);
        })
      )
      .catch(problem);
  };

  if (form && status && window.fetch && window.DOMParser) {
    form.addEventListener("submit", (event) => {
      const submitter = event.submitter;
      if (!submitter || submitter.form !== form) {
        return;
      }
      event.preventDefault();
      act(submitter);
    });
  }

  const typing = (target) =>
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    if (help && help.open) {
      return;
    }
    const all = rows();
    const row = currentRow();
    const index = row ? all.indexOf(row) : -1;
    const press = (key) => {
      const button = row && row.querySelector("button[data-key=" + key + "]");
      if (button && form) {
        event.preventDefault();
        form.requestSubmit(button);
      }
    };
    switch (event.key) {
      case "j":
        event.preventDefault();
        focusRow(all[Math.min(index + 1, all.length - 1)]);
        break;
      case "k":
        event.preventDefault();
        focusRow(all[Math.max(index - 1, 0)]);
        break;
      case "a":
      case "r":
      case "f":
      case "b":
        press(event.key);
        break;
      case "x":
        if (row) {
          event.preventDefault();
          const tick = row.querySelector("input[name=ids]");
          tick.checked = !tick.checked;
        }
        break;
      case "?":
        if (help && help.showModal) {
          event.preventDefault();
          help.showModal();
        }
        break;
      default:
    }
  });
})();
