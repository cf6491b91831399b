#!/usr/bin/env bash
# Fills $ENGAGE_CORPORA/<id>/ (default ../../../corpora from here, i.e. beside the clone) with the pages
# manifest.tsv pins for <id>, from a clone or bare mirror of that repository: checkout.sh <id> <git-dir>.
# Repositories too large to clone: copy each listed file at its commit by hand (see README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
id="$1"
git_dir="$2"
root="${ENGAGE_CORPORA:-$here/../../../corpora}"
mkdir -p "$root/$id"
grep -v '^#' "$here/manifest.tsv" | awk -F'\t' -v id="$id" '$1 == id { print $3 "\t" $4 }' |
while IFS=$'\t' read -r commit glob; do
  # git's pathspec glob: '*' stays within a folder, '**' crosses folders, as the scorer reads them.
  git -C "$git_dir" archive "$commit" -- ":(glob)$glob" | tar -x -C "$root/$id"
done
echo "$root/$id: $(find "$root/$id" -type f | wc -l) files"
