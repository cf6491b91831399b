#!/usr/bin/env bash
# Regenerates the Kiota peer of the client benchmarks from Kiota/engage.openapi.yaml.
# The tool: dotnet tool install --tool-path /tmp/kiota-tool Microsoft.OpenApi.Kiota --version 1.38.0
set -euo pipefail
cd "$(dirname "$0")"
KIOTA="${KIOTA:-/tmp/kiota-tool/kiota}"
rm -rf Kiota/Generated
KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true "$KIOTA" generate \
  --openapi Kiota/engage.openapi.yaml --language CSharp \
  --class-name KiotaEngageClient --namespace-name Engage.Bench.Kiota \
  --output Kiota/Generated --exclude-backward-compatible --clean-output --log-level Warning
rm -f Kiota/Generated/kiota-lock.json
