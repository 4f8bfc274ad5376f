/* Förändringshandboken: Material's search worker with Swedish stemming on the query side too.
 *
 * Why: with `pipeline: [stemmer, …]` the index holds Swedish stems (lunr.sv), but Material
 * appends "*" to every query term, and lunr skips the pipeline for wildcard terms. So
 * "förändringar*" is looked up unstemmed and misses the stem "förändring". This wrapper loads
 * Material's own worker (its file name is passed as ?worker=…, set in overrides/main.html) and
 * stems the part before a trailing "*" with the index's search pipeline before prefix matching.
 * Everything stays on this host: importScripts resolves relative to this file.
 */
(function () {
  "use strict";
  var original = new URL(self.location.href).searchParams.get("worker");
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(original || "")) {
    throw new Error("sok.js: okänd sökarbetare: " + original);
  }
  importScripts(original);

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (q) {
      build.call(q, q);
      q.clauses.forEach(function (clause) {
        if (clause.usePipeline || !/^[^*]+\*$/.test(clause.term)) return;
        var stems = pipeline.runString(clause.term.slice(0, -1), { fields: clause.fields });
        if (stems.length === 1 && stems[0]) clause.term = stems[0] + "*";
      });
    });
  };
})();
