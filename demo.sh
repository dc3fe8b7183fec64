#!/usr/bin/env bash
# Builds Vigil and starts the demo: embedded event store under ./data, a simulated clinic of eight chairs (two left
# free for a session run by hand) sending HL7 over MLLP to the listener on :2575, and the API and live stream on http://localhost:8080.
# The demo runs from the demo module's jar; query-service/target/vigil.jar, the clinical one, has no simulator.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp -DskipTests package
export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec java -jar demo/target/vigil-demo.jar --spring.profiles.active=demo "$@"
