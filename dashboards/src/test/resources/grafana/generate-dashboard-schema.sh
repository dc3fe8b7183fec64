#!/usr/bin/env bash
# Regenerates dashboard.schema.json: Grafana's dashboard JSON model (the classic "schemaVersion" dashboard that
# file provisioning reads) as published in the @grafana/schema npm package, turned into JSON Schema.
#
# Grafana's source schema (CUE, kinds/dashboard) declares AnnotationQuery and AnnotationTarget open ("datasource
# will stick their raw DataQuery here"); the TypeScript the package ships drops that, so those two definitions
# are opened again after generation. Everything else is as generated.
set -euo pipefail
GRAFANA_SCHEMA_VERSION=13.2.3
GENERATOR_VERSION=2.4.0
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm install --silent --no-audit --no-fund "@grafana/schema@$GRAFANA_SCHEMA_VERSION" \
  "ts-json-schema-generator@$GENERATOR_VERSION" typescript
npx ts-json-schema-generator --no-type-check --type Dashboard \
  --path node_modules/@grafana/schema/dist/types/raw/dashboard/x/types.gen.d.ts -o generated.json
node -e '
  const fs = require("fs");
  const schema = JSON.parse(fs.readFileSync("generated.json", "utf8"));
  for (const open of ["AnnotationQuery", "AnnotationTarget"]) {
    delete schema.definitions[open].additionalProperties;
  }
  schema.$comment = "Generated from @grafana/schema '"$GRAFANA_SCHEMA_VERSION"' (dist/types/raw/dashboard/x/types.gen.d.ts, type Dashboard) by ts-json-schema-generator '"$GENERATOR_VERSION"'; AnnotationQuery and AnnotationTarget opened as in Grafana'"'"'s CUE source. See generate-dashboard-schema.sh.";
  fs.writeFileSync(process.argv[1], JSON.stringify(schema, null, 2) + "\n");
' "$here/dashboard.schema.json"
