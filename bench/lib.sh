# Shared by bench/run and bench/crash: a fresh database, the packaged service started against it, tokens.
# Expects to be sourced from the repository root.

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_URL=http://127.0.0.1:$BENCH_PORT
# The service's JVM options: those of the README's production command.
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx2g}
JAR=axon-config/target/opsledger.jar
SERVICE_KEY=opsledger-bench-service-key
HMAC_SECRET=opsledger-bench-hmac-secret-of-at-least-32-bytes
STRIPE_WEBHOOK_SECRET=whsec_opsledger_bench
CONNECTOR_SECRET_KEY=b3BzbGVkZ2VyLWJlbmNoLWNvbm5lY3Rvci1zZWFsLWs=
# The local mode's published audit key pair (Ed25519): checkpoints are signed as in production.
AUDIT_SIGNING_KEY=MC4CAQAwBQYDK2VwBCIEIG/imlRRJU+afEKkuO4KNJa8wUUVaUSUVLEUUcouXnUL
AUDIT_PUBLIC_KEY=MCowBQYDK2VwAyEAHHJjkJdiCTLkqzNWePi2yX0KWfscLLIeTvCShzsRAj4=

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

ensure_jar() {
    if [ ! -f "$JAR" ] || [ -n "$(find shared-events command-side query-side axon-config -name '*.java' -newer "$JAR" -print -quit)" ]; then
        log "building the service jar"
        ./mvnw -q -B -DskipTests package
    fi
}

fresh_database() {
    DB=opsledger_bench_$(date +%s)_$$
    psql -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
    log "database $DB on $PGHOST:$PGPORT"
}

# start_service LOGFILE: starts the jar in the background against $DB and waits until it is healthy.
start_service() {
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" OPSLEDGER_SERVICE_KEY=$SERVICE_KEY \
    OPSLEDGER_JWT_HMAC_SECRET=$HMAC_SECRET OPSLEDGER_STRIPE_WEBHOOK_SECRET=$STRIPE_WEBHOOK_SECRET PORT=$BENCH_PORT \
    OPSLEDGER_CONNECTOR_SECRET_KEY=$CONNECTOR_SECRET_KEY OPSLEDGER_AUDIT_SIGNING_KEY=$AUDIT_SIGNING_KEY \
    OPSLEDGER_AUDIT_PUBLIC_KEYS=$AUDIT_PUBLIC_KEY OPSLEDGER_CONNECTOR_ALLOW_PRIVATE_ENDPOINTS=true \
        java $BENCH_JAVA_OPTS -jar "$JAR" >>"$1" 2>&1 &
    SERVICE_PID=$!
    for _ in $(seq 1 120); do
        if curl -sf "$BENCH_URL/actuator/health" >/dev/null; then
            return 0
        fi
        if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
            log "the service died on start; see $1"
            return 1
        fi
        sleep 0.5
    done
    log "the service did not become healthy; see $1"
    return 1
}

stop_service() {
    if [ -n "${SERVICE_PID:-}" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID"
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
}

token() {
    OPSLEDGER_JWT_HMAC_SECRET=$HMAC_SECRET java -jar "$JAR" mint-token --subject "bench" --roles "$1" --ttl PT4H
}

# driver MODE OPTION=VALUE...: the load driver; it measures the service's CPU unless given servicePid=0.
driver() {
    local mode=$1
    shift
    java bench/driver/LoadDriver.java "$mode" servicePid="${SERVICE_PID:-0}" "$@" url="$BENCH_URL" serviceKey=$SERVICE_KEY \
        stripeSecret=$STRIPE_WEBHOOK_SECRET
}

# wait_for_position POSITION TOKEN: until the feedback read models have processed POSITION.
wait_for_position() {
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" \
            "$BENCH_URL/api/v1/admin/feedback?limit=1&minPosition=$1")" = 200 ]; do
        sleep 0.05
    done
}

head_position() {
    psql -d "$DB" -Atc "SELECT coalesce(max(global_index), 0) FROM domain_event_entry"
}
