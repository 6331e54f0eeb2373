#!/usr/bin/env python3
"""Print headline figures of one or more `imr qa --json` outputs; with two, list items that changed.

usage: figs.py A.json [B.json]   (notes or decisions reports)
"""
import json, sys

def outcomes(d):
    return d.get("outcomes") or d.get("summary")

def line(path):
    d = json.load(open(path))
    o = outcomes(d)
    rec = o.get("overturned_recall"); prec = o.get("overturned_precision")
    s = (f"{path}: agree {o['agree']}/{o['items']} ({o['agree']/o['items']:.1%}) baseline {o['majority_baseline']:.3f} "
         f"kappa {o['kappa']:.3f} OT recall {rec} precision {prec} indet {o['indeterminate']} refused {len(d.get('refused') or {}) if isinstance(d.get('refused'), dict) else o.get('refused')}")
    if "facts" in d:
        f = d["facts"]; s += f" | facts P {f['precision']:.3f} R {f['recall']:.3f} ({f['correct']}/{f['documented']})"
    print(s)
    return d

def key(it):
    return (it.get("note") or it.get("case") or it.get("id"), it.get("index"), it.get("request"))

ds = [line(p) for p in sys.argv[1:]]
if len(ds) == 2:
    a = {key(i): i for i in ds[0]["items"]}; b = {key(i): i for i in ds[1]["items"]}
    better = [k for k in b if k in a and b[k]["agree"] and not a[k]["agree"]]
    worse = [k for k in b if k in a and a[k]["agree"] and not b[k]["agree"]]
    print(f"better {len(better)} worse {len(worse)}")
    for k in better: print("  +", k[0], k[1], (k[2] or "")[:70])
    for k in worse: print("  -", k[0], k[1], (k[2] or "")[:70], b[k]["predicted"], "expected", b[k]["expected"])
