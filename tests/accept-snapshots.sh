#!/usr/bin/env bash
# Accepts every received snapshot: run it only after reading each .received.cs (git diff shows the change).
set -euo pipefail
cd "$(dirname "$0")"
found=0
while IFS= read -r -d '' received; do
  mv "$received" "${received%.received.cs}.verified.cs"
  echo "accepted ${received%.received.cs}.verified.cs"
  found=1
done < <(find . -name '*.received.cs' -print0)
[ "$found" = 1 ] || echo "no received snapshots"
