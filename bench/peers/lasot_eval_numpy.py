#!/usr/bin/python3
"""An independent numpy evaluator of the LaSOT protocol (the official Matlab toolkit's rules, written from the toolkit's
calc_seq_err_robust.m / calc_rect_int.m / plot_draw_save.m, not from ReasonTrack's code), for the side-by-side speed
comparison of issue 15 item 1. Prints success AUC, P@20 and NP@0.20 per tracker, as JSON with --json.

Rules (LaSOT toolkit): results truncated to the ground truth (a shorter file is an error); from frame 2 a row with a
NaN or a width/height <= 0 is replaced by the previous row where the ground-truth row has no NaN; frame 1 is the
ground truth; absent frames are removed but the denominator is all ground-truth rows + eps; a ground-truth row with a
value <= 0 gives overlap -1 and centre errors -1; overlap with the +1 pixel rule, centres x + (w-1)/2; success counts
IoU > t for t = k*0.05, precision err <= t for t = 0..50 px, normalized precision for t = k/100; sequences whose curve
sums to <= eps are dropped before averaging; AUC = mean of the 21 success values.

Reading: np.loadtxt with the file's delimiter (comma, else whitespace), as a numpy user would read these files.

usage: /usr/bin/python3 bench/peers/lasot_eval_numpy.py ANNOTATIONS RESULTS_DIR [RESULTS_DIR...] [--json OUT]
  ANNOTATIONS: the toolkit layout (testing_set.txt, annos/<seq>.txt, annos/absent/<seq>.txt)
  RESULTS_DIR: <seq>.txt files (e.g. <Tracker>_tracking_result/)
"""
import json
import os
import sys

import numpy as np

EPS = np.finfo(np.float64).eps
T_SUCCESS = np.arange(21) * 0.05
T_PRECISION = np.arange(51, dtype=np.float64)
T_NORM = np.arange(51) / 100.0


def load(path):
    with open(path, "rb") as f:
        first = f.readline()
    delimiter = "," if b"," in first else None
    return np.loadtxt(path, delimiter=delimiter, ndmin=2, dtype=np.float64)


def sequence_curves(gt, absent, res, name):
    n = len(gt)
    if len(res) < n:
        raise SystemExit(f"{name}: result has {len(res)} rows, ground truth {n}")
    res = res[:n, :4].copy()
    gt_has_nan = np.isnan(gt).any(axis=1)
    bad = np.isnan(res).any(axis=1) | (res[:, 2] <= 0) | (res[:, 3] <= 0)
    for i in np.flatnonzero(bad):  # sequential: a repaired row is what the next bad row copies
        if i >= 1 and not gt_has_nan[i]:
            res[i] = res[i - 1]
    res[0] = gt[0]
    keep = ~absent[:n] if len(absent) >= n else np.ones(n, bool)
    a, p = gt[keep], res[keep]
    valid = (a > 0).all(axis=1)
    gcx, gcy = a[:, 0] + (a[:, 2] - 1) / 2, a[:, 1] + (a[:, 3] - 1) / 2
    pcx, pcy = p[:, 0] + (p[:, 2] - 1) / 2, p[:, 1] + (p[:, 3] - 1) / 2
    err = np.sqrt((pcx - gcx) ** 2 + (pcy - gcy) ** 2)
    nerr = np.sqrt((pcx / a[:, 2] - gcx / a[:, 2]) ** 2 + (pcy / a[:, 3] - gcy / a[:, 3]) ** 2)
    iw = np.fmax(0, np.fmin(p[:, 0] + p[:, 2] - 1, a[:, 0] + a[:, 2] - 1) - np.fmax(p[:, 0], a[:, 0]) + 1)
    ih = np.fmax(0, np.fmin(p[:, 1] + p[:, 3] - 1, a[:, 1] + a[:, 3] - 1) - np.fmax(p[:, 1], a[:, 1]) + 1)
    inter = iw * ih
    iou = inter / (p[:, 2] * p[:, 3] + a[:, 2] * a[:, 3] - inter)
    iou = np.where(valid, iou, -1.0)
    err = np.where(valid, err, -1.0)
    nerr = np.where(valid, nerr, -1.0)
    denom = n + EPS
    with np.errstate(invalid="ignore"):
        s = (iou[None, :] > T_SUCCESS[:, None]).sum(axis=1) / denom
        pr = (err[None, :] <= T_PRECISION[:, None]).sum(axis=1) / denom
        npr = (nerr[None, :] <= T_NORM[:, None]).sum(axis=1) / denom
    return s, pr, npr


def mean_curve(curves):
    total = np.zeros(curves[0].shape)
    used = 0
    for c in curves:  # in sequence order, as Matlab sums
        if c.sum() > EPS:
            total += c
            used += 1
    return total / used


def main():
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        k = args.index("--json")
        out = args[k + 1]
        del args[k:k + 2]
    root, dirs = args[0], args[1:]
    annos = os.path.join(root, "annos")
    seqs = [l.strip() for l in open(os.path.join(root, "testing_set.txt")) if l.strip()]
    gts = [load(os.path.join(annos, s + ".txt")) for s in seqs]
    absents = [np.loadtxt(os.path.join(annos, "absent", s + ".txt"), ndmin=1) > 0 for s in seqs]
    report = {}
    for d in dirs:
        name = os.path.basename(os.path.normpath(d)).removesuffix("_tracking_result")
        curves = [sequence_curves(gts[i], absents[i], load(os.path.join(d, s + ".txt")), s) for i, s in enumerate(seqs)]
        s = mean_curve([c[0] for c in curves])
        p = mean_curve([c[1] for c in curves])
        n = mean_curve([c[2] for c in curves])
        report[name] = {"auc": float(s.mean()), "precision_at_20": float(p[20]), "norm_precision_at_020": float(n[20])}
        print(f"{name}: AUC {s.mean():.6f}  P@20 {p[20]:.6f}  NP@0.20 {n[20]:.6f}")
    if out:
        with open(out, "w") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
