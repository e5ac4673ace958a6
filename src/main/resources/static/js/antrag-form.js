// Follow-up questions of an Antrag's step page appear and go at once (progressive enhancement).
//
// An answer marked data-update decides whether other questions are asked. When it changes, the
// page is posted with _action=aktualisieren (the server saves the draft and renders the page as it
// now is), and only the regions of questions that appeared or went are taken from the answer.
// Every other question stays as it is, so nothing typed meanwhile is lost, wherever the focus is.
// Without JavaScript the server shows new questions after "Weiter" instead.
(function () {
  'use strict';

  var form = document.getElementById('step-form');
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }

  var sequence = 0;
  var pending = null;

  function body() {
    var data = new FormData(form);
    // Files are sent with "Weiter"; an update must not upload them twice.
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      data.delete(input.name);
    });
    data.set('_action', 'aktualisieren');
    return new URLSearchParams(data);
  }

  function apply(html) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    page.querySelectorAll('#step-form .field-region').forEach(function (fresh) {
      var current = document.getElementById(fresh.id);
      if (!current) {
        return;
      }
      if (current.getAttribute('data-shown') !== fresh.getAttribute('data-shown')) {
        current.replaceWith(document.importNode(fresh, true));
        return;
      }
      if (current.getAttribute('data-required') !== fresh.getAttribute('data-required')) {
        // Still asked, now (not) required: only the "(freiwillig)" marker changes; the input and
        // what is typed into it stay.
        current.setAttribute('data-required', fresh.getAttribute('data-required'));
        current.querySelectorAll('.optional-marker').forEach(function (marker) {
          if (marker.closest('.field-region') === current) {
            marker.hidden = fresh.getAttribute('data-required') === 'true';
          }
        });
      }
    });
  }

  function update() {
    var mine = ++sequence;
    pending = fetch(form.action, {
      method: 'POST',
      body: body(),
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        // Only the answer to the latest change counts; an older one describes older answers.
        if (html && mine === sequence) {
          apply(html);
        }
      })
      .catch(function () {
        // Offline or refused: the page still works, "Weiter" shows the questions.
      })
      .finally(function () {
        if (mine === sequence) {
          pending = null;
        }
      });
  }

  form.addEventListener('change', function (event) {
    if (event.target.closest('[data-update]')) {
      update();
    }
  });

  // "Weiter" while an update is on its way: wait for it, so the page's answers are saved after
  // the update's and win.
  form.addEventListener('submit', function (event) {
    if (!pending) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    pending.then(function () {
      pending = null;
      if (submitter && form.requestSubmit) {
        form.requestSubmit(submitter);
      } else {
        form.submit();
      }
    });
  });
})();
