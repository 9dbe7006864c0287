#!/usr/bin/env bash
# Renders the bundled examples as HTML and opens pages in a real headless browser (Debian's
# chromium): the DOM must hold the week table, the Dutch quality report its totals and charts, the
# school calendar its holidays and the day overview its rows, and screenshots at desktop and phone
# width must be real images. Usage: Tests/scripts/check-html.sh ROOSTER_BINARY OUT_FOLDER
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

# The bioritme example in Dutch: the report, the calendar of 2026-27 and a day overview.
"$rooster" render Examples/bioritme/school.yaml Examples/bioritme/timetable.json --format html --locale nl --out "$out/bioritme"
report="$(realpath "$out/bioritme/report.html")"
dom="$("$browser" "${flags[@]}" --dump-dom "file://$report" 2>/dev/null)"
charts="$(grep -o '<svg class="chart"' <<<"$dom" | wc -l)"
[ "$charts" -ge 4 ] || { echo "check-html: $report shows $charts charts, expected at least 4"; exit 1; }
for text in 'class="cards"' 'Tussenuren docenten' 'Lokaalbezetting per uur' 'Onderwijstijd in uren per jaar' 'norm 940'; do
  grep -q "$text" <<<"$dom" || { echo "check-html: '$text' missing on $report"; exit 1; }
done
grep -q 'Herfstvakantie' "$out/bioritme/calendar.html" || { echo "check-html: no holiday in calendar.html"; exit 1; }
overview="$("$browser" "${flags[@]}" --dump-dom "file://$(realpath "$out/bioritme/day-tue.html")" 2>/dev/null)"
teachers="$(grep -o '<tr><th>T[0-9]*</th>' <<<"$overview" | wc -l)"
[ "$teachers" -eq 34 ] || { echo "check-html: the day overview shows $teachers teachers, expected 34"; exit 1; }

shots=("$page" 1400,900 "$page" 390,844 "$report" 1400,1500 "$(realpath "$out/bioritme/group-2M1.html")" 1400,700)
for ((i = 0; i < ${#shots[@]}; i += 2)); do
  target="${shots[i]}"
  size="${shots[i + 1]}"
  png="$out/$(basename "$target" .html)-${size/,/x}.png"
  "$browser" "${flags[@]}" --window-size="$size" --screenshot="$png" "file://$target" 2>/dev/null
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
echo "check-html: $page renders with $rows rows and 5 days; the Dutch report with $charts charts; the day overview with $teachers teachers"
