#!/usr/bin/env bash
# `make serve`: local production. A Prefect server on 127.0.0.1, the process work pool, the
# deployments of prefect.yaml (`prefect deploy --all`) and a worker, all in the foreground.
# Ctrl-C (or SIGTERM) stops the worker and the server, with their child processes.
#   PREFECT_PORT (default 4200)  REPORTFLOW_HOME (default: this checkout)  PREFECT_HOME (default ./.prefect)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIN=${BIN:-.venv/bin}
HOST=127.0.0.1
PORT=${PREFECT_PORT:-4200}
POOL=reportflow-pool
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-180}

export REPORTFLOW_HOME=${REPORTFLOW_HOME:-$PWD}
export PREFECT_HOME=${PREFECT_HOME:-$PWD/.prefect}
export PREFECT_API_URL="http://$HOST:$PORT/api"
export PREFECT_SERVER_ANALYTICS_ENABLED=false PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY=false
export DO_NOT_TRACK=1 GX_ANALYTICS_ENABLED=False PREFECT_CLI_PROMPT=false
LOGS="$PREFECT_HOME/logs"
mkdir -p "$LOGS"

pids=()
stop() {
    trap - INT TERM EXIT
    echo
    echo "serve: stopping worker and server ..."
    # Newest first (the worker, then the server); each runs in its own session, so its pid is its
    # process group: TERM the group, then KILL what is left after 10 s.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM -- "-${pids[i]}" 2>/dev/null || true
    done
    for _ in $(seq 20); do
        alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
    echo "serve: stopped"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if curl -fsS -o /dev/null "http://$HOST:$PORT/api/health" 2>/dev/null; then
    echo "serve: a Prefect server already answers on $HOST:$PORT (set PREFECT_PORT for another port)" >&2
    exit 1
fi

echo "serve: starting the Prefect server on http://$HOST:$PORT (PREFECT_HOME=$PREFECT_HOME, log $LOGS/server.log)"
t0=$SECONDS
setsid "$BIN/prefect" server start --host "$HOST" --port "$PORT" >"$LOGS/server.log" 2>&1 &
pids+=($!)
until curl -fsS -o /dev/null "http://$HOST:$PORT/api/health" 2>/dev/null; do
    if ! kill -0 "${pids[0]}" 2>/dev/null; then
        echo "serve: the server exited; last lines of $LOGS/server.log:" >&2
        tail -n 30 "$LOGS/server.log" >&2
        exit 1
    fi
    if ((SECONDS - t0 > HEALTH_TIMEOUT)); then
        echo "serve: server not healthy after ${HEALTH_TIMEOUT}s; see $LOGS/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
echo "serve: server healthy after $((SECONDS - t0)) s"

"$BIN/prefect" work-pool create "$POOL" --type process --overwrite >/dev/null
echo "serve: work pool $POOL ready; deploying prefect.yaml"
"$BIN/prefect" deploy --all

echo "serve: starting a worker (log $LOGS/worker.log; flows run from REPORTFLOW_HOME=$REPORTFLOW_HOME)"
setsid "$BIN/prefect" worker start --pool "$POOL" >"$LOGS/worker.log" 2>&1 &
pids+=($!)

cat <<EOF

  Prefect UI:   http://$HOST:$PORT            (deployments, runs, logs, schedules)
  Run now:      PREFECT_API_URL=$PREFECT_API_URL $BIN/prefect deployment run ingest-reports/ingest-reports
  CLI runs:     PREFECT_API_URL=$PREFECT_API_URL $BIN/reportflow run --inbox seeds/reports
  Stop:         Ctrl-C

EOF
# Wait until the server or the worker exits (then stop the other) or Ctrl-C.
while kill -0 "${pids[0]}" 2>/dev/null && kill -0 "${pids[1]}" 2>/dev/null; do
    sleep 1
done
echo "serve: the server or the worker exited; see $LOGS" >&2
exit 1
