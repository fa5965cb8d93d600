// Starts Redoc on the element that names the schema (data-spec-url): an inline script or
// Redoc's non-standard <redoc> element would be refused by the CSP and by HTML validators.
(function () {
  var container = document.getElementById("redoc-container");
  if (container && window.Redoc) {
    window.Redoc.init(container.getAttribute("data-spec-url"), {}, container);
  }
})();
