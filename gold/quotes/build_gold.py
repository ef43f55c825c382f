#!/usr/bin/env python3
"""Builds quotes-gold.jsonl from the hand-written authoring files quotes-gold.*.txt.

Authoring format (one record per '@' header, written by the Marsad team, not copied from outlets):
  @ <id> <outlet-style>
  paragraph text (several lines = several paragraphs)
  Q speaker | role | cue | kind | content          (one line per quote, in text order)
  A source | cue                                   (one line per attribution)
Empty role/cue fields are written '-'. Every speaker, role, cue, content and source must be an exact
substring of the record's text; the script checks it. Split: every third record is test, the rest dev.
"""
import json, sys, glob, os
here = os.path.dirname(os.path.abspath(__file__))
records, cur = [], None
for path in sorted(glob.glob(os.path.join(here, "quotes-gold.*.txt"))):
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("@ "):
            _, rid, outlet = line.split()
            cur = {"id": rid, "outlet": outlet, "paragraphs": [], "quotes": [], "attributions": []}
            records.append(cur)
        elif line.startswith("Q "):
            f = [x.strip() for x in line[2:].split("|")]
            assert len(f) == 5, (cur["id"], line)
            sp, role, cue, kind, content = f
            assert kind in ("direct", "reported", "mixed"), (cur["id"], kind)
            cur["quotes"].append({"speaker": None if sp == "-" else sp, "role": None if role == "-" else role,
                                  "cue": None if cue == "-" else cue, "kind": kind, "content": content})
        elif line.startswith("A "):
            f = [x.strip() for x in line[2:].split("|")]
            assert len(f) == 2, (cur["id"], line)
            cur["attributions"].append({"source": f[0], "cue": f[1]})
        else:
            cur["paragraphs"].append(line.strip())
errors = 0
out = []
for i, r in enumerate(records):
    text = "\n\n".join(r["paragraphs"])
    for q in r["quotes"]:
        for k in ("speaker", "role", "cue", "content"):
            if q[k] and q[k] not in text:
                print(f"{r['id']}: {k} not in text: {q[k]}", file=sys.stderr); errors += 1
    for a in r["attributions"]:
        for k in ("source", "cue"):
            # After the proclitic لـ the article's alef is dropped (للمرصد): the source is written with it restored.
            if a[k] not in text and not (k == "source" and a[k].startswith("ال") and a[k][1:] in text):
                print(f"{r['id']}: attribution {k} not in text: {a[k]}", file=sys.stderr); errors += 1
    out.append({"id": r["id"], "split": "test" if i % 3 == 2 else "dev", "outlet": r["outlet"],
                "text": text, "quotes": r["quotes"], "attributions": r["attributions"]})
ids = [r["id"] for r in out]
assert len(ids) == len(set(ids)), "duplicate ids"
with open(os.path.join(here, "quotes-gold.jsonl"), "w", encoding="utf-8") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
nq = sum(len(r["quotes"]) for r in out)
print(f"{len(out)} records, {nq} quotes ({sum(len(r['quotes']) for r in out if r['split']=='dev')} dev), "
      f"{sum(len(r['attributions']) for r in out)} attributions, "
      f"{sum(1 for r in out if not r['quotes'])} records without a quote, {errors} errors")
sys.exit(1 if errors else 0)
