"""A small PNG reader (8-bit RGB/RGBA, non-interlaced) for pixel checks in tests."""
import struct
import zlib


def read(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, inter = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or inter:
                raise ValueError(f"{path}: unsupported PNG layout")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line

    def px(x, y):
        r = rows[y]
        return tuple(r[x * bpp:x * bpp + 3])

    px.rows = rows  # every row's bytes, for whole-frame comparisons
    px.bpp = bpp
    return w, h, px


def differing_pixels(a, b):
    """How many pixels of two frames read by read() differ (every pixel compared)."""
    n = 0
    for ra, rb in zip(a.rows, b.rows):
        if ra != rb:
            bpp = a.bpp
            n += sum(1 for i in range(0, len(ra), bpp) if ra[i:i + 3] != rb[i:i + 3])
    return n + abs(len(a.rows) - len(b.rows)) * (len(a.rows[0]) // a.bpp if a.rows else 0)
