"""ReasonTrack's external-tracker adapter (protocol version 1, docs/tracker-protocol.md).

Wraps any tracker with pytracking's contract -- ``initialize(image, info) -> dict`` and
``track(image, info) -> {'target_bbox': [x, y, w, h], ...}`` on RGB numpy images (OSTrack, DUTrack, SeqTrack, ...) --
and serves it to ReasonTrack over stdin/stdout::

    from reasontrack_adapter import PytrackingAdapter, serve
    serve(PytrackingAdapter(my_tracker), name="ostrack")

Run it as ``reasontrack run --tracker external --set command="python3 my_adapter.py"``.

Standard library + numpy only. numpy is imported lazily, on the first frame a PytrackingAdapter converts, so the
protocol part (``serve`` with a handler of your own that takes a ``Frame``) runs without it.

Descriptions (seed-facts 9.1): at initialize the text goes in ``info['init_nlp']`` (pytracking VL trackers) and in
``info['class']`` (DUTrack); a later description (``text`` request) is set as the tracker's attribute ``descript``,
which DUTrack reads on every frame. Timing: every reply carries ``ms`` (the wrapped call's own milliseconds); the
``close`` reply carries the totals.

Anything the tracker prints goes to stderr (stdout is the protocol channel: file descriptor 1 is redirected to 2).
"""

import json
import os
import sys
import time

PROTOCOL_VERSION = 1


class ProtocolError(Exception):
    """The host sent something this adapter does not understand."""


class Frame:
    """One frame off the pipe: ``data`` holds height*width*channels bytes, rows top to bottom, channels interleaved
    (``format`` 'rgb24': R, G, B; 'gray8': one channel). ``index`` is 0-based."""

    __slots__ = ("index", "width", "height", "channels", "format", "data")

    def __init__(self, index, width, height, channels, fmt, data):
        self.index, self.width, self.height, self.channels, self.format, self.data = index, width, height, channels, fmt, data

    def numpy(self, color="rgb"):
        """The frame as an HxWx3 uint8 numpy array in ``color`` order ('rgb' for pytracking, 'bgr' for OpenCV);
        gray frames are repeated to three channels."""
        import numpy as np  # lazily: the protocol itself needs only the standard library

        a = np.frombuffer(self.data, dtype=np.uint8).reshape(self.height, self.width, self.channels)
        if self.channels == 1:
            return np.repeat(a, 3, axis=2)
        if color == "bgr":
            return np.ascontiguousarray(a[:, :, ::-1])
        if color != "rgb":
            raise ValueError("color must be 'rgb' or 'bgr'")
        return a


def encode_mask(mask):
    """Run-length counts of a HxW mask (row-major, runs of 0 then 1 alternating, starting with 0) for the ``mask``
    field of a reply. Any HxW (or HxWx1) array: booleans and integers are target where non-zero (a pytracking label
    map of one object), floats where > 0.5 (probabilities)."""
    import numpy as np

    a = np.asarray(mask)
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[:, :, 0]
    if a.ndim != 2:
        raise ValueError("a mask must be HxW, got shape %r" % (a.shape,))
    mask = a
    m = (a > 0.5) if np.issubdtype(a.dtype, np.floating) else (a != 0)
    m = m.ravel()
    change = np.flatnonzero(m[1:] != m[:-1]) + 1
    bounds = np.concatenate(([0], change, [m.size]))
    counts = np.diff(bounds).tolist()
    if m.size and m[0]:
        counts.insert(0, 0)
    h, w = np.asarray(mask).shape[:2]
    return {"width": int(w), "height": int(h), "counts": [int(c) for c in counts]}


class PytrackingAdapter:
    """A handler for ``serve`` around a pytracking-style tracker.

    color: the channel order the tracker wants ('rgb' for pytracking, 'bgr' for OpenCV trackers).
    text_attribute: the attribute a later description is written to (DUTrack's ``descript``); None to ignore updates.
    segment: optional ``segment(image, box) -> HxW mask`` called on every tracked frame whose tracker output has no
        mask, with the same image the tracker got and its box [x, y, w, h] (e.g. SAM / SAM 2 prompted with the box).

    Masks in the tracker's output are forwarded from the keys ``mask``, ``target_mask`` or ``segmentation`` (the first
    present; pytracking's segmentation trackers return ``segmentation``).
    """

    MASK_KEYS = ("mask", "target_mask", "segmentation")

    def __init__(self, tracker, color="rgb", text_attribute="descript", segment=None):
        self.tracker = tracker
        self.color = color
        self.text_attribute = text_attribute
        self.segment = segment
        self.text = None

    def initialize(self, frame, box, text):
        info = {"init_bbox": list(box)}
        if text is not None:
            self.text = text
            info["init_nlp"] = text  # pytracking VL trackers
            info["class"] = text  # DUTrack (seed-facts 9.1)
        self.tracker.initialize(frame.numpy(self.color), info)

    def set_text(self, text):
        self.text = text
        if self.text_attribute:
            setattr(self.tracker, self.text_attribute, text)

    def update(self, frame):
        image = frame.numpy(self.color)
        out = self.tracker.track(image, {})
        reply = {"box": [float(v) for v in out["target_bbox"]]}
        for key in ("score", "best_score", "conf_score"):
            if out.get(key) is not None:
                reply["score"] = float(out[key])
                break
        if "found" in out:
            reply["found"] = bool(out["found"])
        mask = next((out[k] for k in self.MASK_KEYS if out.get(k) is not None), None)
        if mask is None and self.segment is not None:
            mask = self.segment(image, list(reply["box"]))
        if mask is not None:
            reply["mask"] = encode_mask(mask)
        return reply


def _read_exactly(stream, n):
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = stream.readinto(view[got:])
        if not k:
            raise EOFError("the host closed the pipe inside a frame")
        got += k
    return buf


def _frame(msg, stdin):
    w, h, c, n = int(msg["width"]), int(msg["height"]), int(msg["channels"]), int(msg["bytes"])
    if msg.get("format") not in ("rgb24", "gray8") or n != w * h * c:
        raise ProtocolError("bad frame header: %r" % (msg,))
    return Frame(int(msg.get("frame", 0)), w, h, c, msg["format"], _read_exactly(stdin, n))


def serve(handler, name=None, stdin=None, stdout=None):
    """Answers the host's requests until ``close`` or end of input. ``handler`` has ``initialize(frame, box, text)``,
    ``update(frame) -> {'box': [x, y, w, h], 'score'?, 'found'?, 'mask'?}``, optionally ``set_text(text)`` and
    ``close() -> dict``. Exceptions in the handler are reported as ``error`` replies (the host fails the sequence)."""
    if stdout is None:
        stdout = os.fdopen(os.dup(1), "wb", buffering=0)
        os.dup2(2, 1)  # prints (Python or C) of the tracker go to stderr, not into the protocol
        sys.stdout = sys.stderr
    if stdin is None:
        stdin = sys.stdin.buffer

    def reply(obj):
        stdout.write(json.dumps(obj, separators=(",", ":")).encode("utf-8") + b"\n")
        if hasattr(stdout, "flush"):
            stdout.flush()

    calls, total_ms = 0, 0.0
    while True:
        line = stdin.readline()
        if not line:
            return
        try:
            msg = json.loads(line)
            op = msg.get("op")
            if op == "hello":
                reply({"op": "hello", "version": PROTOCOL_VERSION, "name": name or type(handler).__name__})
                continue
            if op in ("init", "update"):
                frame = _frame(msg, stdin)
            t0 = time.perf_counter()
            if op == "init":
                handler.initialize(frame, msg["box"], msg.get("text"))
                out = {"ok": True}
            elif op == "update":
                out = handler.update(frame)
            elif op == "text":
                if hasattr(handler, "set_text"):
                    handler.set_text(msg.get("text"))
                out = {"ok": True}
            elif op == "close":
                extra = handler.close() if hasattr(handler, "close") else None
                out = {"ok": True, "calls": calls, "total_ms": round(total_ms, 3)}
                if extra:
                    out.update(extra)
                reply(out)
                return
            else:
                raise ProtocolError("unknown op %r" % (op,))
            ms = (time.perf_counter() - t0) * 1000.0
            if op != "text":
                calls += 1
                total_ms += ms
            out["ms"] = round(ms, 3)
            reply(out)
        except (EOFError, BrokenPipeError):
            return
        except Exception as e:  # reported to the host, which fails the sequence with this message
            import traceback

            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()
            reply({"error": "%s: %s" % (type(e).__name__, e)})
