/* The dossier form: a checklist rule or an error brings you to its field. The live checklist
   request leaves out empty fields (the server reads a missing field as empty) and files, so it
   stays small. No build step. */
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
    Array.from(new Set(form.keys())).forEach(function (key) {
      var values = form.getAll(key);
      var empty = values.every(function (v) { return v === ""; });
      if (empty || values.some(function (v) { return v instanceof File; })) { form.delete(key); }
    });
  });

  var summary = document.getElementById("foutsamenvatting");
  if (summary) { summary.focus(); }
})();
