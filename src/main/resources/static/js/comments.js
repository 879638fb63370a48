/*
 * Comments without leaving the page: posting, replying (the form opens under the comment, quoting
 * it) and reporting go through the same form addresses by fetch, asking for JSON. Without this
 * script every form still works, and its redirect lands on the notice.
 */
(() => {
  "use strict";

  const section = document.getElementById("comments");
  if (!section || !window.fetch || !window.DOMParser) {
    return;
  }
  let formSection = document.getElementById("comment-form");
  // Where the form sits when it is not under a comment, so "Cancel reply" can put it back.
  const home = document.createComment("comment form");
  if (formSection) {
    formSection.before(home);
  }

  const parse = (html) => new DOMParser().parseFromString(html, "text/html");

  /** A notice (or an error) in place of the previous one, taking the focus so it is read out. */
  const say = (container, text, isProblem, link) => {
    container.querySelectorAll(":scope > .js-notice").forEach((old) => old.remove());
    const notice = document.createElement("p");
    notice.className = (isProblem ? "form-problem" : "notice") + " js-notice";
    notice.setAttribute("role", isProblem ? "alert" : "status");
    notice.tabIndex = -1;
    notice.textContent = text;
    if (link) {
      notice.append(" ");
      const anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.label;
      notice.append(anchor);
    }
    container.prepend(notice);
    notice.focus();
    return notice;
  };

  const send = (form) =>
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then((response) =>
      response.json().then((answer) => ({ ok: response.ok, answer }))
    );

  const busy = (form, on) => {
    form.querySelectorAll("button[type=submit]").forEach((button) => {
      button.disabled = on;
    });
  };

  /** The reply list under a comment, made when it has none yet. */
  const repliesOf = (item) => {
    let list = item.querySelector(":scope > ol.comment-list");
    if (!list) {
      const depth = item.closest("ol.comment-list");
      const level = depth ? Number((depth.className.match(/depth-(\d+)/) || [0, 1])[1]) + 1 : 1;
      list = document.createElement("ol");
      list.className = "comment-list comment-list--depth-" + level;
      item.append(list);
    }
    return list;
  };

  const insertComment = (html, parentId) => {
    const item = document.createElement("li");
    item.innerHTML = html;
    let list;
    const parent = parentId ? document.getElementById("comment-" + parentId) : null;
    if (parent && parent.parentElement) {
      list = repliesOf(parent.parentElement);
    } else {
      list = section.querySelector(":scope > ol.comment-list");
      if (!list) {
        list = document.createElement("ol");
        list.className = "comment-list comment-list--depth-1";
        const empty = section.querySelector(".comments__empty");
        if (empty) {
          empty.replaceWith(list);
        } else {
          section.querySelector("h2").after(list);
        }
      }
    }
    list.append(item);
    return item.querySelector("article");
  };

  /** Puts the form back where it was, as a new comment rather than a reply. */
  const closeReply = () => {
    if (!formSection) {
      return;
    }
    formSection.querySelectorAll(".js-reply").forEach((node) => node.remove());
    const heading = formSection.querySelector("h2");
    if (heading) {
      heading.textContent = "Leave a Comment";
    }
    home.after(formSection);
  };

  const openReply = (link) => {
    const comment = link.closest("article.comment");
    if (!formSection || !comment) {
      return false;
    }
    const form = formSection.querySelector("form.comment-form__form");
    if (!form) {
      return false;
    }
    closeReply();
    const author = comment.querySelector(".comment__author").textContent;
    const heading = formSection.querySelector("h2");
    heading.textContent = "Reply to " + author;

    const replying = document.createElement("p");
    replying.className = "comment-form__replying js-reply";
    replying.textContent = "Replying to " + author + ". ";
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "comment-form__cancel";
    cancel.textContent = "Cancel reply";
    cancel.addEventListener("click", () => {
      closeReply();
      link.focus();
    });
    replying.append(cancel);

    const quote = document.createElement("blockquote");
    quote.className = "comment-quote js-reply";
    const quoted = document.createElement("p");
    const text = comment.querySelector(".comment__body").textContent.trim().replace(/\s+/g, " ");
    quoted.textContent = text.length > 200 ? text.slice(0, 200).replace(/\s\S*$/, "") + "…" : text;
    quote.append(quoted);

    const parent = document.createElement("input");
    parent.type = "hidden";
    parent.name = "parentId";
    parent.value = comment.id.replace("comment-", "");
    parent.className = "js-reply";

    form.querySelectorAll("input[name=parentId], .comment-form__replying, .comment-quote").forEach((n) => n.remove());
    form.prepend(replying, quote, parent);
    comment.after(formSection);
    form.querySelector("textarea").focus();
    return true;
  };

  const postComment = (form) => {
    busy(form, true);
    const parentInput = form.querySelector("input[name=parentId]");
    const parentId = parentInput ? parentInput.value : null;
    send(form)
      .then(({ ok, answer }) => {
        if (!ok) {
          // The server's own form: errors beside the fields, the reader's text kept.
          const fresh = parse(answer.formHtml).getElementById("comment-form");
          if (fresh && formSection) {
            formSection.replaceWith(fresh);
            formSection = fresh;
          }
          const drawn = formSection.querySelector(".form-problem");
          if (drawn) {
            drawn.tabIndex = -1;
            drawn.focus();
          } else {
            say(formSection, answer.problem, true);
          }
          return;
        }
        const body = form.querySelector("textarea[name=body]");
        if (body) {
          body.value = "";
        }
        closeReply();
        if (answer.commentHtml) {
          const article = insertComment(answer.commentHtml, parentId);
          say(formSection, answer.notice, false, { href: "#" + article.id, label: "Read your comment" });
        } else {
          say(formSection, answer.notice, false);
        }
      })
      .catch(() => {
        say(formSection, "Your comment could not be sent. Please check your connection and try again.", true);
      })
      .finally(() => busy(form, false));
  };

  const openReport = (link) => {
    const comment = link.closest("article.comment");
    if (!comment || comment.querySelector(".report-form")) {
      return;
    }
    fetch(link.href, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        const form = parse(html).querySelector("form.report-form");
        if (!form) {
          window.location.href = link.href;
          return;
        }
        const slot = document.createElement("div");
        slot.className = "comment__report-slot";
        const cancel = document.createElement("button");
        cancel.type = "button";
        cancel.className = "comment-form__cancel";
        cancel.textContent = "Cancel report";
        cancel.addEventListener("click", () => {
          slot.remove();
          link.focus();
        });
        form.querySelector("p:last-child").append(" ", cancel);
        slot.append(form);
        comment.append(slot);
        const first = form.querySelector("input[type=radio]");
        if (first) {
          first.focus();
        }
      })
      .catch(() => {
        window.location.href = link.href;
      });
  };

  const sendReport = (form) => {
    busy(form, true);
    const slot = form.closest(".comment__report-slot");
    send(form)
      .then(({ ok, answer }) => {
        if (!ok) {
          say(form, answer.problem, true);
          return;
        }
        form.remove();
        say(slot, answer.notice, false);
      })
      .catch(() => say(form, "Your report could not be sent. Please try again.", true))
      .finally(() => busy(form, false));
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.comment__reply, a.comment__report, a.comment-form__cancel");
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    if (link.classList.contains("comment__reply")) {
      if (openReply(link)) {
        event.preventDefault();
      }
    } else if (link.classList.contains("comment__report")) {
      event.preventDefault();
      openReport(link);
    } else if (formSection && formSection.contains(link)) {
      // The server drew a reply form (after a refusal): cancel in place too.
      event.preventDefault();
      link.closest(".comment-form__replying").remove();
      formSection.querySelectorAll("input[name=parentId], .comment-quote").forEach((n) => n.remove());
      closeReply();
    }
  });

  // From the first keystroke in a comment form to sending it: people take seconds, programs don't.
  const typingSince = new WeakMap();
  document.addEventListener("input", (event) => {
    const form = event.target.form;
    if (form && form.matches("form.comment-form__form") && !typingSince.has(form)) {
      typingSince.set(form, performance.now());
    }
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.matches("form.comment-form__form")) {
      const fill = form.querySelector("input[name=fillMs]");
      if (fill && typingSince.has(form)) {
        fill.value = String(Math.round(performance.now() - typingSince.get(form)));
      }
      event.preventDefault();
      postComment(form);
    } else if (form.matches(".comment__report-slot form.report-form")) {
      event.preventDefault();
      sendReport(form);
    }
  });
})();
