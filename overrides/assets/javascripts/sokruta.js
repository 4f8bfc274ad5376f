// Glue for Pagefind's Component UI (overrides/partials/search.html), through its documented
// element methods and instance events only: the query a 404 page sends (?q=), a hint when
// nothing matches, and the searched words marked on the page a result opens.
(function () {
  "use strict";
  var HIGHLIGHT = "markera";
  var params = new URLSearchParams(location.search);

  function instance() {
    return window.PagefindComponents.getInstanceManager().getInstance("default");
  }

  function showHintWhenNothingMatches() {
    var hint = document.querySelector(".handbok-sok__tips");
    if (!hint) return;
    instance().on("results", function (found) {
      hint.hidden = !instance().searchTerm || found.results.length > 0;
    });
  }

  function searchFromAddress() {
    var query = params.get("q");
    var modal = document.getElementById("handbok-sok");
    if (!query || !modal) return;
    customElements.whenDefined("pagefind-modal").then(function () {
      modal.open();
      var field = modal.querySelector("pagefind-input input");
      field.value = query;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  // Swedish inflects at the end of a word: marking every word that begins like the searched
  // one (its last three letters dropped) marks "förändringen" for "förändringar", as the
  // stemming search found it. The beginnings replace the words in the address, where
  // PagefindHighlight reads them.
  function wordBeginning(word) {
    return word.length > 6 ? word.slice(0, -3) : word;
  }

  function markSearchedWords() {
    if (!params.has(HIGHLIGHT)) return;
    var words = params.getAll(HIGHLIGHT).join(" ").split(/\s+/).filter(Boolean);
    var address = new URL(location.href);
    address.searchParams.delete(HIGHLIGHT);
    words.forEach(function (word) { address.searchParams.append(HIGHLIGHT, wordBeginning(word)); });
    history.replaceState(history.state, "", address);
    var script = document.querySelector("script[data-handbok-markera]");
    import(new URL(script.dataset.handbokMarkera, document.baseURI).href).then(function (module) {
      new module.default({
        highlightParam: HIGHLIGHT, markContext: "article", addStyles: false,
        markOptions: {
          className: "pagefind-highlight", accuracy: "complementary",
          exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"]
        }
      });
    });
  }

  if (window.PagefindComponents) {
    showHintWhenNothingMatches();
    searchFromAddress();
  }
  markSearchedWords();
})();
