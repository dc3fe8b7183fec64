#!/usr/bin/env bash
# Prepares the clinical jar for a faster start: unpacks query-service/target/vigil.jar into a directory (its classes
# must be in plain jars for the JVM to share them), starts it once until its context is refreshed to list the classes
# it loads, and writes them into a class-data-sharing archive. Start Vigil from the unpacked jar with the archive:
#
#   ./class-archive.sh [directory]            # default: query-service/target/vigil-cds
#   java -XX:SharedArchiveFile=query-service/target/vigil-cds/vigil.jsa -jar query-service/target/vigil-cds/vigil.jar ...
#
# The archive belongs to this jar and this JVM: make it again after an upgrade of either (the JVM refuses a stale
# archive and starts without it, only slower). Measured start-up with and without it: BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")"
jar=query-service/target/vigil.jar
out=${1:-query-service/target/vigil-cds}
[ -f "$jar" ] || { echo "No $jar: build it first (./mvnw -q -pl query-service -am package -DskipTests)" >&2; exit 1; }

rm -rf "$out"
java -Djarmode=tools -jar "$jar" extract --destination "$out"

# The training start: an empty store of its own, no port of the clinic's; it exits once the context is refreshed.
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
AXONIQ_UPDATE_CHECKER_DISABLED=true java -XX:DumpLoadedClassList="$out/classes.lst" \
  -Dspring.context.exit=onRefresh -jar "$out/vigil.jar" --vigil.data-dir="$training" \
  --server.address=127.0.0.1 --server.port=0 --vigil.mllp.host=127.0.0.1 --vigil.mllp.port=0 >"$out/training.log" 2>&1

# Lambda proxies (lines starting with @) are left out: archiving them crashes OpenJDK 17's dump.
grep -v '^@' "$out/classes.lst" >"$out/classes-archived.lst"
java -Xshare:dump -XX:SharedClassListFile="$out/classes-archived.lst" -XX:SharedArchiveFile="$out/vigil.jsa" \
  -jar "$out/vigil.jar" >"$out/dump.log" 2>&1
echo "Archive: $out/vigil.jsa. Start with: java -XX:SharedArchiveFile=$out/vigil.jsa -jar $out/vigil.jar ..."
