#!/usr/bin/env python3
"""Draws the Repower icons (PNG, standard library only) and icon.svg.

The mark: a blue tile with three rising bars on a baseline, the first in the
mining orange, the others white. Everything sits inside the central 70% so
the maskable icon survives any mask. Run from anywhere:

    python3 www/icons/make_icons.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BLUE = (0x00, 0x72, 0xB2)
ORANGE = (0xE6, 0x9F, 0x00)
WHITE = (0xFF, 0xFF, 0xFF)
# The drawing, on a 512-unit grid: (x0, y0, x1, y1, colour).
BARS = [
    (150, 280, 210, 368, ORANGE),
    (226, 224, 286, 368, WHITE),
    (302, 156, 362, 368, WHITE),
    (136, 376, 376, 392, WHITE),
]
RADIUS = 96  # corner radius of the tile ("any" icons)


def tile_coverage(px, py, size, rounded):
    """Share of pixel (px, py) inside the tile (4x4 samples near corners)."""
    if not rounded:
        return 1.0
    s = 512.0 / size
    r = RADIUS
    x0, y0 = px * s, py * s
    near = (x0 < r or x0 + s > 512 - r) and (y0 < r or y0 + s > 512 - r)
    if not near:
        return 1.0
    inside = 0
    for i in range(4):
        for j in range(4):
            x = x0 + (i + 0.5) * s / 4
            y = y0 + (j + 0.5) * s / 4
            cx = min(max(x, r), 512 - r)
            cy = min(max(y, r), 512 - r)
            if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                inside += 1
    return inside / 16.0


def rect_coverage(px, py, size, rect):
    """Exact share of pixel (px, py) covered by an axis-aligned rectangle."""
    s = 512.0 / size
    x0, y0, x1, y1 = (v / s for v in rect[:4])
    w = max(0.0, min(px + 1, x1) - max(px, x0))
    h = max(0.0, min(py + 1, y1) - max(py, y0))
    return w * h


def draw(size, rounded):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            a = tile_coverage(px, py, size, rounded)
            r, g, b = BLUE
            for rect in BARS:
                c = rect_coverage(px, py, size, rect)
                if c > 0:
                    cr, cg, cb = rect[4]
                    r, g, b = (r + (cr - r) * c, g + (cg - g) * c, b + (cb - b) * c)
            row += bytes([round(r), round(g), round(b), round(a * 255)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(w, h, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def svg():
    hexc = lambda c: "#%02X%02X%02X" % c
    bars = "".join(
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" fill="{hexc(c)}"/>'
        for x0, y0, x1, y1, c in BARS
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        f'<rect width="512" height="512" rx="{RADIUS}" fill="{hexc(BLUE)}"/>{bars}</svg>\n'
    )


def main():
    outputs = {
        "icon-32.png": (32, True),
        "icon-180.png": (180, False),  # apple-touch-icon: the system rounds it
        "icon-192.png": (192, True),
        "icon-512.png": (512, True),
        "icon-maskable-512.png": (512, False),
    }
    for name, (size, rounded) in outputs.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(draw(size, rounded))
    with open(os.path.join(HERE, "icon.svg"), "w") as f:
        f.write(svg())


if __name__ == "__main__":
    main()
