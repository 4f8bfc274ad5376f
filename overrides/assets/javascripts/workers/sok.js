/* Förändringshandboken: Material's search worker protocol answered from the Pagefind index.
 *
 * Why (issue 15): Material's own worker needs the whole index (13 MB at 2,000 + 2,000 records)
 * before the first result. Pagefind (built by macros/handbok/search_index.py) downloads only the
 * word chunks and page fragments a query needs, and stems Swedish on both sides, so inflected
 * forms ("förändringar", "behoven") find their pages. Material's search interface, keyboard
 * handling and result markup stay as they are; this worker only answers its messages:
 * SETUP → READY, QUERY → RESULT with Material's result shape (articles with their sections).
 *
 * `terms` in each result lists the words as they occur on that page, so Material's link adds
 * them as ?h=… and the opened page highlights them; a query word is marked missing ("Saknas")
 * only when the page does not contain it (Pagefind's own search for that word says so).
 * Everything stays on this host: the bundle is loaded relative to this file.
 */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  // Material's worker URL (set in overrides/main.html) sits in assets/javascripts/workers/.
  var BUNDLE = new URL("../../../pagefind/pagefind.js", self.location.href).href;
  // Pages whose fragments are loaded per query; Material shows ten before the reader scrolls.
  var LIMIT = 20;
  var SECTION_WEIGHT = 0.5;
  var MAX_HIGHLIGHT_WORDS = 12;
  // Material sends a query on every keyup; a pause this long (ms) means the reader stopped
  // typing. Without it, every prefix of a word loads its own index chunks and fragments.
  var PAUSE = 80;
  var suggest = false;
  var engine = null;
  var latest = 0;
  var queue = Promise.resolve();
  var timer = null;

  function load() {
    if (!engine) {
      engine = import(BUNDLE).then(function (pagefind) {
        return pagefind.options({ excerptLength: 24, highlightParam: null })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;")
      .replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // Pagefind's URLs start at the site root ("/process/bereda/"); Material resolves locations
  // against its base URL, which also works when the site is published below a path.
  function location(url) {
    return url.replace(/^\/+/, "");
  }

  function queryWords(query) {
    var seen = {};
    return query.toLowerCase().split(/[\s\-+*~^:"]+/).filter(function (word) {
      if (!word || seen[word]) return false;
      seen[word] = true;
      return true;
    });
  }

  function bare(word) {
    return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();
  }

  // The page's words at Pagefind's match locations: what ?h= must name to be highlighted.
  function matchedWords(data) {
    var words = (data.raw_content || "").split(/[\r\n\s]+/);
    var found = [];
    (data.locations || []).forEach(function (at) {
      var word = bare(words[at] || "");
      if (word && found.indexOf(word) < 0 && found.length < MAX_HIGHLIGHT_WORDS) found.push(word);
    });
    return found;
  }

  function termsFor(data, id, words, matchesByWord) {
    var terms = {};
    matchedWords(data).forEach(function (word) { terms[word] = true; });
    words.forEach(function (word, i) {
      var found = !matchesByWord || matchesByWord[i][id];
      if (!found) terms[word] = false;
      else if (!Object.keys(terms).length) terms[word] = true;
    });
    return terms;
  }

  function itemsFor(result, data, terms) {
    var article = {
      location: location(data.url), title: escapeHtml(data.meta.title || data.url),
      text: data.excerpt, score: result.score, terms: terms
    };
    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") >= 0;
    }).map(function (sub) {
      return {
        location: location(sub.url), title: escapeHtml(sub.title), text: sub.excerpt,
        score: result.score * SECTION_WEIGHT, terms: terms
      };
    });
    return [article].concat(sections);
  }

  function suggestion(words, first) {
    var last = words[words.length - 1];
    if (!last || !first) return [];
    var title = bare(first.meta.title || "").split(/\s+/).map(bare);
    var word = title.filter(function (w) { return w.indexOf(last) === 0; })[0];
    return word ? [word] : [];
  }

  // For a query of several words: which pages contain each word, so none is called missing
  // on a page that has it.
  function matchesPerWord(pagefind, words) {
    if (words.length < 2) return Promise.resolve(null);
    return Promise.all(words.map(function (word) {
      return pagefind.search(word).then(function (found) {
        var ids = {};
        found.results.forEach(function (r) { ids[r.id] = true; });
        return ids;
      });
    }));
  }

  function answer(query) {
    var words = queryWords(query);
    if (!words.length) return Promise.resolve({ items: [] });
    return load().then(function (pagefind) {
      return pagefind.search(query).then(function (found) {
        var top = found.results.slice(0, LIMIT);
        return Promise.all([
          Promise.all(top.map(function (r) { return r.data(); })),
          matchesPerWord(pagefind, words)
        ]).then(function (loaded) {
          var datas = loaded[0], byWord = loaded[1];
          var items = top.map(function (r, i) {
            return itemsFor(r, datas[i], termsFor(datas[i], r.id, words, byWord));
          });
          var result = { items: items };
          if (suggest) result.suggest = suggestion(words, datas[0]);
          return result;
        });
      });
    });
  }

  // One query at a time, in order; a query overtaken by a newer one is not answered.
  function enqueue(id, query) {
    queue = queue.then(function () {
      if (id !== latest) return null;
      return answer(query).then(function (result) {
        if (id === latest) self.postMessage({ type: RESULT, data: result });
      });
    }).catch(function (error) {
      console.warn("sok.js: sökningen misslyckades", error);
      if (id === latest) self.postMessage({ type: RESULT, data: { items: [] } });
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      suggest = !!(message.data.options && message.data.options.suggest);
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var id = ++latest;
      // The first key loads Pagefind while the reader is still typing.
      if (message.data) load().catch(function () { engine = null; });
      clearTimeout(timer);
      timer = setTimeout(function () { enqueue(id, message.data); }, message.data ? PAUSE : 0);
    }
  });
})();
