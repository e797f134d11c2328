// The query side of search (docs/assets/javascripts/soeg-forstaaelse.mjs), in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afstand, delDelvist, delSammensat, flet, forstaa, harPraefiks, ligner, ordbog, ret, titelDaekning, TYPEVAEGT, vaegt } from "../../docs/assets/javascripts/soeg-forstaaelse.mjs";

const sammensaetninger = JSON.parse(readFileSync(fileURLToPath(new URL("../search/sammensaetninger.json", import.meta.url))));
const STOPORD = ["og", "til", "en", "i", "over", "for", "med"];

function liste(ord, stopord = STOPORD) {
  const antal = Array.isArray(ord) ? Object.fromEntries(ord.map((o) => [o, 1])) : ord;
  return ordbog({ ord: antal, stopord });
}

test("compounds split by the shared rule (tests/search/sammensaetninger.json)", () => {
  const b = liste(sammensaetninger.ordliste);
  for (const t of sammensaetninger.tilfaelde) {
    assert.deepEqual(delSammensat(t.ord, b), t.dele, `${t.ord}: ${t.hvorfor}`);
  }
});

test("edit distance counts a swap of neighbours as one edit", () => {
  assert.equal(afstand("rolator", "rollator"), 1);
  assert.equal(afstand("rollaotr", "rollator"), 1);
  assert.equal(afstand("kørstol", "kørestol"), 1);
  assert.equal(afstand("madservise", "madservice"), 1);
  assert.equal(afstand("abc", "abc"), 0);
  assert.equal(afstand("abcdef", "ghijkl", 2), 3, "stops early above the limit");
});

test("a misspelt word is corrected to the closest word on most pages", () => {
  const b = liste({ rollator: 20, rotator: 1, kørestol: 12, køreskole: 1, madservice: 9, badeværelse: 13 });
  assert.equal(ret("rolator", b), "rollator");
  assert.equal(ret("koerestol", b), "kørestol", "oe typed for ø");
  assert.equal(ret("kørstol", b), "kørestol");
  assert.equal(ret("madservise", b), "madservice");
  assert.equal(ret("badevaerelse", b), "badeværelse", "ae typed for æ, 12 letters");
  assert.equal(ret("bil", b), null, "words under 4 letters are not corrected");
  assert.equal(ret("rxlxtor", b), null, "7 letters: only 1 edit allowed");
});

test("between two equally close words, the one on more pages wins; ties go alphabetically", () => {
  assert.equal(ret("stok", liste({ stol: 3, stor: 8 })), "stor");
  assert.equal(ret("stok", liste({ stor: 3, stol: 3 })), "stol");
});

test("a query loses its stop words and joins or splits hyphenated words", () => {
  const b = liste({ tilskud: 4, bil: 9, elkørestole: 2, kørestole: 5, el: 3, rollator: 20, og: 40, til: 50 });
  assert.deepEqual(forstaa("Tilskud til bil", b).ord, ["tilskud", "bil"]);
  assert.deepEqual(forstaa("El-kørestole", b).ord, ["elkørestole"]);
  assert.deepEqual(forstaa("og til", b).ord, ["og", "til"], "only stop words: keep them");
  const uden = liste({ kørestole: 5, el: 3 });
  assert.deepEqual(forstaa("el-kørestole", uden).ord, ["el", "kørestole"]);
});

test("an unknown compound becomes its parts; an unknown word is left for the typo retry", () => {
  const b = liste({ badeværelse: 13, ombygning: 2, rollator: 20, mad: 14, service: 3 });
  assert.deepEqual(forstaa("badeværelsesombygning", b).ord, ["badeværelse", "ombygning"]);
  const f = forstaa("rolator", b);
  assert.deepEqual(f.ukendte, ["rolator"]);
  assert.deepEqual(f.rettet, ["rollator"], "searched corrected");
  assert.equal(forstaa("badeværelsesombygning", b).rettet, null, "nothing to correct");
  assert.deepEqual(forstaa("rolla", b).ukendte, [], "the beginning of a word is being typed");
});

test("a word that only begins with a known word keeps that part", () => {
  assert.deepEqual(delDelvist("badeværelsesombygning", liste({ badeværelse: 13, ombyg: 1 })), ["badeværelse"],
    "ombygning is not the beginning of a word of the list");
  assert.deepEqual(delDelvist("badeværelsesxyz", liste({ badeværelse: 1 })), ["badeværelse"]);
  assert.deepEqual(delDelvist("badeværelsesomb", liste({ badeværelse: 1, ombygning: 2 })), ["badeværelse", "omb"]);
  assert.equal(delDelvist("xyzabc", liste({ badeværelse: 1 })), null);
});

test("prefix lookup", () => {
  const b = liste(["rollator", "rotator", "bil"]);
  assert.equal(harPraefiks("roll", b), true);
  assert.equal(harPraefiks("rox", b), false);
  assert.equal(harPraefiks("bilx", b), false);
});

test("two words written apart that the index has as one are joined", () => {
  const b = liste({ elkørestole: 2, kørestole: 5, el: 3, madservice: 9, mad: 14, service: 3 });
  assert.deepEqual(forstaa("el kørestole", b).ord, ["elkørestole"]);
  assert.deepEqual(forstaa("mad service", b).ord, ["madservice"]);
});

test("the same word in another form", () => {
  assert.ok(ligner("rollator", "rollatorer"));
  assert.ok(ligner("kørestole", "kørestol"));
  assert.ok(ligner("genoptræning", "genoptræningen"));
  assert.ok(!ligner("bil", "bilag"), "under 4 letters only the same word");
  assert.ok(!ligner("stole", "stolpe"));
  assert.ok(!ligner("støtte", "støttebøjler"), "a compound that begins with the word is another word");
});

test("a title that is the query counts more than one that also says other things", () => {
  const stop = new Set(["efter", "og", "ved"]);
  const kort = titelDaekning(["genoptræning"], "Genoptræning efter serviceloven", stop);
  const lang = titelDaekning(["genoptræning"], "Befordring og befordringsgodtgørelse ved genoptræning efter sundhedsloven", stop);
  assert.equal(kort, 1 / 2);
  assert.equal(lang, 1 / 4);
  assert.equal(titelDaekning(["genoptræning", "bil"], "Genoptræning efter serviceloven", stop), 0, "every query word must be in the title");
  assert.equal(titelDaekning(["visitationspraksis"], "Bilag 2: Visitations- og sagsbehandlingspraksis", stop,
    "visitationspraksis praksis"), 1 / 2, "a form the title implies covers one of its words");
});

test("an appendix that only mentions the words counts less than a standard; one titled by them does not", () => {
  const ord = ["leverandører"];
  assert.equal(vaegt(ord, { type: "Standard", title: "Indkøb" }), 1);
  assert.equal(vaegt(ord, { type: "Bilag", title: "Bilag 1: Lovgrundlag" }), TYPEVAEGT.Bilag);
  assert.equal(vaegt(ord, { type: "Bilag", title: "Bilag 6: Leverandører" }), 1.5, "the title is the query: no penalty, full bonus");
  assert.equal(vaegt(["hjemmehjælp"], { type: "Område", title: "Praktisk hjælp", soegeord: "hjemmehjælp hjemmepleje" }), 1,
    "the page's editorial search words are the query");
});

test("merging: a page with every word ranks above one with half of them unless far better", () => {
  const alle = [{ url: "/a/", score: 5 }];
  const hver = [[{ url: "/a/", score: 3 }, { url: "/b/", score: 8 }], [{ url: "/c/", score: 2 }, { url: "/b/", score: 1 }]];
  const ud = flet(alle, hver, 2);
  assert.deepEqual(ud.map((r) => r.url), ["/b/", "/a/", "/c/"]);
  assert.equal(ud[0].score, 9, "b has both words from separate searches: 8 + 1, all words");
  assert.equal(ud[1].score, 5, "a found with every word keeps that score");
  assert.equal(ud[2].score, 1, "c has one of two words: 2 × 1/2");
});
