#!/usr/bin/env bash
# npm run setup: everything the full test run needs on a Debian machine that has only Node and npm, then npm ci.
# Each system package is installed only when its probe fails, so a second run installs nothing. .ci/run calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
export SCARF_ANALYTICS=false

# probe command | Debian package: what needs it
probes=(
  "command -v chromium|chromium"                                # the rendered reference page test (playwright-core)
  "command -v java|openjdk-17-jre-headless"                     # openapi-generator: the drift check, validate, SDKs
  "python3 -c 'import urllib3'|python3-urllib3"                 # the generated Python SDK test
  "python3 -c 'import dateutil'|python3-dateutil"
  "python3 -c 'import six'|python3-six"
  "python3 -c 'import certifi'|python3-certifi"
  # The Go, Java and C# SDK compiles and round trips (test/sdks/go, java, csharp): Debian's toolchains and libraries.
  "command -v go|golang-go"
  "test -f /usr/share/gocode/src/golang.org/x/oauth2/oauth2.go|golang-golang-x-oauth2-dev"
  "command -v javac|openjdk-17-jdk-headless"
  "test -f /usr/share/java/okhttp.jar|libokhttp-java"
  "test -f /usr/share/java/gson.jar|libgoogle-gson-java"
  "test -f /usr/share/java/jsr305.jar|libjsr305-java"
  "test -f /usr/share/java/geronimo-annotation-1.3-spec.jar|libgeronimo-annotation-1.3-spec-java"
  "command -v mcs|mono-mcs"
  "command -v mono|mono-runtime"
  "test -f /usr/lib/mono/gac/Newtonsoft.Json/6.0.0.0__b9a188c8922137c6/Newtonsoft.Json.dll|libnewtonsoft-json-cil-dev"
  "test -f /usr/lib/mono/4.5/System.ComponentModel.DataAnnotations.dll|libmono-system-componentmodel-dataannotations4.0-cil"
  "test -f /usr/lib/mono/4.5/System.Net.Http.dll|libmono-system-net-http4.0-cil"
  "test -f /usr/lib/mono/4.5/System.Runtime.Serialization.dll|libmono-system-runtime-serialization4.0-cil"
  "command -v xmllint|libxml2-utils"                             # the verifier's JUnit output checked against its XSD
)

missing=()
for entry in "${probes[@]}"; do
  probe="${entry%|*}"
  package="${entry##*|}"
  bash -c "$probe" >/dev/null 2>&1 || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo, then run npm run setup again" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: every Debian package the tests need is already here"
fi

npm ci
