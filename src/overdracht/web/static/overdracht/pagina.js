/* Small behaviour for every page, without inline script (the Content-Security-Policy allows
   only the app's own files): a button with data-afdrukken prints the page. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-afdrukken]")) {
      window.print();
    }
  });
})();
