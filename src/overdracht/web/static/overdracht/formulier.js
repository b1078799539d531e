/* The dossier form: a checklist rule or an error brings you to its field; the live checklist
   is sent as JSON. No build step. */
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

  // The live checklist gets the filled-in fields as JSON (no files): a small request that the
  // server reads without parsing the whole form.
  htmx.defineExtension("checklist-json", {
    onEvent: function (name, event) {
      if (name === "htmx:configRequest") {
        event.detail.headers["Content-Type"] = "application/json";
      }
    },
    encodeParameters: function (xhr, parameters) {
      var sent = {};
      parameters.forEach(function (value, key) {
        if (value === "" || value instanceof File) { return; }
        if (Object.prototype.hasOwnProperty.call(sent, key)) {
          sent[key] = [].concat(sent[key], value);
        } else {
          sent[key] = value;
        }
      });
      return JSON.stringify(sent);
    }
  });

  var summary = document.getElementById("foutsamenvatting");
  if (summary) { summary.focus(); }
})();
