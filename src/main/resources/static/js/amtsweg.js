// Progressive enhancement only: every page works without this file.
// htmx requests that change state carry the CSRF token from the page's meta tags.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]')?.getAttribute("content");
  const header = document.querySelector('meta[name="_csrf_header"]')?.getAttribute("content");
  if (token && header && event.detail.verb !== "get") {
    event.detail.headers[header] = token;
  }
});
