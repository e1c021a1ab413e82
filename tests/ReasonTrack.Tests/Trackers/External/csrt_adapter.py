"""OpenCV's CSRT (Debian python3-opencv) served through the shipped adapter: a pytracking-style wrapper, 20 lines."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cv2
from reasontrack_adapter import PytrackingAdapter, serve

cv2.setNumThreads(1)
create = getattr(cv2, "TrackerCSRT_create", None) or cv2.legacy.TrackerCSRT_create


class Csrt:
    def initialize(self, image, info):
        self.t = create()
        self.t.init(image, tuple(int(round(v)) for v in info["init_bbox"]))
        return {}

    def track(self, image, info):
        ok, box = self.t.update(image)
        return {"target_bbox": [float(v) for v in box], "found": bool(ok)}


serve(PytrackingAdapter(Csrt(), color="bgr"), name="csrt")
