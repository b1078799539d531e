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

  // A known school chosen by its name fills in its BRIN (if that is still empty).
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[list=bekende-scholen]")) { return; }
    var options = document.querySelectorAll("#bekende-scholen option");
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === input.value) {
        var brin = document.getElementById(input.id.replace(/-naam$/, "-brin"));
        if (brin && !brin.value && options[i].getAttribute("data-brin")) {
          brin.value = options[i].getAttribute("data-brin");
          brin.dispatchEvent(new Event("input", { bubbles: true }));
        }
        return;
      }
    }
  });

  // Leaving with unsaved changes asks first. Typing, ticking or adding a row arms it; saving
  // disarms it. A page shown again after a refused save (or a row added without JavaScript)
  // holds what was typed and not saved, so it starts armed.
  var form = document.querySelector("form[data-waarschuw-bij-verlaten]");
  if (form) {
    var changed = form.hasAttribute("data-gewijzigd");
    var arm = function () { changed = true; };
    form.addEventListener("input", arm);
    form.addEventListener("change", arm);
    form.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("button[name=_actie]")) { arm(); }
    });
    form.addEventListener("submit", function () { changed = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!changed) { return; }
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to ask
    });
  }

  var summary = document.getElementById("foutsamenvatting");
  if (summary) { summary.focus(); }
})();
