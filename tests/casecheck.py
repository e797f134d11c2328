"""Compare a calculator answer with a reference case's expectations.

Used by the CPython test; tests/pyodide/cases.test.mjs applies the same rules
to the answers computed inside Pyodide (keep the two in step).

A case's `forventet` may hold:
  ok            true/false (a YAML boolean; 0/1 are not accepted)
  fejl_felter   (ok: false) the fields the errors are reported against
  poster        {id: number | true | false | null}: result values
  vaerdier      {id: text}: result values that are text codes (e.g. ansvar's "1.2")
  tekster       {id: [substring, ...]}: what the result row's text says
  ikke_poster   [id, ...]: result rows that must not be there
  kilder        [[source, [from, to]], ...]: lines the explanation cites
  forklaring    [substring, ...]: each is in the text of some step
  ikke_forklaring [substring, ...]: in no step's text
  trin          [{kilde, linjer, sats?, fortolkning?, regel?, indeholder?}, ...]: a step that cites these
                lines, this rate (sats id, or null for none), this interpretation, this rule id and has
                these words
Every result row's text is also checked against its value by tests/konsistens.py's rules.
"""
from __future__ import annotations

from konsistens import poster_afvigelser

NOEGLER = {"ok", "fejl_felter", "poster", "vaerdier", "tekster", "ikke_poster", "kilder", "forklaring",
           "ikke_forklaring", "trin"}
TRIN_NOEGLER = {"kilde", "linjer", "sats", "fortolkning", "regel", "indeholder"}


def case_fejl(case: dict) -> list[str]:
    """Mistakes in the case itself: unknown keys (a typo would make a check silently vacuous), 0/1 for booleans."""
    f = case["forventet"]
    ud = [f"unknown key '{k}' in forventet" for k in f if k not in NOEGLER]
    if not isinstance(f.get("ok"), bool):
        ud.append(f"ok must be true or false, not {f.get('ok')!r}")
    for pid, v in (f.get("poster") or {}).items():
        if not (v is None or isinstance(v, (bool, int, float))):
            ud.append(f"poster.{pid} must be a number, true, false or null, not {v!r}")
    for t in f.get("trin") or []:
        ud += [f"unknown key '{k}' in a trin" for k in t if k not in TRIN_NOEGLER]
        if "kilde" not in t or "linjer" not in t:
            ud.append("a trin needs kilde and linjer")
    for pid, dele in (f.get("tekster") or {}).items():
        if not isinstance(dele, list) or not all(isinstance(d, str) for d in dele):
            ud.append(f"tekster.{pid} must be a list of strings")
    return ud


def afvigelser(case: dict, svar: dict) -> list[str]:
    ud = case_fejl(case)
    if ud:
        return ud
    f = case["forventet"]
    if svar["ok"] is not f["ok"]:
        return [f"ok={svar['ok']}, expected {f['ok']}: {svar.get('fejl')}"]
    if not f["ok"]:
        felter = sorted(x["felt"] for x in svar["fejl"])
        if felter != sorted(f["fejl_felter"]):
            ud.append(f"error fields {felter}, expected {sorted(f['fejl_felter'])}")
        for x in svar["fejl"]:
            if not x["besked"].strip():
                ud.append(f"empty message for {x['felt']}")
        return ud
    poster = {p["id"]: p for p in svar["result"]["poster"]}
    for pid, forventet in (f.get("poster") or {}).items():
        if pid not in poster:
            ud.append(f"missing result item {pid}")
            continue
        faktisk = poster[pid]["vaerdi"]
        if forventet is None or isinstance(forventet, bool):
            if faktisk is not forventet:
                ud.append(f"{pid}={faktisk!r}, expected {forventet!r}")
        elif not isinstance(faktisk, (int, float)) or isinstance(faktisk, bool) \
                or abs(faktisk - forventet) > 0.005:
            ud.append(f"{pid}={faktisk!r}, expected {forventet!r}")
    # Result items whose value is a text code (e.g. ansvar's kategori "1.2" or betaler "region").
    for pid, forventet in (f.get("vaerdier") or {}).items():
        if pid not in poster:
            ud.append(f"missing result item {pid}")
        elif poster[pid]["vaerdi"] != forventet:
            ud.append(f"{pid}={poster[pid]['vaerdi']!r}, expected {forventet!r}")
    for pid, dele in (f.get("tekster") or {}).items():
        if pid not in poster:
            ud.append(f"missing result item {pid}")
            continue
        for del_ in dele:
            if del_ not in poster[pid]["tekst"]:
                ud.append(f"{pid} text {poster[pid]['tekst']!r} does not say {del_!r}")
    for pid in f.get("ikke_poster", []):
        if pid in poster:
            ud.append(f"unexpected result item {pid}")
    ud += poster_afvigelser(svar["result"]["poster"])
    kilder = {(kilde_noegle(t), tuple(t["linjer"])) for t in svar["forklaring"]}
    for std, linjer in f.get("kilder", []):
        if (std, tuple(linjer)) not in kilder:
            ud.append(f"explanation does not cite {std} lines {linjer}")
    tekster = [t["tekst"] for t in svar["forklaring"]]
    for del_ in f.get("forklaring", []):
        if not any(del_ in t for t in tekster):
            ud.append(f"no step of the explanation says {del_!r}")
    for del_ in f.get("ikke_forklaring", []):
        if any(del_ in t for t in tekster):
            ud.append(f"a step of the explanation says {del_!r}")
    for forventet in f.get("trin", []):
        if not any(trin_passer(forventet, t) for t in svar["forklaring"]):
            ud.append(f"no step matches {forventet}")
    if not svar["forklaring"]:
        ud.append("no explanation")
    return ud


def trin_passer(forventet: dict, trin: dict) -> bool:
    if kilde_noegle(trin) != forventet["kilde"] or list(trin["linjer"]) != list(forventet["linjer"]):
        return False
    if "sats" in forventet and (trin["sats"]["id"] if trin["sats"] else None) != forventet["sats"]:
        return False
    if "fortolkning" in forventet and \
            (trin["fortolkning"]["id"] if trin["fortolkning"] else None) != forventet["fortolkning"]:
        return False
    if "regel" in forventet and trin["regel"] != forventet["regel"]:
        return False
    return all(d in trin["tekst"] for d in forventet.get("indeholder", []))


def kilde_noegle(trin: dict) -> str:
    """How a case names the source of a step: a standard's id, "bilag-N", or a document's file name."""
    if trin["standard"]:
        return trin["standard"]["id"]
    if trin["bilag"]:
        return f"bilag-{trin['bilag']}"
    return trin["dokument"]
