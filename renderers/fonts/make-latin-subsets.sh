#!/bin/sh
# Makes the Latin subsets of DejaVu Sans Condensed that renderers/raster.ts rasterises text with.
# resvg lays text out against the whole font file on every picture: with the full DejaVu faces
# (~650 KB each) that took more than half of a page's time, with these subsets (~45 KB) a fifth.
# Characters outside the subsets fall back to the whole DejaVu Sans (regular and bold), which
# raster.ts also loads.
#
# Needs fontTools (Debian: apt-get install python3-fonttools). Run from the repository root:
#   sh renderers/fonts/make-latin-subsets.sh
set -eu
src=node_modules/dejavu-fonts-ttf/ttf
out=renderers/fonts
# Basic Latin, Latin-1 Supplement, Latin Extended-A, general punctuation, the euro sign, the
# trade mark sign, arrows, the minus sign, the empty set, the white diamond.
ranges="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-205E,U+20AC,U+2122,U+2190-21FF,U+2205,U+2212,U+25C7"
for face in DejaVuSansCondensed DejaVuSansCondensed-Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/$face.ttf" --unicodes="$ranges" \
    --layout-features='*' --output-file="$out/$face-Latin.ttf"
done
cp "$src/../LICENSE" "$out/LICENSE-DejaVu"
