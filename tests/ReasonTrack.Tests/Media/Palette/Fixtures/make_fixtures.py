"""Writes small PNG fixtures with an encoder independent of ReasonTrack's (plain Python + zlib, every filter type,
Adam7, palette 1/2/4/8 bits, grey 1/2/4/8/16 bits) and records what Pillow's np.array(Image.open(f)) gives for each
(expected.json). Run with /usr/bin/python3 (numpy + Pillow). The C# tests compare our reader with Pillow's arrays."""
import json, struct, zlib, random
import numpy as np
from PIL import Image

W, H = 13, 7
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]

def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)

def pack_row(vals, depth):
    if depth == 16:
        return b''.join(struct.pack('>H', v) for v in vals)
    if depth == 8:
        return bytes(vals)
    per = 8 // depth
    out = bytearray((len(vals) * depth + 7) // 8)
    for i, v in enumerate(vals):
        out[i // per] |= v << (8 - depth * (i % per + 1))
    return bytes(out)

def paeth(a, b, c):
    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

def filt(row, prev, ftype, bpp):
    out = bytearray([ftype])
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][ftype]
        out.append((x - pred) & 0xff)
    return bytes(out)

def encode(img, depth, ctype, filters, interlace, palette=None):
    bpp = 2 if depth == 16 else 1
    raw = bytearray(); k = 0
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for (x0, y0, dx, dy) in passes:
        xs = list(range(x0, W, dx)); ys = list(range(y0, H, dy))
        if not xs or not ys: continue
        prev = bytes(len(pack_row([0] * len(xs), depth)))
        for y in ys:
            row = pack_row([int(img[y, x]) for x in xs], depth)
            raw += filt(row, prev, filters[k % len(filters)], bpp); k += 1
            prev = row
    out = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, depth, ctype, 0, 0, 1 if interlace else 0))
    if palette is not None: out += chunk(b'PLTE', palette)
    out += chunk(b'IDAT', zlib.compress(bytes(raw), 9)) + chunk(b'IEND', b'')
    return out

rng = random.Random(16)
cases = []
for ctype, depth in [(3, 1), (3, 2), (3, 4), (3, 8), (0, 1), (0, 2), (0, 4), (0, 8), (0, 16)]:
    for interlace in (False, True):
        maxv = (1 << depth) - 1
        img = np.array([[rng.randint(0, maxv) if rng.random() < 0.6 else (x * 3 + y) % (maxv + 1) for x in range(W)] for y in range(H)])
        pal = bytes(rng.randint(0, 255) for _ in range(3 * (1 << min(depth, 8)))) if ctype == 3 else None
        name = f"c{ctype}_d{depth}_{'adam7' if interlace else 'plain'}.png"
        with open(name, 'wb') as f:
            f.write(encode(img, depth, ctype, [0, 1, 2, 3, 4], interlace, pal))
        a = np.array(Image.open(name))
        cases.append({"file": name, "mode": Image.open(name).mode, "dtype": str(a.dtype), "shape": list(a.shape),
                      "values": [int(v) for v in a.astype(np.int64).ravel()]})
json.dump(cases, open('expected.json', 'w'), indent=0)
print(len(cases), 'fixtures')
