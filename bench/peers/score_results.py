#!/usr/bin/python3
"""Scores ReasonTrack result folders (reasontrack run ... -o DIR) with the same AUC rule and the same ground truth as
opencv_trackers.py, so that the peers and our trackers are compared like for like. Frames/s come from the
<seq>_time.txt files (tracking work per frame, decoding excluded; frame 1 = initialization, left out).

usage: /usr/bin/python3 bench/peers/score_results.py ../shared/data/sequences [--sequences FILE] name=DIR [name=DIR ...]
--sequences: score only the sequences listed in FILE (e.g. bench/peers/splits/shared-tuning.txt).
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from opencv_trackers import load, otb_auc  # noqa: E402


def main():
    root = sys.argv[1]
    args = sys.argv[2:]
    wanted = None
    if len(args) >= 2 and args[0] == "--sequences":
        wanted = [l.strip() for l in open(args[1]) if l.strip() and not l.startswith("#")]
        args = args[2:]
    runs = [a.split("=", 1) for a in args]
    seqs = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    if wanted is not None:
        seqs = [s for s in seqs if s in wanted]
    print("sequence                 " + "".join(f"{n + ' AUC':>14}{n + ' fps':>14}" for n, _ in runs))
    totals = {n: [[], 0.0, 0] for n, _ in runs}
    for s in seqs:
        _, gt = load(os.path.join(root, s))
        row = f"{s:<25}"
        for n, d in runs:
            pred = [[float(v) for v in l.replace("\t", ",").split(",")] for l in open(os.path.join(d, s + ".txt")) if l.strip()]
            times = [float(l) for l in open(os.path.join(d, s + "_time.txt")) if l.strip()][1:]
            auc = otb_auc(pred, gt)
            fps = len(times) / sum(times)
            totals[n][0].append(auc); totals[n][1] += sum(times); totals[n][2] += len(times)
            row += f"{auc:>14.3f}{fps:>14.1f}"
        print(row)
    print(f"{'mean':<25}" + "".join(f"{sum(t[0]) / len(t[0]):>14.3f}{t[2] / t[1]:>14.1f}" for t in totals.values()))


if __name__ == "__main__":
    main()
