#!/usr/bin/env bash
# Validates the add-in manifest against Microsoft's XML-manifest schemas (OfficeApp 1.1), offline.
#   bash scripts/validate-manifest.sh [manifest.xml]      (default: manifest.xml at the repository root)
# Needs ../shared/office-manifest-xsd (beside the repository) and xmllint (Debian: libxml2-utils). Where
# either is missing it prints "skipping: ..." and exits 0, except under CI=true, where it exits 1.
# Exit codes: 0 valid (or skipped), 1 invalid (xmllint's messages on stderr) or a required check missing
# under CI, 2 bad usage or no such manifest.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -gt 1 ]; then
  echo "usage: $0 [manifest.xml]" >&2
  exit 2
fi
manifest="${1:-$root/manifest.xml}"
xsd_dir="${SHARED_DIR:-$root/../shared}/office-manifest-xsd"
xsd="$xsd_dir/OfficeAppManifestV1_1.xsd"

skip() {
  if [ "${CI:-}" = "true" ]; then
    echo "validate-manifest: $1, and CI=true requires the schema check" >&2
    exit 1
  fi
  echo "skipping: manifest schema check: $1"
  exit 0
}

if [ ! -f "$manifest" ]; then
  echo "validate-manifest: $manifest: no such file" >&2
  exit 2
fi
[ -f "$xsd" ] || skip "$xsd not found (the schemas live in ../shared beside the repository)"
command -v xmllint >/dev/null 2>&1 || skip "xmllint is not installed (Debian/Ubuntu: apt-get install libxml2-utils)"

if xmllint --noout --nonet --schema "$xsd" "$manifest"; then
  exit 0
fi
echo "validate-manifest: $manifest does not match $xsd" >&2
exit 1
