/* The dossier form: a checklist rule or an error brings you to its field; the live checklist
   never sends the chosen files (they are only sent with 'Opslaan'). No build step. */
(function () {
  "use strict";
  var FIELDS = "input:not([type=hidden]), select, textarea, button";

  function goTo(id) {
    var el = document.getElementById(id);
    if (!el) { return false; }
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    var target = el.matches(FIELDS) ? el : el.querySelector(FIELDS);
    (target || el).scrollIntoView({ block: "center" });
    if (target) { target.focus({ preventScroll: true }); }
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-veld]");
    if (link && goTo(link.getAttribute("data-veld"))) {
      event.preventDefault();
    }
  });

  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.formData;
    if (!form || event.detail.elt.id !== "dossierformulier") { return; }
    Array.from(form.keys()).forEach(function (key) {
      if (form.getAll(key).some(function (v) { return v instanceof File; })) { form.delete(key); }
    });
  });

  var summary = document.getElementById("foutsamenvatting");
  if (summary) { summary.focus(); }
})();
