"""Compare a calculator answer with a reference case's expectations.

Used by the CPython test; tests/pyodide/cases.test.mjs applies the same rules
to the answers computed inside Pyodide.
"""
from __future__ import annotations


def afvigelser(case: dict, svar: dict) -> list[str]:
    f = case["forventet"]
    ud: list[str] = []
    if svar["ok"] != f["ok"]:
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
            if faktisk is not forventet and faktisk != forventet:
                ud.append(f"{pid}={faktisk!r}, expected {forventet!r}")
        elif faktisk is None or isinstance(faktisk, bool) or abs(faktisk - forventet) > 0.005:
            ud.append(f"{pid}={faktisk!r}, expected {forventet!r}")
        if not poster[pid]["tekst"].strip():
            ud.append(f"{pid} has no text")
    # Result items whose value is a text code (e.g. ansvar's kategori "1.2" or betaler "region").
    for pid, forventet in (f.get("vaerdier") or {}).items():
        if pid not in poster:
            ud.append(f"missing result item {pid}")
        elif poster[pid]["vaerdi"] != forventet:
            ud.append(f"{pid}={poster[pid]['vaerdi']!r}, expected {forventet!r}")
    for pid in f.get("ikke_poster", []):
        if pid in poster:
            ud.append(f"unexpected result item {pid}")
    kilder = {(kilde_noegle(t), tuple(t["linjer"])) for t in svar["forklaring"]}
    for std, linjer in f.get("kilder", []):
        if (std, tuple(linjer)) not in kilder:
            ud.append(f"explanation does not cite {std} lines {linjer}")
    if not svar["forklaring"]:
        ud.append("no explanation")
    return ud


def kilde_noegle(trin: dict) -> str:
    """How a case names the source of a step: a standard's id, "bilag-N", or a document's file name."""
    if trin["standard"]:
        return trin["standard"]["id"]
    if trin["bilag"]:
        return f"bilag-{trin['bilag']}"
    return trin["dokument"]
