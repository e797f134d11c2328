// What a typed query means: the query side of the handbook's search (issue 12).
// Pure functions, no DOM: tested in Node (tests/js/) on the same cases as the index side
// (scripts/sitegen/ordforraad.py splits compounds by the same rule).
//
//   forstaa(tekst, ordliste)  -> { ord, soegning }    strict query: hyphens, stop words, compounds
//   ret(ord, ordliste)        -> the likeliest word of the index within 1 edit (2 for 8+ letters)
//   vaegt(ord, side)          -> how much a result's score counts: its kind, its title
//   flet(alle, hver, n)       -> results of all words together and of each word alone, merged
//
// `ordliste` is assets/soeg/ordliste.json as built: { ord: {word: pages}, stopord: [...] },
// wrapped by `ordbog()` for fast lookups.

const MINDSTE_DEL = 3;
const HOEJST_DELE = 3;
const FUGER = ["", "s", "e"];
const BOGSTAV = /[0-9a-zæøåéüöä]+/g;

export function ordbog(json) {
  const antal = new Map(Object.entries(json.ord || {}));
  const sorteret = [...antal.keys()].sort();
  return { antal, sorteret, stopord: new Set(json.stopord || []) };
}

function kendt(o, b) {
  return o.length >= MINDSTE_DEL && !b.stopord.has(o) && b.antal.has(o);
}

// Is there a word of the index that starts with `o`? (Pagefind matches word beginnings.)
export function harPraefiks(o, b) {
  let lo = 0, hi = b.sorteret.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (b.sorteret[m] < o) lo = m + 1; else hi = m;
  }
  return lo < b.sorteret.length && b.sorteret[lo].startsWith(o);
}

// A compound split into 2-3 words of the index: fewest parts, then the longest first part;
// each part ≥ 3 letters and not a stop word; "s" or "e" may join two parts.
export function delSammensat(ord, b) {
  ord = ord.toLowerCase();
  if (ord.length < 2 * MINDSTE_DEL) return null;
  return del(ord, b, HOEJST_DELE, false);
}

function del(rest, b, hoejst, helTilladt = true) {
  if (helTilladt && kendt(rest, b)) return [rest];
  if (hoejst < 2) return null;
  let bedste = null;
  for (let i = rest.length - MINDSTE_DEL; i >= MINDSTE_DEL; i--) {
    const hoved = rest.slice(0, i);
    if (!kendt(hoved, b)) continue;
    for (const fuge of FUGER) {
      if (!rest.startsWith(fuge, i)) continue;
      const hale = rest.slice(i + fuge.length);
      if (hale.length < MINDSTE_DEL) continue;
      const dele = del(hale, b, hoejst - 1);
      if (dele && (bedste === null || 1 + dele.length < bedste.length)) bedste = [hoved, ...dele];
    }
    if (bedste !== null && bedste.length === 2) break;
  }
  return bedste;
}

// A word that is not a whole compound of known words may still begin with one: its
// longest known first part (≥ 4 letters), and the rest if that is the beginning of a word
// of the index ("badeværelsesombygning" -> "badeværelse", when "ombygning" is not a word).
export function delDelvist(ord, b) {
  ord = ord.toLowerCase();
  for (let i = ord.length - MINDSTE_DEL; i >= 4; i--) {
    const hoved = ord.slice(0, i);
    if (!kendt(hoved, b)) continue;
    for (const fuge of FUGER) {
      if (!ord.startsWith(fuge, i)) continue;
      const hale = ord.slice(i + fuge.length);
      if (hale.length >= MINDSTE_DEL && !b.stopord.has(hale) && harPraefiks(hale, b)) return [hoved, hale];
    }
    return [hoved];
  }
  return null;
}

// Edit distance with adjacent transposition counted as one edit (optimal string alignment),
// stopping early once it must exceed `graense`.
export function afstand(a, b, graense = Infinity) {
  if (Math.abs(a.length - b.length) > graense) return graense + 1;
  let forrige2 = null, forrige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const nu = [i];
    let mindst = i;
    for (let j = 1; j <= b.length; j++) {
      const pris = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(forrige[j] + 1, nu[j - 1] + 1, forrige[j - 1] + pris);
      if (forrige2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, forrige2[j - 2] + 1);
      nu.push(v);
      mindst = Math.min(mindst, v);
    }
    if (mindst > graense) return graense + 1;
    forrige2 = forrige;
    forrige = nu;
  }
  return forrige[b.length];
}

export function tilladtAfstand(ord) {
  return ord.length >= 8 ? 2 : 1;
}

// The word of the index a misspelt `ord` most likely means, or null: within the allowed
// distance, æ/ø/å written ae/oe/aa counted as one letter; the closest first, then the word
// on most pages, then alphabetical (so the answer never depends on the list's order).
export function ret(ord, b) {
  ord = ord.toLowerCase();
  if (ord.length < 4) return null;
  const varianter = new Set([ord, ord.replaceAll("ae", "æ").replaceAll("oe", "ø").replaceAll("aa", "å")]);
  let bedst = null;
  for (const v of varianter) {
    const graense = tilladtAfstand(v);
    for (const [kandidat, sider] of b.antal) {
      if (kandidat === ord || b.stopord.has(kandidat)) continue;
      if (Math.abs(kandidat.length - v.length) > graense) continue;
      const d = kandidat === v ? 0 : afstand(v, kandidat, graense);
      if (d > graense) continue;
      const noegle = [d, -sider, kandidat];
      if (bedst === null || sammenlign(noegle, bedst.noegle) < 0) bedst = { ord: kandidat, noegle };
    }
  }
  return bedst && bedst.ord;
}

function sammenlign(a, b) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

// The words of a query as the index knows them. A hyphen joins two words when the joined
// word is in the index ("el-kørestole" -> "elkørestole"), otherwise it separates them; stop
// words go unless nothing else is left; a word the index does not have (neither as a word
// nor as the beginning of one) is split into words of the index if it is a compound.
// `ukendte` are the words that are still not found; `rettet` is `ord` with each of them
// replaced by its likeliest correction (`ret`), or null when none has one.
export function forstaa(tekst, b) {
  let lav = tekst.toLowerCase().normalize("NFC");
  lav = lav.replace(/([0-9a-zæøåéüöä]+)-([0-9a-zæøåéüöä]+)/g, (hel, x, y) => (b.antal.has(x + y) ? x + y : `${x} ${y}`));
  const raa = lav.match(BOGSTAV) || [];
  const uden = raa.filter((o) => !b.stopord.has(o));
  const brugte = samlet(uden.length ? uden : raa, b);
  const ord = [];
  const ukendte = [];
  const rettelser = new Map();
  const sidste = brugte.length - 1;
  brugte.forEach((o, i) => {
    // The last word may still be being typed: a beginning of a word is enough.
    if (b.antal.has(o) || (i === sidste && harPraefiks(o, b)) || /^[0-9]+$/.test(o)) { ord.push(o); return; }
    const dele = delSammensat(o, b);
    if (dele) { ord.push(...dele); return; }
    if (harPraefiks(o, b)) { ord.push(o); return; }
    // A typo is likelier than a compound when a correction exists; the typo retry decides.
    const rettet = ret(o, b);
    if (rettet) { ord.push(o); ukendte.push(o); rettelser.set(o, rettet); return; }
    const delvis = delDelvist(o, b);
    if (delvis) { ord.push(...delvis); return; }
    ord.push(o);
    ukendte.push(o);
  });
  return { ord, ukendte, rettet: rettelser.size ? ord.map((o) => rettelser.get(o) ?? o) : null };
}

// Two words written apart that the index has as one ("el kørestole", "mad service").
function samlet(ord, b) {
  const ud = [];
  for (let i = 0; i < ord.length; i++) {
    if (i + 1 < ord.length && b.antal.has(ord[i] + ord[i + 1])) { ud.push(ord[i] + ord[i + 1]); i++; }
    else ud.push(ord[i]);
  }
  return ud;
}

// --- Ranking -------------------------------------------------------------------------
// A standard is what people look for. An appendix, a law page or an area page that only
// mentions the words comes after it (issue 12); one whose title or editorial search words
// are the words is about them and is not held back.
export const TYPEVAEGT = { Standard: 1, "Område": 0.6, Bilag: 0.45, Side: 0.45 };
const TITELBONUS = 0.5;

// The same word in another form: equal, or one is the other plus an ending of at most 3
// letters ("kørestol" ~ "kørestole", "rollator" ~ "rollatorer"). A longer word that only
// begins with it is another word ("støtte" is not "støttebøjler"), so it does not count.
export function ligner(a, b) {
  if (a === b) return true;
  const [kort, lang] = a.length <= b.length ? [a, b] : [b, a];
  return kort.length >= 4 && lang.startsWith(kort) && lang.length - kort.length <= 3;
}

function indholdsord(tekst, stopord) {
  return (tekst.toLowerCase().match(BOGSTAV) || []).filter((o) => !stopord.has(o) && !/^[0-9]+$/.test(o) && o !== "bilag");
}

// The share of a title's words the query covers (0 unless every query word is in the title):
// "Genoptræning efter serviceloven" is more about "genoptræning" than a title of six words.
// `former` are the forms the title implies (built with the index: "Visitations- og
// sagsbehandlingspraksis" implies "visitationspraksis"); a query word found only there
// covers one word of the title.
export function titelDaekning(ord, titel, stopord = new Set(), former = "") {
  const t = indholdsord(titel, stopord);
  const f = indholdsord(former, stopord);
  if (!ord.length || !t.length) return 0;
  const iTitel = (q) => t.some((w) => ligner(q, w));
  if (!ord.every((q) => iTitel(q) || f.some((w) => ligner(q, w)))) return 0;
  const daekket = t.filter((w) => ord.some((q) => ligner(q, w))).length + ord.filter((q) => !iTitel(q)).length;
  return Math.min(1, daekket / t.length);
}

// side: { type, title, titelformer, soegeord } (Pagefind's metadata). The factor its score is
// multiplied by.
export function vaegt(ord, side, stopord = new Set()) {
  const daekning = titelDaekning(ord, side.title || "", stopord, side.titelformer || "");
  const soegeord = indholdsord(side.soegeord || "", stopord);
  const om = daekning > 0 || (ord.length > 0 && ord.every((q) => soegeord.some((w) => ligner(q, w))));
  const type = om ? 1 : (TYPEVAEGT[side.type] ?? TYPEVAEGT.Side);
  return type * (1 + TITELBONUS * daekning);
}

// `alle`: results for all words together; `hver`: results for each word alone (each a list of
// { url, score }). A page's score is the sum of its scores times the share of the words it has,
// so a page with every word ranks above one with half of them unless that one is far better.
export function flet(alle, hver, antal) {
  const sider = new Map();
  for (const r of alle) sider.set(r.url, { ...r, score: r.score, n: antal, alle: true });
  for (const liste of hver) {
    for (const r of liste) {
      const s = sider.get(r.url);
      if (!s) sider.set(r.url, { ...r, n: 1, alle: false });
      else if (!s.alle) { s.n += 1; s.score += r.score; }
    }
  }
  return [...sider.values()]
    .map((s) => ({ ...s, score: s.alle ? s.score : s.score * (s.n / antal) }))
    .sort((a, b) => b.score - a.score);
}
