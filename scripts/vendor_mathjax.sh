#!/usr/bin/env bash
# Refresh the copy of MathJax 3 that the site serves itself (no CDN).
#
# The book needs only TeX input with HTML (CHTML) output. Rather than the
# combined tex-chtml.js (1.2 MB), it serves the separate components that the
# loader in startup.js fetches in parallel (about 0.75 MB): core, TeX input,
# CHTML output with its font data, and assistive MathML for screen readers.
# Left out: the context menu (ui/menu, 0.4 MB; its speech and explorer
# options would need the 4 MB speech engine anyway), SVG output, MathML
# input. Kept: the TeX extensions loaded on first use (for macros such as
# \boldsymbol or \cancel) and the woff-v2 fonts.
# Needs npm; the result is committed, so readers never need npm.
set -euo pipefail
version="${1:-3.2.2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/docs/assets/vendor/mathjax"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "mathjax@$version" >/dev/null && tar xzf mathjax-*.tgz)
src="$work/package/es5"
rm -rf "$dest"
mkdir -p "$dest/input/tex" "$dest/output/chtml/fonts" "$dest/a11y"
cp "$src/startup.js" "$src/core.js" "$dest/"
cp "$src/input/tex.js" "$dest/input/"
cp -r "$src/input/tex/extensions" "$dest/input/tex/"
cp "$src/output/chtml.js" "$dest/output/"
cp "$src/output/chtml/fonts/tex.js" "$dest/output/chtml/fonts/"
cp -r "$src/output/chtml/fonts/woff-v2" "$dest/output/chtml/fonts/"
cp "$src/a11y/assistive-mml.js" "$dest/a11y/"
cp "$work/package/LICENSE" "$dest/LICENSE"
printf 'MathJax %s (Apache-2.0), copied from the npm package by scripts/vendor_mathjax.sh.\n' \
  "$version" > "$dest/VERSION"
echo "MathJax $version copied to $dest ($(du -sh "$dest" | cut -f1))"
