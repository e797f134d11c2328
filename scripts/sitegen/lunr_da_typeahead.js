
/* Kvalitetshåndbogen: Danish stemming that also works while the reader types.
 *
 * Material for MkDocs appends "*" to every query term for type-ahead, and lunr
 * skips its pipeline (and so the stemmer) for wildcard terms. With Danish
 * stemming on, the index holds stems ("teststriml", "lancet"), so a fully typed
 * word ("teststrimler", "lancetterne") would find nothing. This patch
 *   1. indexes each word both as written and as its stem, and
 *   2. runs wildcard query terms through the Danish pipeline as well, keeping
 *      the trailing "*", so "lancetterne*" also searches "lancet*".
 * The build appends it to Material's lunr.da.min.js (scripts/sitegen/plugin.py).
 */
(function (lunr) {
  if (!lunr || !lunr.da || lunr.da.kvhTypeahead) return;
  lunr.da.kvhTypeahead = true;

  function unwild(token) {
    return token.clone(function (s) { return s.slice(0, -1); });
  }
  function wild(token) {
    return token.update(function (s) { return s + "*"; });
  }
  function asList(result) {
    if (result === undefined || result === null || result === "") return [];
    return Array.isArray(result) ? result : [result];
  }
  // Apply `fn` to a query term without its trailing "*", then put the "*" back.
  function keepWildcard(fn) {
    return function (token, i, tokens) {
      var s = token.toString();
      if (s.length < 2 || s.charAt(s.length - 1) !== "*") return fn(token, i, tokens);
      return asList(fn(unwild(token), i, tokens)).map(wild);
    };
  }
  // Keep the word as written next to its stem.
  function alsoOriginal(stem) {
    return function (token, i, tokens) {
      var original = token.clone();
      var out = asList(stem(token, i, tokens));
      return out.some(function (t) { return t.toString() === original.toString(); }) ? out : [original].concat(out);
    };
  }

  var labels = { trimmer: "trimmer-da", stopWordFilter: "stopWordFilter-da", stemmer: "stemmer-da" };
  Object.keys(labels).forEach(function (name) {
    var fn = name === "stemmer" ? alsoOriginal(lunr.da[name]) : lunr.da[name];
    var patched = keepWildcard(fn);
    patched.label = labels[name];
    lunr.Pipeline.registeredFunctions[labels[name]] = patched;
    lunr.da[name] = patched;
  });

  // lunr turns the pipeline off for "word*" terms; turn it back on for them.
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (c && c.usePipeline === false && typeof c.term === "string" && /^[^*]+\*$/.test(c.term)) {
      c.usePipeline = true;
    }
    return clause.call(this, c);
  };
})(typeof lunr !== "undefined" ? lunr : undefined);
