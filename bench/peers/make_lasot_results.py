#!/usr/bin/python3
"""Writes synthetic raw results of N trackers on LaSOT-280 in the Matlab toolkit layout, the size and text style of
published trackers' files (about 49 MB per tracker: 685,360 rows), for timing evaluation (issue 15 item 1). Never
committed: the folder is re-made from the seed.

Each tracker follows the ground truth with per-frame jitter, a slow drift of the centre and of the scale, and failure
segments (stuck at a wrong place, or a box wandering off) with recovery; on absent frames it keeps predicting near
the last box. Text styles, chosen per sequence (assumption: the mix of what published LaSOT raw results look like):
  - 17 significant digits, comma-separated (Python's repr of float64, e.g. pysot/pytracking ports writing floats
    with str() or np.savetxt('%.17g'))                                                              ~ 93 %
  - '%.4f' comma-separated (e.g. '123.4567,45.0000,...')                                            ~  4 %
  - integers, tab-separated (pytracking's np.savetxt(fmt='%d', delimiter='\t'))                      ~  3 %
A few rows have a zero width (the toolkit repairs them from the previous row), a few files end with CRLF line ends.

usage: /usr/bin/python3 bench/peers/make_lasot_results.py ANNOTATIONS OUT_DIR [TRACKERS=1] [SEED=15]
  writes OUT_DIR/Synth<k>_tracking_result/<seq>.txt for k = 1..TRACKERS
"""
import os
import sys

import numpy as np


def read_boxes(path):
    return np.loadtxt(path, delimiter=",", ndmin=2)


def track(gt, absent, rng):
    n = len(gt)
    cx = gt[:, 0] + gt[:, 2] / 2
    cy = gt[:, 1] + gt[:, 3] / 2
    w = gt[:, 2].copy()
    h = gt[:, 3].copy()
    # Hold the last visible box through absent frames (the tracker still predicts something).
    for i in range(1, n):
        if absent[i] or not (w[i] > 0 and h[i] > 0):
            cx[i], cy[i], w[i], h[i] = cx[i - 1], cy[i - 1], w[i - 1], h[i - 1]
    size = np.sqrt(np.maximum(w * h, 1.0))
    drift_x = np.cumsum(rng.normal(0, 0.02, n)) * size * 0.05
    drift_y = np.cumsum(rng.normal(0, 0.02, n)) * size * 0.05
    scale = np.exp(np.cumsum(rng.normal(0, 0.004, n)).clip(-0.5, 0.5))
    px = cx + drift_x + rng.normal(0, 0.06, n) * size
    py = cy + drift_y + rng.normal(0, 0.06, n) * size
    pw = w * scale * np.exp(rng.normal(0, 0.05, n))
    ph = h * scale * np.exp(rng.normal(0, 0.05, n))
    # Failures: a few segments where the box sticks somewhere else or wanders off.
    for _ in range(rng.poisson(2.0 + n / 1500)):
        start = int(rng.integers(1, max(2, n)))
        length = int(rng.integers(20, max(21, n // 4)))
        end = min(n, start + length)
        if rng.random() < 0.5:
            px[start:end] = px[start - 1] + rng.normal(0, 2, end - start) + size[start] * rng.uniform(1.5, 4) * rng.choice([-1, 1])
            py[start:end] = py[start - 1] + rng.normal(0, 2, end - start)
        else:
            px[start:end] += np.cumsum(rng.normal(0, 3, end - start))
            py[start:end] += np.cumsum(rng.normal(0, 3, end - start))
    out = np.stack([px - pw / 2, py - ph / 2, pw, ph], axis=1)
    out[0] = gt[0]
    zero = rng.random(n) < 0.0005
    zero[0] = False
    out[zero, 2] = 0.0
    return out


def write(path, boxes, style, crlf):
    nl = "\r\n" if crlf else "\n"
    if style == "repr":
        lines = [",".join(repr(float(v)) for v in row) for row in boxes]
    elif style == "f4":
        lines = ["%.4f,%.4f,%.4f,%.4f" % tuple(row) for row in boxes]
    else:
        lines = ["%d\t%d\t%d\t%d" % tuple(np.rint(row)) for row in boxes]
    with open(path, "w", newline="") as f:
        f.write(nl.join(lines) + nl)


def main():
    annos_root, out = sys.argv[1], sys.argv[2]
    trackers = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    annos = os.path.join(annos_root, "annos")
    seqs = [l.strip() for l in open(os.path.join(annos_root, "testing_set.txt")) if l.strip()]
    gts = {s: read_boxes(os.path.join(annos, s + ".txt")) for s in seqs}
    absents = {s: np.loadtxt(os.path.join(annos, "absent", s + ".txt"), ndmin=1) > 0 for s in seqs}
    for k in range(1, trackers + 1):
        rng = np.random.default_rng([seed, k])
        d = os.path.join(out, f"Synth{k}_tracking_result")
        os.makedirs(d, exist_ok=True)
        total = 0
        for s in seqs:
            boxes = track(gts[s], absents[s], rng)
            u = rng.random()
            style = "repr" if u < 0.93 else "f4" if u < 0.97 else "int"
            path = os.path.join(d, s + ".txt")
            write(path, boxes, style, crlf=rng.random() < 0.05)
            total += os.path.getsize(path)
        print(f"{d}: {len(seqs)} files, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
