#!/usr/bin/env bash
# Refresh the copy of MathJax 3 that the site serves itself (no CDN).
#
# The book needs only TeX input with HTML (CHTML) output: the combined
# component tex-chtml.js, the TeX extensions it loads on first use (for
# macros such as \boldsymbol or \cancel) and the woff-v2 fonts. Everything
# else in the npm package (SVG output, MathML input, speech) is left out.
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
mkdir -p "$dest/input/tex" "$dest/output/chtml/fonts"
cp "$src/tex-chtml.js" "$dest/"
cp -r "$src/input/tex/extensions" "$dest/input/tex/"
cp -r "$src/output/chtml/fonts/woff-v2" "$dest/output/chtml/fonts/"
cp "$work/package/LICENSE" "$dest/LICENSE"
printf 'MathJax %s (Apache-2.0), copied from the npm package by scripts/vendor_mathjax.sh.\n' \
  "$version" > "$dest/VERSION"
echo "MathJax $version copied to $dest ($(du -sh "$dest" | cut -f1))"
