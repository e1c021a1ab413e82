"""A tracker that sends masks, for the mask tests of the bridge. usage: masking_adapter.py MODE.
MODE coco: a handler of its own (standard library only) whose update replies the initial box and a COCO RLE
  compressed-string mask of the box's top-left pixel (counts computed here by the rule of pycocotools' rleToString).
MODE target_mask | segmentation | segment (need numpy, through the shipped PytrackingAdapter): the tracker answers
  box [2, 1, 3, 2]; with target_mask it also returns float probabilities (0.9 inside the box but 0.4 at its top-left
  pixel (2, 1), 0.2 outside), with
  segmentation a uint8 label map of the box, with segment nothing: the adapter's segment callable masks the box.
Frames whose index is odd get no mask in the modes target_mask and segment."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reasontrack_adapter import PytrackingAdapter, serve

mode = sys.argv[1]


def rle_string(counts):
    out = []
    for i, c in enumerate(counts):
        x = c - counts[i - 2] if i > 2 else c
        more = True
        while more:
            g = x & 0x1F
            x >>= 5
            more = (x != -1) if (g & 0x10) else (x != 0)
            if more:
                g |= 0x20
            out.append(chr(g + 48))
    return "".join(out)


class Coco:
    def initialize(self, frame, box, text):
        self.box = [float(v) for v in box]
        self.x, self.y = int(box[0]), int(box[1])

    def update(self, frame):
        w, h = frame.width, frame.height
        p = self.x * h + self.y  # column-major index of the box's top-left pixel
        return {"box": self.box, "mask": {"size": [h, w], "counts": rle_string([p, 1, w * h - p - 1])}}


class Tracker:
    def initialize(self, image, info):
        self.n = 0

    def track(self, image, info):
        import numpy as np

        self.n += 1
        out = {"target_bbox": [2, 1, 3, 2]}
        inside = np.zeros(image.shape[:2], dtype=bool)
        inside[1:3, 2:5] = True
        if mode == "target_mask" and self.n % 2 == 0:
            probs = np.where(inside, 0.9, 0.2).astype(np.float32)
            probs[1, 2] = 0.4  # below 0.5: not target, so this mask differs from the box
            out["target_mask"] = probs
        if mode == "segmentation":
            out["segmentation"] = inside.astype(np.uint8)
        return out


def segment_box(image, box):
    import numpy as np

    m = np.zeros(image.shape[:2], dtype=np.uint8)
    x, y, w, h = [int(v) for v in box]
    m[y:y + h, x:x + w] = 1
    segment_box.calls += 1
    return m if segment_box.calls % 2 == 0 else None


segment_box.calls = 0

if mode == "coco":
    serve(Coco(), name="coco")
else:
    serve(PytrackingAdapter(Tracker(), segment=segment_box if mode == "segment" else None), name=mode)
