"""Datasette plugin: no ``javascript:`` (or any non-http) link can be followed on any page.

Datasette links only ``http(s)`` values, but plugins build links in the
browser: datasette-cluster-map (0.18.2, the latest) writes a query's
``popup.link`` into an ``href`` as given, so ``?sql=`` returning
``javascript:…`` runs script after two clicks on the map.  This script, on
every page, removes any ``href`` whose scheme is not http or https: those in
the page, those added later (a map popup) and, as a last guard, one about to
be clicked.
"""

from __future__ import annotations

from datasette import hookimpl

SCRIPT = """
(function () {
  function check(a) {
    var href = a.getAttribute("href");
    if (href === null) return;
    var url;
    try { url = new URL(href, document.baseURI); } catch (e) { url = null; }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      a.removeAttribute("href");
      a.setAttribute("data-refused-href", "not an http(s) link");
    }
  }
  function sweep(node) {
    if (node.nodeType !== 1) return;
    if (node.tagName === "A") check(node);
    node.querySelectorAll("a[href]").forEach(check);
  }
  sweep(document.documentElement);
  new MutationObserver(function (changes) {
    changes.forEach(function (c) {
      if (c.type === "attributes") { if (c.target.tagName === "A") check(c.target); }
      else c.addedNodes.forEach(sweep);
    });
  }).observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ["href"]});
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a");
    if (a) { check(a); if (!a.hasAttribute("href")) event.preventDefault(); }
  }, true);
})();
"""


@hookimpl
def extra_body_script():
    return SCRIPT
