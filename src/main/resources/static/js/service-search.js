// Live search on /leistungen: htmx replaces the result list while the person types. The list is no
// live region (a screen reader would read every hit); instead the polite status region gets the new
// count ("12 Treffer für „Hund“"), or is emptied when the list is.
document.addEventListener('htmx:afterSwap', (event) => {
  const results = document.getElementById('service-results');
  const status = document.getElementById('service-search-status');
  if (!results || !status || event.detail.target !== results) {
    return;
  }
  const count = results.querySelector('[data-search-count]');
  status.textContent = count ? count.textContent : '';
});
