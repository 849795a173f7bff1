#!/usr/bin/env python3
"""Looks at the pages of a PDF the way a reader would, for the tests: renders each page to PNG and reports, as JSON,
the page count, each page's PNG size in pixels and bytes, whether any ink lies in the page margins, and the words
whose box runs past a margin (Chromium cuts such text off at the page's edge; pdftotext -bbox still places it).

    python3 scripts/check_pdf_pages.py FILE.pdf OUTDIR [--margin-mm 10]

With pdftoppm and pdftotext (Debian's poppler-utils; scripts/setup.sh --tests installs it) every page is rendered at 50 dpi, as PNG
for the size and as a grey-level PGM for the margins. Without it, the pages are counted in the PDF itself and the
margins are not checked ("renderer": "none" says so). Exit status 1 when ink is found in a margin.
"""
import glob
import json
import os
import re
import shutil
import struct
import subprocess
import sys

DPI = 50


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def read_pgm(path):
    data = open(path, "rb").read()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height, _ = (int(g) for g in match.groups())
    pixels = data[match.end():]
    return width, height, pixels


def ink_in_margins(path, margin_px):
    """Columns of the left and right margins holding a pixel darker than light grey: what and where."""
    width, height, pixels = read_pgm(path)
    found = []
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        for x in list(range(0, margin_px)) + list(range(width - margin_px, width)):
            if row[x] < 200:
                found.append({"x": x, "y": y})
                break
        if len(found) > 5:
            break
    return found


def words_past_margins(pdf, margin_mm):
    """Words whose box runs past the left or right margin (pdftotext -bbox): text cut off at the page's edge."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    margin = margin_mm / 25.4 * 72
    found, page = [], 0
    width = 0.0
    for line in out.splitlines():
        m = re.search(r'<page width="([\d.]+)"', line)
        if m:
            page += 1
            width = float(m.group(1))
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if m and (float(m.group(2)) > width - margin + 0.5 or float(m.group(1)) < margin - 0.5):
            found.append({"page": page, "word": m.group(3)[:40], "xMin": float(m.group(1)), "xMax": float(m.group(2))})
    return found


def main() -> int:
    pdf, out = sys.argv[1], sys.argv[2]
    margin_mm = float(sys.argv[sys.argv.index("--margin-mm") + 1]) if "--margin-mm" in sys.argv else 10.0
    os.makedirs(out, exist_ok=True)
    report = {"pages": [], "problems": []}
    if shutil.which("pdftoppm"):
        report["renderer"] = "pdftoppm"
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", pdf, os.path.join(out, "page")], check=True)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", pdf, os.path.join(out, "grey")], check=True)
        pngs = sorted(glob.glob(os.path.join(out, "page-*.png")))
        greys = sorted(glob.glob(os.path.join(out, "grey-*.pgm")))
        margin_px = int(margin_mm / 25.4 * DPI)
        for png, grey in zip(pngs, greys):
            width, height = png_size(png)
            ink = ink_in_margins(grey, margin_px)
            report["pages"].append({"png": png, "width": width, "height": height, "bytes": os.path.getsize(png),
                                    "inkInMargin": ink})
            if ink:
                report["problems"].append(f"{os.path.basename(png)}: ink in the margin at {ink[0]}")
    else:
        report["renderer"] = "none"
        count = len(re.findall(rb"/Type\s*/Page(?![s\w])", open(pdf, "rb").read()))
        report["pages"] = [{"png": None} for _ in range(count)]
    if shutil.which("pdftotext"):
        report["firstPageText"] = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], check=True,
                                                 capture_output=True, text=True).stdout
        report["wordsPastMargin"] = words_past_margins(pdf, margin_mm)
        report["problems"] += [f"page {w['page']}: “{w['word']}” runs past the margin" for w in report["wordsPastMargin"]]
    report["count"] = len(report["pages"])
    print(json.dumps(report))
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
