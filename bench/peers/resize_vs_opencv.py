#!/usr/bin/python3
"""Peer comparison: our sample_target resize against OpenCV's cv2.resize(padded, (336, 336)) (INTER_LINEAR, the
default), which R1-Track's released crop code calls (infer_script/crop_image.py sample_target, generation_data/
sampling_data.py) on the same zero-padded crop. A measurement script, never a test dependency.

First write the crops (lossless PNG: the padded crop before resizing and our 336 px result):
  dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- sample-target-resize bag 5 /tmp/st-resize
  dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- sample-target-resize Car4 5 /tmp/st-resize
then: /usr/bin/python3 bench/peers/resize_vs_opencv.py /tmp/st-resize

Also: sample-target-resize random 300 /tmp/st-random (noise images, random sizes, gray and RGB) for the same script.

Prints per crop: the crop side, up/down, the largest absolute byte difference and the share of differing bytes; then
totals for upscaling (side < 336) and downscaling (side > 336).
"""
import glob
import os
import sys

import cv2
import numpy as np


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/st-resize"
    padded_files = sorted(glob.glob(os.path.join(folder, "*.padded.png")))
    if not padded_files:
        sys.exit(f"no crops in {folder}: run the sample-target-resize benchmark first")
    print(f"OpenCV {cv2.__version__}, {len(padded_files)} crops from {folder}")
    print(f"{'crop':>20} {'side':>5} {'dir':>5} {'max diff':>8} {'differing':>10}")
    totals = {}
    for padded_path in padded_files:
        stem = padded_path[: -len(".padded.png")]
        # Channel order does not matter to a per-channel resize: both files are read the same way.
        padded = cv2.imread(padded_path, cv2.IMREAD_UNCHANGED)
        ours = cv2.imread(stem + ".ours.png", cv2.IMREAD_UNCHANGED)
        out_w, out_h = ours.shape[1], ours.shape[0]
        cv = cv2.resize(padded, (out_w, out_h))  # interpolation defaults to INTER_LINEAR
        diff = np.abs(ours.astype(np.int32) - cv.astype(np.int32))
        side = padded.shape[1]
        direction = "up" if side < out_w else ("down" if side > out_w else "same")
        share = float((diff != 0).mean())
        t = totals.setdefault(direction, [0, 0, 0, 0])
        t[0] = max(t[0], int(diff.max()))
        t[1] += int((diff != 0).sum())
        t[2] += diff.size
        t[3] += 1
        print(f"{os.path.basename(stem):>20} {side:5d} {direction:>5} {int(diff.max()):8d} {share:10.4%}")
    for direction, (mx, nd, n, crops) in sorted(totals.items()):
        print(f"{direction:>5}: {crops} crops, max abs diff {mx}, differing bytes {nd} of {n} ({nd / n:.4%})")


if __name__ == "__main__":
    main()
