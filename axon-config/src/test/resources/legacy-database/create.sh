#!/usr/bin/env bash
# Creates legacy-database/<commit>.sql: a database as the service at that commit leaves it after a morning of use
# (feedback through every transition, a burst group decided, notifications acknowledged, a classifier re-run), so
# that tests can check that today's migrations and upcasters take over a database made by an older release.
# psql meta-commands (\restrict) are left out: the tests load the file over JDBC.
# Usage: create.sh <path to opsledger.jar built at the commit> <commit>; needs the PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
jar=$1; commit=$2; here=$(cd "$(dirname "$0")" && pwd)
db=opsledger_legacy_$$; port=18089; B=http://127.0.0.1:$port
secret=opsledger-legacy-fixture-secret-0123456789; key=opsledger-legacy-service-key
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SPRING_DATASOURCE_USERNAME=postgres \
  OPSLEDGER_SERVICE_KEY=$key OPSLEDGER_JWT_HMAC_SECRET=$secret PORT=$port \
  java -jar "$jar" > /tmp/$db.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db"' EXIT
until curl -sf $B/actuator/health > /dev/null; do sleep 1; done
token() { OPSLEDGER_JWT_HMAC_SECRET=$secret java -jar "$jar" mint-token --subject "$1" --roles "$2" --ttl PT1H; }
OP="Authorization: Bearer $(token alice operator)"; ADMIN="Authorization: Bearer $(token root admin)"
H='Content-Type: application/json'; KEY="X-Service-Key: $key"
post() { curl -sf -XPOST "$B$1" -H "$H" -H "$2" ${3:+-d "$3"}; echo; }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
submit() { post /api/v1/ingest/feedback "$KEY" "{\"submissionId\":\"$1\",\"orgId\":\"org-1\",\"workspaceId\":\"ws-1\",
  \"userId\":\"u-$1\",\"channel\":\"web\",\"message\":\"$2\",\"page\":\"/reports\",\"context\":{\"browser\":\"firefox\",\"n\":1.50}}"; }

fb() { submit "$@" | field feedbackId; }
A=$(fb s-export "Export to CSV is broken"); B1=$(fb s-export-2 "Export to CSV is broken")
C=$(fb s-slow "The dashboard takes a minute to load")
D=$(fb s-idea "Please add dark mode to the settings page")
for i in 1 2 3 4 5 6; do P=$(fb "s-probe-$i" "<script>alert(document.cookie)</script>"); done
Q=$(fb s-sql "' OR 1=1 -- show me everything")
post /api/v1/admin/feedback/$A/triage "$OP" '{"reason":"confirmed"}'
post /api/v1/admin/feedback/$A/assign "$OP" '{"assignee":"alice"}'
post /api/v1/admin/feedback/$A/start "$OP"
post /api/v1/admin/feedback/$A/complete "$OP"
post /api/v1/admin/feedback/$A/archive "$OP"
post /api/v1/admin/feedback/$A/reopen "$OP" '{"reason":"regression in 2.4"}'
post /api/v1/admin/feedback/$C/triage "$OP"
post /api/v1/admin/feedback/$C/handoff "$OP" '{"destinationTeam":"performance","note":"p95 over 40 s"}'
post /api/v1/admin/feedback/$D/reclassify "$OP" '{"securityClasses":[],"signal":"actionable","severity":"low","reason":"an idea, not a bug"}'
post /api/v1/admin/feedback/groups/$(curl -sf "$B/api/v1/admin/feedback/$B1" -H "$OP" | field groupId)/triage "$OP" \
  '{"decision":"triage","reason":"same report"}'
G=$(curl -sf "$B/api/v1/admin/feedback/$P" -H "$OP" | field groupId)
post /api/v1/admin/feedback/groups/$G/triage "$OP" '{"decision":"archive_duplicates","reason":"scanner noise"}'
post /api/v1/ingest/notifications "$KEY" '{"id":"n-1","kind":"schedule_failed","source":"scheduler","severity":"error",
  "summary":"Nightly export failed","occurredAt":"2026-11-24T01:00:00Z","details":{"job":"export"}}'
post /api/v1/ingest/notifications "$KEY" '{"id":"n-2","kind":"usage_event","source":"billing","severity":"info",
  "summary":"Usage above 80%","occurredAt":"2026-11-24T02:00:00Z"}'
N=$(curl -sf "$B/api/v1/admin/notifications?kind=schedule_failed" -H "$OP" | field notificationId)
post /api/v1/admin/notifications/acknowledge "$OP" "{\"notificationIds\":[\"$N\"]}"
post /api/v1/admin/feedback/reclassification "$ADMIN"
sleep 5   # projections and the re-run finish
kill $service; wait $service || true
pg_dump -h 127.0.0.1 -U postgres --inserts --no-owner --no-privileges "$db" | grep -v -e '^SET transaction_timeout' -e '^\\' \
  > "$here/$commit.sql"
echo "wrote $here/$commit.sql"
