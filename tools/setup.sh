#!/usr/bin/env bash
# Set up a fresh Debian machine for `book`: system fonts and tools, a virtual
# environment with the Python dependencies, the sample book's placeholder
# photos. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  fonts-noto-core fonts-noto-cjk   # Noto Sans/Serif (Vietnamese), Noto Sans/Serif CJK (SC, JP, KR)
  gettext                          # msgmerge, msgfmt for the translation catalogs
  argyll icc-profiles-free         # colprof and the FOGRA39 data for the press profile
  poppler-utils qpdf ghostscript   # pdftotext, pdffonts, pdfimages, qpdf --check, separations
  zbar-tools                       # zbarimg: the tests read the cover barcodes back
  epubcheck                        # the W3C's EPUB validator: book preflight and the tests run it on the screen EPUBs
  python3-venv
)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[dev]"

echo "setup: painting the sample book's placeholder photos"
.venv/bin/python tools/make_photos.py --spec content/photos/placeholders.yaml --out content/photos
echo "setup: done; build with: .venv/bin/book build"
