#!/usr/bin/env python3
"""Scores the quote checker on a JSONL evaluation set.

Usage: scripts/eval-quotes.py GOLD.jsonl [SCORE.py] [--bin PATH] [--pred OUT.jsonl] [--misses]

Runs `byline check --format json` on each article's text, writes one line of
predictions per article (code-point offsets, resolved speaker) and prints
the figures of the set's scorer (default: ../shared/eval/score.py relative to
the repository). --misses also lists the gold quotes that were not found or
got the wrong speaker, to read while improving the rules. The data stays
outside the repository.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("score", nargs="?", default=os.path.join(ROOT, "..", "shared", "eval", "score.py"))
    ap.add_argument("--bin", default=None, help="the byline binary (default: build it with cargo)")
    ap.add_argument("--pred", default=None, help="where to write predictions")
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args()

    binary = a.bin
    if binary is None:
        subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "byline-cli"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "byline")

    golds = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    pred_path = a.pred or os.path.join(tempfile.mkdtemp(prefix="byline-eval-"), "pred.jsonl")
    preds = {}
    with tempfile.TemporaryDirectory() as tmp, open(pred_path, "w", encoding="utf-8") as out:
        for g in golds:
            src = os.path.join(tmp, "article.txt")
            with open(src, "w", encoding="utf-8") as fh:
                fh.write(g["text"])
            r = subprocess.run([binary, "check", "--format", "json", src], capture_output=True, text=True)
            if r.returncode not in (0, 1):
                print("checker failed on %s: %s" % (g["id"], r.stderr), file=sys.stderr)
                continue
            rep = json.loads(r.stdout)
            quotes = [
                {"start": q["start"], "end": q["end"], "speaker": q["speaker"],
                 "speaker_mention": q["speaker_mention"], "text": q["text"]}
                for q in rep["quotes"] if q["kind"] == "speech"
            ]
            preds[g["id"]] = quotes
            out.write(json.dumps({"id": g["id"], "quotes": quotes}, ensure_ascii=False) + "\n")
    subprocess.run([sys.executable, a.score, pred_path, a.gold], check=True)
    if a.misses:
        show_misses(golds, preds, a.score)


def show_misses(golds, preds, score_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("scorer", score_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)

    def ov(a, b):
        return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))

    for g in golds:
        t = g["text"]
        ps = preds.get(g["id"], [])
        used = set()
        for q in g["quotes"]:
            best = None
            for i, p in enumerate(ps):
                o = ov(p, q)
                if o > 0 and o >= 0.5 * max(p["end"] - p["start"], q["end"] - q["start"]):
                    best = i
                    break
            gold_spk = q.get("speaker_gold", q["speaker"]) if "speaker_gold" in q else q["speaker"]
            ctx = t[max(0, q["start"] - 80):q["end"] + 60].replace("\n", " / ")
            if best is None:
                print("MISS  gold=%r\n      %s\n" % (gold_spk, ctx))
            else:
                used.add(best)
                p = ps[best]
                tag = "HIT  " if scorer.pred_speaker_ok(p, q) else "WRONG"
                print("%s gold=%r pred=%r mention=%r\n      %s\n" % (tag, gold_spk, p["speaker"], p["speaker_mention"], ctx))
        for i, p in enumerate(ps):
            if i not in used:
                ctx = t[max(0, p["start"] - 80):p["end"] + 60].replace("\n", " / ")
                print("EXTRA pred=%r\n      %s\n" % (p["speaker"], ctx))


if __name__ == "__main__":
    main()
