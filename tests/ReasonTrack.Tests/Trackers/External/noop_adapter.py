"""A tracker that answers the initial box on every frame, served through the shipped adapter (standard library only:
the frames are never converted to numpy). For the bridge's tests and its per-frame overhead bench."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reasontrack_adapter import serve


class Noop:
    def initialize(self, frame, box, text):
        self.box = [float(v) for v in box]

    def update(self, frame):
        return {"box": self.box, "score": 1.0, "found": True}


serve(Noop(), name="noop")
