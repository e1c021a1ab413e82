#!/usr/bin/python3
"""Peer comparison: OpenCV's CSRT and KCF on the shared sequences (a benchmark script, not a dependency).

Prints per-sequence AUC under the OTB rule (success = fraction of frames with IoU > t for t = 0, 0.05, ..., 1;
AUC = mean of the 21 values; frames with NaN ground truth left out; frame 0 counts with the initial box) and the
frames/s of tracking work (update calls only), the same table as the C# DcfBenchmarkTable test prints for dcf.

Run: /usr/bin/python3 bench/peers/opencv_trackers.py [--shared ../shared] [--threads 1] [--sequences FILE] [--color]
--sequences: a file listing the sequences to run, one per line (e.g. bench/peers/splits/shared-heldout.txt).
--color: give the trackers the frames in colour (BGR as decoded). Default: grey frames expanded to 3 channels, as
this script always did; CSRT's colour histograms and colour names only see colour with --color.
"""
import argparse
import math
import os
import sys
import time

import cv2
import numpy as np

SEQUENCES = ["Car4", "Couple", "Crossing", "Diving", "Dog", "Football1", "KiteSurf", "bag",
             "uav_wakeboard7", "votlt_yamaha_first530"]


def iou(a, b):
    if any(math.isnan(v) for v in a) or any(math.isnan(v) for v in b):
        return float("nan")
    iw = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def otb_auc(pred, gt):
    ious = []
    for p, g in zip(pred, gt):
        if any(math.isnan(v) for v in g):
            continue
        v = iou(p, g)
        ious.append(0.0 if math.isnan(v) else v)
    ious = np.array(ious)
    return float(np.mean([np.mean(ious > t) for t in np.arange(21) * 0.05]))


def load(seq_dir, color=False):
    names = [l.strip() for l in open(os.path.join(seq_dir, "frames.txt")) if l.strip()]
    gt = []
    for l in open(os.path.join(seq_dir, "groundtruth_rect.txt")):
        if l.strip():
            gt.append([float(v) for v in l.replace("\t", ",").replace(" ", ",").split(",") if v])
    frames = []
    for n in names:
        if color:
            frames.append(cv2.imread(os.path.join(seq_dir, "img", n), cv2.IMREAD_COLOR))
            continue
        img = cv2.imread(os.path.join(seq_dir, "img", n), cv2.IMREAD_GRAYSCALE)
        # CSRT/KCF expect 3 channels; grey expanded to three adds no information.
        frames.append(cv2.cvtColor(img, cv2.COLOR_GRAY2BGR))
    return frames, gt


def create(kind):
    if kind == "CSRT":
        return cv2.TrackerCSRT_create()
    return cv2.TrackerKCF_create()


def run(kind, frames, gt):
    tracker = create(kind)
    x, y, w, h = gt[0]
    tracker.init(frames[0], (int(round(x)), int(round(y)), int(round(w)), int(round(h))))
    pred = [gt[0]]
    last = gt[0]
    elapsed = 0.0
    for f in frames[1:]:
        t0 = time.perf_counter()
        ok, box = tracker.update(f)
        elapsed += time.perf_counter() - t0
        if ok:
            last = [float(v) for v in box]
        pred.append(last)  # a failed update reports the last box, as our tracker does when not found
    return otb_auc(pred, gt), (len(frames) - 1) / elapsed


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "shared"))
    ap.add_argument("--threads", type=int, default=1, help="cv2.setNumThreads (1 = single-threaded like dcf)")
    ap.add_argument("--sequences", help="file listing the sequences to run, one per line (default: all 10)")
    ap.add_argument("--color", action="store_true", help="colour frames instead of grey expanded to 3 channels")
    args = ap.parse_args()
    seqs = SEQUENCES
    if args.sequences:
        seqs = [l.strip() for l in open(args.sequences) if l.strip() and not l.startswith("#")]
    cv2.setNumThreads(args.threads)
    root = os.path.join(args.shared, "data", "sequences")
    print(f"OpenCV {cv2.__version__}, threads={args.threads}, frames={'colour' if args.color else 'grey'}")
    print(f"{'sequence':<24}{'frames':>7}{'CSRT AUC':>10}{'CSRT fps':>10}{'KCF AUC':>10}{'KCF fps':>10}")
    sums = {"CSRT": [0.0, 0, 0.0], "KCF": [0.0, 0, 0.0]}
    for s in seqs:
        frames, gt = load(os.path.join(root, s), args.color)
        row = []
        for kind in ("CSRT", "KCF"):
            auc, fps = run(kind, frames, gt)
            sums[kind][0] += auc
            sums[kind][1] += len(frames) - 1
            sums[kind][2] += (len(frames) - 1) / fps
            row += [auc, fps]
        print(f"{s:<24}{len(frames):>7}{row[0]:>10.3f}{row[1]:>10.1f}{row[2]:>10.3f}{row[3]:>10.1f}")
        sys.stdout.flush()
    n = len(seqs)
    print(f"{'mean':<24}{'':>7}{sums['CSRT'][0] / n:>10.3f}{sums['CSRT'][1] / sums['CSRT'][2]:>10.1f}"
          f"{sums['KCF'][0] / n:>10.3f}{sums['KCF'][1] / sums['KCF'][2]:>10.1f}")


if __name__ == "__main__":
    main()
