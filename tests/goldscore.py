"""Compare an extraction with a hand-made gold file (format: corpus/SOURCES.md, fields as in the gold files).

Matching is by words: a gold action's quote (or its `also` wording) must stand, for at least
80 % of its words in order, inside a predicted action's text plus source text. Deliberately
simple and independent of the extractor's own rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

TITLES = {"the", "cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "prof", "rev"}


def words(s: str | None) -> list[str]:
    s = (s or "").lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.findall(r"[a-z0-9]+", s)


def _lcs(hay: list[str], needle: list[str]) -> int:
    prev = [0] * (len(needle) + 1)
    for h in hay:
        cur = [0]
        for j, n in enumerate(needle):
            cur.append(prev[j] + 1 if h == n else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def quote_in(hay: list[str], quote: str) -> bool:
    q = words(quote)
    if not q:
        return False
    if f" {' '.join(q)} " in f" {' '.join(hay)} ":
        return True
    return _lcs(hay, q) >= 0.8 * len(q)


def same_person(pred: str, gold: str) -> bool:
    p = [w for w in words(pred) if w not in TITLES]
    g = [w for w in words(gold) if w not in TITLES]
    if not p or not g:
        return False
    return p == g or (len(p) > 1 and len(g) > 1 and p[-1] == g[-1] and p[0][0] == g[0][0])


@dataclass
class DocScore:
    gold_actions: int = 0
    gold_explicit: int = 0
    found: int = 0
    found_explicit: int = 0
    predicted: int = 0
    owners_checked: int = 0
    owners_ok: int = 0
    due_checked: int = 0
    due_ok: int = 0
    attendees_gold: int = 0
    attendees_found: int = 0
    attendees_predicted: int = 0
    decisions_gold: int = 0
    decisions_found: int = 0
    decisions_predicted: int = 0
    date_ok: bool = False
    problems: list[str] = field(default_factory=list)


def _pair(golds: list, preds: list, fits) -> tuple[set[int], list]:
    """Match each gold item to the first unused prediction it fits: (indexes of matched predictions, missed golds)."""
    taken: set[int] = set()
    missed = []
    for g in golds:
        k = next((k for k, p in enumerate(preds) if k not in taken and fits(g, p)), None)
        if k is None:
            missed.append(g)
        else:
            taken.add(k)
    return taken, missed


def score(gold: dict, pred: dict) -> DocScore:
    r = DocScore()
    actions = pred.get("actions", [])
    hay = [words(f"{a.get('text', '')} {a.get('source_text', '')}") for a in actions]
    used: set[int] = set()
    r.predicted = len(actions)
    for g in gold.get("actions", []):
        r.gold_actions += 1
        r.gold_explicit += bool(g.get("explicit"))
        quotes = [g["quote"]] + ([g["also"]] if g.get("also") else [])
        hit = next((k for k, h in enumerate(hay) if k not in used and any(quote_in(h, q) for q in quotes)), None)
        if hit is None:
            r.problems.append(f"missed {'explicit' if g.get('explicit') else 'narrative'} action: {g['quote']!r}")
            continue
        used.add(hit)
        r.found += 1
        r.found_explicit += bool(g.get("explicit"))
        p = actions[hit]
        if g.get("owners"):
            r.owners_checked += 1
            po = p.get("owners") or []
            if len(po) == len(g["owners"]) and all(any(same_person(x, y) for x in po) for y in g["owners"]):
                r.owners_ok += 1
            else:
                r.problems.append(f"owner of {g['quote']!r}: got {po}, want {g['owners']}")
        if g.get("due") or p.get("due"):
            r.due_checked += 1
            if g.get("due") is None and p.get("due") is None or (p.get("due") and g.get("due") and str(p["due"]).startswith(g["due"])):
                r.due_ok += 1
            else:
                r.problems.append(f"due of {g['quote']!r}: got {p.get('due')}, want {g.get('due')}")
    for k, a in enumerate(actions):
        if k not in used and not any(quote_in(hay[k], g.get("also") or "\x00") for g in gold.get("actions", [])):
            r.problems.append(f"false action: {a.get('text', '')[:90]!r}")
    g_att = gold.get("attendees", [])
    p_att = [a.get("name", "") for a in pred.get("attendees", [])]
    r.attendees_gold, r.attendees_predicted = len(g_att), len(p_att)
    taken, missed = _pair([ga["name"] for ga in g_att], p_att, lambda g, p: same_person(p, g))
    r.attendees_found = len(taken)
    r.problems += [f"missed attendee {n!r}" for n in missed]
    r.problems += [f"extra attendee {n!r}" for k, n in enumerate(p_att) if k not in taken]
    decisions = pred.get("decisions", [])
    d_hay = [words(f"{d.get('text', '')} {d.get('source_text', '')}") for d in decisions]
    r.decisions_gold, r.decisions_predicted = len(gold.get("decisions", [])), len(decisions)
    taken, missed = _pair([gd["quote"] for gd in gold.get("decisions", [])], d_hay, lambda g, h: quote_in(h, g))
    r.decisions_found = len(taken)
    r.problems += [f"missed decision: {q!r}" for q in missed]
    r.problems += [f"false decision: {d.get('text', '')[:90]!r}" for k, d in enumerate(decisions) if k not in taken]
    r.date_ok = (pred.get("meeting") or {}).get("date") == gold.get("meeting_date")
    if not r.date_ok:
        r.problems.append(f"meeting date {(pred.get('meeting') or {}).get('date')}, want {gold.get('meeting_date')}")
    return r


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def totals(rs: list[DocScore]) -> dict[str, float]:
    """The corpus figures of many documents' scores, each a fraction."""
    t = {k: sum(getattr(r, k) for r in rs) for k in DocScore.__dataclass_fields__ if k != "problems"}
    return {
        "precision": _ratio(t["found"], t["predicted"]),
        "explicit_recall": _ratio(t["found_explicit"], t["gold_explicit"]),
        "narrative_recall": _ratio(t["found"] - t["found_explicit"], t["gold_actions"] - t["gold_explicit"]),
        "owners": _ratio(t["owners_ok"], t["owners_checked"]),
        "due": _ratio(t["due_ok"], t["due_checked"]),
        "attendee_f1": _f1(_ratio(t["attendees_found"], t["attendees_predicted"]),
                           _ratio(t["attendees_found"], t["attendees_gold"])),
        "decision_precision": _ratio(t["decisions_found"], t["decisions_predicted"]),
        "decision_recall": _ratio(t["decisions_found"], t["decisions_gold"]),
        "decision_f1": _f1(_ratio(t["decisions_found"], t["decisions_predicted"]),
                           _ratio(t["decisions_found"], t["decisions_gold"])),
        "meeting_date": _ratio(t["date_ok"], len(rs)),
        **{f"n_{k}": t[k] for k in ("gold_explicit", "gold_actions", "owners_checked", "due_checked")},
    }


def main(argv: list[str] | None = None) -> int:
    """Score every gold file under a folder and print per-document lines and the totals."""
    import argparse
    import json
    from pathlib import Path

    from extractor.pipeline import extract

    parser = argparse.ArgumentParser(prog="python -m tests.goldscore", description=main.__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=Path("corpus"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false action")
    args = parser.parse_args(argv)
    golds = sorted(args.folder.rglob("*.gold.json"))
    if not golds:
        parser.error(f"no *.gold.json under {args.folder}")
    rs = []
    for g in golds:
        gold = json.loads(g.read_text())
        r = score(gold, json.loads(extract(g.parent / gold["file"]).model_dump_json()))
        rs.append(r)
        print(f"{gold['file'][:50]:50} actions {r.found}/{r.gold_actions} found, {r.predicted} predicted  "
              f"owners {r.owners_ok}/{r.owners_checked}  due {r.due_ok}/{r.due_checked}  "
              f"attendees {r.attendees_found}/{r.attendees_gold}  decisions {r.decisions_found}/{r.decisions_gold}")
        if args.verbose:
            for problem in r.problems:
                print(f"    {problem}")
    f = totals(rs)
    print(f"\n{len(rs)} documents")
    print(f"actions: precision {f['precision']:.3f}, explicit recall {f['explicit_recall']:.3f} of {f['n_gold_explicit']}, "
          f"narrative recall {f['narrative_recall']:.3f} of {f['n_gold_actions'] - f['n_gold_explicit']}")
    print(f"owners {f['owners']:.3f} of {f['n_owners_checked']}, due {f['due']:.3f} of {f['n_due_checked']}")
    print(f"attendees F1 {f['attendee_f1']:.3f}, decisions precision {f['decision_precision']:.3f} "
          f"recall {f['decision_recall']:.3f} F1 {f['decision_f1']:.3f}, meeting date {f['meeting_date']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
