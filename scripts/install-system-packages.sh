#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing: Chromium (browser tests), poppler-utils and
# mupdf-tools (independent PDF checks), PostgreSQL (storage tests on a real server). Does nothing when all are there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || missing+=(mupdf-tools)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
# A TrueType font for letters whose text WinAnsi cannot hold (Welsh ŵ and ŷ): chromium and poppler bring it too.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages: all present (chromium, poppler-utils, mupdf-tools, postgresql, fonts-dejavu-core)."
  exit 0
fi

echo "System packages: installing ${missing[*]} …"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "The tests need these Debian packages: ${missing[*]}." >&2
  echo "Install them as root (apt-get install -y ${missing[*]}) and run the tests again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "System packages: installed ${missing[*]}."
