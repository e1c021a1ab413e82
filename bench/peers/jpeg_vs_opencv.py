#!/usr/bin/python3
"""Peer comparison: our JPEG (what --reasoner r1track sends, quality 95 4:2:0) against OpenCV's cv.imencode(".jpg")
(R1-Track's released client, infer_script/r1track.py img2base64) on the same 336x336 crops. A measurement script,
never a test dependency.

First write the crops (lossless PNG = the pixels, and our JPEG of them):
  dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- r1track-jpeg bag 10 /tmp/r1track-jpeg
then: /usr/bin/python3 bench/peers/jpeg_vs_opencv.py /tmp/r1track-jpeg

Prints, per crop and in total: whether the quantisation tables and the sampling factors are identical, the PSNR of
each JPEG against the crop's pixels, the PSNR between the two decoded JPEGs, the largest pixel difference, and sizes.
"""
import glob
import math
import os
import struct
import sys

import cv2
import numpy as np


def segments(data):
    """(dqt tables by id, [(component id, h, v, table)]) read from the markers before the first scan."""
    tables, comps, at = {}, [], 2
    while at + 4 <= len(data):
        marker = data[at + 1]
        if marker in (0xDA, 0xD9):
            break
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        seg = data[at + 4:at + 2 + length]
        if marker == 0xDB:
            i = 0
            while i < len(seg):
                precision, tid = seg[i] >> 4, seg[i] & 15
                n = 64 * (2 if precision else 1)
                tables[tid] = bytes(seg[i + 1:i + 1 + n])
                i += 1 + n
        elif marker == 0xC0:
            for c in range(seg[5]):
                comps.append((seg[6 + 3 * c], seg[7 + 3 * c] >> 4, seg[7 + 3 * c] & 15, seg[8 + 3 * c]))
        at += 2 + length
    return tables, comps


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10 * math.log10(255.0 ** 2 / mse)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/r1track-jpeg"
    pngs = sorted(p for p in glob.glob(os.path.join(folder, "*.png")))
    if not pngs:
        sys.exit(f"no crops in {folder}: run the r1track-jpeg benchmark first")
    print(f"OpenCV {cv2.__version__}, {len(pngs)} crops from {folder}")
    print(f"{'crop':>6} {'tables':>7} {'sampling':>9} {'ours dB':>8} {'cv dB':>8} {'ours-cv dB':>10} {'max diff':>8} {'ours B':>7} {'cv B':>7}")
    totals = []
    for png in pngs:
        stem = png[:-4]
        pixels = cv2.imread(png, cv2.IMREAD_COLOR)  # BGR, as the released client holds its crops
        ours_bytes = open(stem + ".ours.jpg", "rb").read()
        ok, cv_buf = cv2.imencode(".jpg", pixels)
        cv_bytes = cv_buf.tobytes()
        t_ours, c_ours = segments(ours_bytes)
        t_cv, c_cv = segments(cv_bytes)
        same_tables = [t_ours[c[3]] for c in c_ours] == [t_cv[c[3]] for c in c_cv]
        same_sampling = [(c[1], c[2]) for c in c_ours] == [(c[1], c[2]) for c in c_cv]
        ours = cv2.imdecode(np.frombuffer(ours_bytes, np.uint8), cv2.IMREAD_COLOR)
        cv = cv2.imdecode(cv_buf, cv2.IMREAD_COLOR)
        row = (psnr(ours, pixels), psnr(cv, pixels), psnr(ours, cv), int(np.abs(ours.astype(int) - cv.astype(int)).max()),
               len(ours_bytes), len(cv_bytes))
        totals.append(row)
        print(f"{os.path.basename(stem):>6} {str(same_tables):>7} {str(same_sampling):>9} {row[0]:8.2f} {row[1]:8.2f} {row[2]:10.2f} {row[3]:8d} {row[4]:7d} {row[5]:7d}")
    m = np.array(totals, dtype=np.float64)
    print(f"{'mean':>6} {'':>7} {'':>9} {m[:, 0].mean():8.2f} {m[:, 1].mean():8.2f} {m[:, 2].mean():10.2f} {int(m[:, 3].max()):8d} {m[:, 4].mean():7.0f} {m[:, 5].mean():7.0f}")


if __name__ == "__main__":
    main()
