#!/usr/bin/env bash
# Renders the bundled examples as HTML and opens pages in a real headless browser (Debian's
# chromium): the DOM must hold the week table, and screenshots at desktop and phone width must be
# real images. Usage: Tests/scripts/check-html.sh ROOSTER_BINARY OUT_FOLDER
set -euo pipefail
rooster="$1"
out="$2"
rm -rf "$out" && mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --run-all-compositor-stages-before-draw --virtual-time-budget=2000)

"$rooster" render Examples/coach/school.yaml Examples/coach/timetable.json --format html --locale nl --out "$out/coach"
page="$(realpath "$out/coach/teacher-T01.html")"
dom="$("$browser" "${flags[@]}" --dump-dom "file://$page" 2>/dev/null)"
rows="$(grep -o '<tr><th>' <<<"$dom" | wc -l)"
days="$(grep -o '<th>[a-z][a-z]</th>' <<<"$dom" | wc -l)"
[ "$rows" -ge 10 ] || { echo "check-html: $page has $rows table rows in the browser's DOM"; exit 1; }
[ "$days" -eq 5 ] || { echo "check-html: $page shows $days Dutch day headers, expected 5"; exit 1; }
grep -q 'Coachgesprek' <<<"$dom" || { echo "check-html: no coach conversation on $page"; exit 1; }

for size in 1400,900 390,844; do
  png="$out/teacher-T01-${size/,/x}.png"
  "$browser" "${flags[@]}" --window-size="$size" --screenshot="$png" "file://$page" 2>/dev/null
  python3 - "$png" "$size" <<'PY'
import struct, sys
path, size = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
width, height = struct.unpack(">II", data[16:24])
expected = int(size.split(",")[0])
assert width == expected, f"{path}: {width} px wide, expected {expected}"
assert len(data) > 20_000, f"{path}: only {len(data)} bytes, the page looks empty"
print(f"check-html: {path} {width}x{height}, {len(data)} bytes")
PY
done
echo "check-html: $page renders with $rows rows and 5 days"
