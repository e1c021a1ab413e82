"""A child that misbehaves on purpose, for the bridge's failure tests (standard library only).

usage: faulty_adapter.py MODE FRAME [--width W] [--chatty] [--once FILE] [--log TEXT_LOG]
  MODE crash:   exits with code 3 on the update of 1-based frame FRAME, after two lines on stderr
       hang:    reads the update of frame FRAME and never answers
       garbage: answers the update of frame FRAME with a line that is not the protocol
       error:   answers the update of frame FRAME with an error reply
       version: answers hello with protocol version 99
       ok:      behaves: answers the initial box shifted right by the 1-based frame number
  --width W: misbehave only on frames W pixels wide (one sequence of several); others behave as 'ok'.
  --chatty: writes 'faulty_adapter: loading weights' to stderr at start (what a PyTorch tracker does).
  --once FILE: misbehave only while FILE does not exist (it is created then): a rerun with the same command behaves.
  TEXT_LOG, when given, receives one line per frame: the 1-based frame and the description in force ("-" for none).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reasontrack_adapter as ra

p = argparse.ArgumentParser()
p.add_argument("mode")
p.add_argument("frame", type=int)
p.add_argument("--width", type=int)
p.add_argument("--once")
p.add_argument("--chatty", action="store_true")
p.add_argument("--log")
args = p.parse_args()
mode, at = args.mode, args.frame
log = open(args.log, "a") if args.log else None
if args.chatty:
    print("faulty_adapter: loading weights", file=sys.stderr, flush=True)
out = os.fdopen(os.dup(1), "wb", buffering=0)
os.dup2(2, 1)
sys.stdout = sys.stderr


class Faulty:
    text = None

    def initialize(self, frame, box, text):
        self.box, self.text = [float(v) for v in box], text
        self.note(frame)

    def set_text(self, text):
        self.text = text

    def note(self, frame):
        if log:
            log.write("%d %s\n" % (frame.index + 1, "-" if self.text is None else self.text))
            log.flush()

    def update(self, frame):
        self.note(frame)
        n = frame.index + 1
        if n == at and (args.width is None or frame.width == args.width) and not (args.once and os.path.exists(args.once)):
            if args.once:
                open(args.once, "w").close()
            print("faulty_adapter: line one before trouble", file=sys.stderr)
            print("faulty_adapter: %s at frame %d" % (mode, n), file=sys.stderr)
            sys.stderr.flush()
            if mode == "crash":
                os._exit(3)
            if mode == "hang":
                sys.stdin.buffer.read()  # until the host gives up and stops us
                os._exit(0)
            if mode == "garbage":
                out.write(b"Traceback? this is not JSON\n")  # the host reads this line as the reply
            if mode == "error":
                raise RuntimeError("the model ran out of memory")
        x, y, w, h = self.box
        return {"box": [x + n, y, w, h], "score": 0.5, "found": True}


class Out:
    def write(self, b):
        if mode == "version" and b.startswith(b'{"op":"hello"'):
            b = b.replace(b'"version":1', b'"version":99')
        return out.write(b)


ra.serve(Faulty(), name="faulty", stdout=Out())
