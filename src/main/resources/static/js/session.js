// Session expiry (WCAG 2.2.1 Timing Adjustable). Progressive enhancement: without this file the
// session still runs out after the idle timeout, and the server keeps the typed answers of an
// Antrag (ADR 0026). With it, a page with a form
// - warns before the session runs out, in a modal alert dialog that offers "Sitzung verlängern",
// - keeps the session alive while the person types (at most once a minute),
// - says so when the session has run out, and keeps the texts typed into the page in this tab
//   (sessionStorage), to put them back when the same form is shown again (after a new login).
(() => {
  "use strict";

  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute("content");
  const timeout = Number(meta("amtsweg-session-timeout"));
  const warning = Number(meta("amtsweg-session-warning"));
  const dialog = document.getElementById("session-dialog");
  const status = document.getElementById("session-status");
  const KEPT = "amtsweg.kept:";

  // Texts kept when an earlier session ran out come back into the same, still empty, field.
  const restore = () => {
    let restored = false;
    document.querySelectorAll("main form textarea[name]").forEach((field) => {
      const key = KEPT + field.form.action + "#" + field.name;
      const text = sessionStorage.getItem(key);
      if (text !== null) {
        if (field.value.trim() === "") {
          field.value = text;
          restored = true;
        }
        sessionStorage.removeItem(key);
      }
    });
    if (restored && status) {
      status.textContent = status.dataset.restored;
    }
  };
  restore();

  // Only pages where something can be typed and sent have anything to lose.
  const form = Array.from(document.querySelectorAll("main form")).find(
    (f) =>
      f.method === "post" &&
      f.querySelector('textarea, select, input:not([type="hidden"]):not([type="submit"])'),
  );
  if (!form || !dialog || !(timeout > 0) || typeof dialog.showModal !== "function") {
    return;
  }

  const extendButton = dialog.querySelector("[data-session-extend]");
  const closeButton = dialog.querySelector("[data-session-close]");
  const loginLink = dialog.querySelector("[data-session-login]");
  const remaining = dialog.querySelector("[data-session-remaining]");
  // Typing extends the session at most once a minute (more often only for very short timeouts).
  const throttle = Math.min(60, Math.max(1, Math.floor(timeout / 4))) * 1000;

  let deadline = Date.now() + timeout * 1000;
  let lastExtended = Date.now();
  let expired = false;
  let dismissed = false;
  let returnFocus = null;
  let inFlight = false;
  let reopening = false;

  const format = (ms) => {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  };

  const open = () => {
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
      (expired ? closeButton : extendButton).focus();
    }
  };

  const close = () => {
    if (dialog.open) {
      dialog.close();
    }
  };

  dialog.addEventListener("close", () => {
    if (reopening) {
      reopening = false;
      return;
    }
    // Closed while the warning applies: not again until the session is used.
    dismissed = expired || deadline - Date.now() <= warning * 1000;
    if (returnFocus && typeof returnFocus.focus === "function" && document.contains(returnFocus)) {
      returnFocus.focus();
    }
  });

  // The session was used (a keep-alive, an htmx request): it runs for the whole timeout again.
  const touched = (seconds) => {
    deadline = Date.now() + (seconds || timeout) * 1000;
    lastExtended = Date.now();
    dismissed = false;
  };

  const csrf = () => {
    const headers = { Accept: "application/json" };
    const token = meta("_csrf");
    const header = meta("_csrf_header");
    if (token && header) {
      headers[header] = token;
    }
    return headers;
  };

  const extend = async () => {
    if (inFlight || expired) {
      return false;
    }
    inFlight = true;
    try {
      const response = await fetch("/sitzung", {
        method: "POST",
        headers: csrf(),
        credentials: "same-origin",
      });
      if (!response.ok) {
        // Not an answer about the session (e.g. a refused token): the timer keeps counting.
        return false;
      }
      const body = await response.json();
      if (body.active) {
        touched(body.timeout);
        return true;
      }
      showExpired();
      return false;
    } catch {
      // Offline for a moment: the next keystroke or the button tries again.
      return false;
    } finally {
      inFlight = false;
    }
  };

  const keep = () => {
    document.querySelectorAll("main form textarea[name]").forEach((field) => {
      if (field.value.trim() !== "") {
        sessionStorage.setItem(KEPT + field.form.action + "#" + field.name, field.value);
      }
    });
  };

  const showExpired = () => {
    if (expired) {
      return;
    }
    expired = true;
    keep();
    dialog.querySelector("#session-dialog-title").textContent = dialog.dataset.expiredTitle;
    const text = dialog.querySelector("#session-dialog-text");
    text.replaceChildren();
    const paragraph = document.createElement("p");
    paragraph.className = "kern-body";
    paragraph.textContent = dialog.dataset.expiredText;
    text.append(paragraph);
    extendButton.hidden = true;
    if (dialog.dataset.loginAgain === "true" && loginLink) {
      // Loading this page again leads through the login and back here, where the kept texts return.
      loginLink.href = window.location.pathname + window.location.search;
      loginLink.hidden = false;
    }
    if (dialog.open) {
      // Closed and opened again, so that screen readers announce the new text.
      reopening = true;
      dialog.close();
    }
    open();
  };

  extendButton.addEventListener("click", async () => {
    if (await extend()) {
      close();
      if (status) {
        status.textContent = "";
        // A new text, so that screen readers announce it again after a second extension.
        window.setTimeout(() => {
          status.textContent = status.dataset.extended;
        }, 50);
      }
    }
  });
  closeButton.addEventListener("click", close);

  // Typing keeps the session alive; so does every request htmx makes.
  document.addEventListener(
    "input",
    () => {
      if (!expired && Date.now() - lastExtended >= throttle) {
        lastExtended = Date.now();
        extend();
      }
    },
    true,
  );
  document.addEventListener("htmx:afterRequest", () => {
    if (!expired) {
      touched();
    }
  });

  const tick = () => {
    const left = deadline - Date.now();
    if (left <= 0) {
      showExpired();
      return;
    }
    if (left <= warning * 1000) {
      remaining.textContent = format(left);
      if (!dismissed) {
        open();
      }
    } else if (dialog.open && !expired) {
      close();
    }
    window.setTimeout(tick, 1000);
  };
  window.setTimeout(tick, 1000);
})();
