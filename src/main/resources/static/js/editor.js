// The article editor: warns before leaving with unsaved changes, and saves drafts a few seconds
// after the writer stops typing. Without this script the editor works the same, minus both.
(() => {
  'use strict';
  const form = document.getElementById('story-form');
  if (!form) {
    return;
  }
  const status = document.getElementById('save-status');
  const version = form.querySelector('input[name="version"]');
  const autosaveUrl = form.dataset.autosaveUrl;
  const AUTOSAVE_DELAY_MS = 3000;

  let dirty = false; // changes the server does not have yet
  let edits = 0; // counts changes, to notice typing while a save is on its way
  let timer = null;
  let saving = false;
  let stopped = !autosaveUrl; // no more autosaves: none offered, a refusal, or the form is being sent
  let pendingSubmit = null; // a button pressed while an autosave was on its way

  const say = (text) => {
    if (status) {
      status.textContent = text;
    }
  };

  const changed = () => {
    dirty = true;
    edits += 1;
    say('Unsaved changes');
    if (!stopped) {
      window.clearTimeout(timer);
      timer = window.setTimeout(autosave, AUTOSAVE_DELAY_MS);
    }
  };

  // The form's text only: a chosen file is sent when the writer saves, never with an autosave.
  const textFields = () => {
    const fields = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string') {
        fields.append(name, value);
      }
    }
    return fields;
  };

  async function autosave() {
    if (!dirty || saving || stopped) {
      return;
    }
    saving = true;
    const sent = edits;
    try {
      const response = await fetch(autosaveUrl, {
        method: 'POST',
        body: textFields(),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      const result = await response.json();
      if (response.ok) {
        // The next save starts from the version just written, so it does not conflict with it.
        version.value = String(result.version);
        if (edits === sent) {
          dirty = false;
          say(result.saved);
        } else {
          changed();
        }
      } else {
        say(result.problem);
        // A conflict or a refusal needs the writer: saving by hand shows what happened.
        stopped = response.status !== 422;
      }
    } catch (e) {
      say('Not saved automatically: the connection failed. Save by hand before you leave.');
    } finally {
      saving = false;
      if (pendingSubmit) {
        const button = pendingSubmit;
        pendingSubmit = null;
        form.requestSubmit(button instanceof HTMLButtonElement ? button : undefined);
      }
    }
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  form.addEventListener('submit', (event) => {
    const button = event.submitter;
    if (button && button.formTarget === '_blank') {
      return; // the preview opens in a new tab; this page keeps its changes
    }
    if (saving) {
      // Wait for the autosave, so the form carries the version it wrote.
      event.preventDefault();
      pendingSubmit = button || form;
      return;
    }
    stopped = true;
    window.clearTimeout(timer);
    dirty = false;
  });

  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
