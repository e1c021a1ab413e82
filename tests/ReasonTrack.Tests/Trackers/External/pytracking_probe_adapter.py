"""A pytracking-style tracker that records what it is given, served through the shipped PytrackingAdapter (needs
numpy). usage: pytracking_probe_adapter.py LOG [rgb|bgr]. One JSON line per call in LOG: the image's shape, dtype and
pixel (0, 0), the info dict at initialize, the attribute descript at track. track answers box [1, 2, 3, 4],
best_score 0.25 and a mask whose only target pixels are row 1, columns 2..4."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
from reasontrack_adapter import PytrackingAdapter, serve

log = open(sys.argv[1], "a")
color = sys.argv[2] if len(sys.argv) > 2 else "rgb"


def record(op, image, **more):
    log.write(json.dumps(dict(op=op, shape=list(image.shape), dtype=str(image.dtype), px=image[0, 0].tolist(), **more)) + "\n")
    log.flush()


class Probe:
    def initialize(self, image, info):
        record("init", image, info=info)
        return {}

    def track(self, image, info):
        record("track", image, descript=getattr(self, "descript", None))
        mask = np.zeros(image.shape[:2], dtype=np.uint8)
        mask[1, 2:5] = 1
        return {"target_bbox": [1, 2, 3, 4], "best_score": 0.25, "mask": mask}


serve(PytrackingAdapter(Probe(), color=color), name="probe")
