"""cv2's CSRT run directly (no bridge) on raw RGB frames: reference boxes for the bridge test.

usage: csrt_reference.py FRAMES.raw WIDTH HEIGHT COUNT X Y W H   -> one line 'x y w h ok' per frame after the first
"""
import sys

import cv2
import numpy as np

cv2.setNumThreads(1)
path, w, h, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
box = tuple(int(round(float(v))) for v in sys.argv[5:9])
raw = np.fromfile(path, dtype=np.uint8).reshape(count, h, w, 3)
create = getattr(cv2, "TrackerCSRT_create", None) or cv2.legacy.TrackerCSRT_create
t = create()
t.init(cv2.cvtColor(raw[0], cv2.COLOR_RGB2BGR), box)
for k in range(1, count):
    ok, b = t.update(cv2.cvtColor(raw[k], cv2.COLOR_RGB2BGR))
    print("%r %r %r %r %d" % (float(b[0]), float(b[1]), float(b[2]), float(b[3]), int(ok)))
