// Progressive enhancement only: every page works without this file.
// htmx requests that change state carry the CSRF token from the page's meta tags.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]')?.getAttribute("content");
  const header = document.querySelector('meta[name="_csrf_header"]')?.getAttribute("content");
  if (token && header && event.detail.verb !== "get") {
    event.detail.headers[header] = token;
  }
});

// The proof-of-work widget (check page of an anonymous Antrag) must never block the form: when it
// cannot solve its challenge, it steps aside and the form goes without a solution, as it does
// without JavaScript.
document.querySelectorAll("altcha-widget").forEach((widget) => {
  widget.addEventListener("statechange", (event) => {
    if (event.detail?.state === "error") {
      widget.remove();
    }
  });
});

// A page that comes back with an error summary (a failed submit) starts there: focus moves to the
// summary, so keyboard and screen reader users begin at the list of what to fix (GOV.UK pattern).
// Only on page load, never after an htmx swap: that would pull focus out of the field being typed in.
document.getElementById("error-summary")?.focus();
