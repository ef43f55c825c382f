#!/usr/bin/env bash
# The README's test command: runs every test project and prints one closing line
# "N passed, N failed, N skipped". Extra arguments go to dotnet test (e.g. --no-build).
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet test Marsad.slnx -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13 ...").
python3 - "$log" <<'PY' || true
import re, sys
p = f = s = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+),\s*Total", line)
    if m:
        f += int(m.group(1)); p += int(m.group(2)); s += int(m.group(3))
print(f"{p} passed, {f} failed, {s} skipped")
PY
rm -f "$log"
exit "$status"
