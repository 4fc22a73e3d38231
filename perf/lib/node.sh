# The node under load (sourced): started from the jar on the embedded default (local profile: demo
# catalog, demo exchange rates) with a fresh data directory, free ports, rate limits off and the
# sign-in limit per IP raised (every shopper signs in from the generator's address), and stopped
# with SIGTERM, also when the run fails or is interrupted.

node_pid=""
sampler_pid=""
mix_pid=""

start_node() {
  read -r http_port pg_port redis_port kafka_port cluster_port <<<"$(tool ports --count 5)"
  data_dir="$results/data"
  rm -rf "$data_dir" && mkdir -p "$data_dir/tmp"
  url="http://127.0.0.1:$http_port"
  pg="127.0.0.1:$pg_port"
  redis="127.0.0.1:$redis_port"
  kafka="127.0.0.1:$kafka_port"
  log "starting a node: $url, PostgreSQL $pg, Redis $redis, Kafka $kafka (log: $results/node.log)"
  # its own session: a Ctrl-C on perf/run must not hit the embedded servers before the node stops them
  local session=()
  command -v setsid >/dev/null && session=(setsid)
  # the node reads every EMPORIUM_* variable: only these
  "${session[@]}" env $(env | grep -o '^EMPORIUM_[A-Z0-9_]*' | sed 's/^/-u /') \
    EMPORIUM_PROFILE=local EMPORIUM_DATA_DIR="$data_dir" \
    EMPORIUM_HTTP_HOST=127.0.0.1 EMPORIUM_HTTP_PORT="$http_port" \
    EMPORIUM_EMBEDDED_POSTGRES_PORT="$pg_port" EMPORIUM_EMBEDDED_REDIS_PORT="$redis_port" \
    EMPORIUM_EMBEDDED_KAFKA_PORT="$kafka_port" \
    EMPORIUM_CLUSTER_PORT="$cluster_port" EMPORIUM_CLUSTER_PORT_AUTO_INCREMENT=false \
    EMPORIUM_CLUSTER_MEMBERS="127.0.0.1:$cluster_port" \
    EMPORIUM_RATE_LIMITS_ENABLED=false EMPORIUM_IDENTITY_LOGIN_LIMITS_PER_IP_ATTEMPTS=1000000 \
    EMPORIUM_ADMIN_PASSWORD="$admin_password" \
    java -Xmx"${PERF_NODE_HEAP:-1g}" -Djava.io.tmpdir="$data_dir/tmp" -jar target/emporium.jar \
    >"$results/node.log" 2>&1 &
  node_pid=$!
  {
    echo "node.pid=$node_pid"
    echo "node.profile=local (embedded servers, demo catalog), rate limits off, sign-in limit per IP 1000000"
    echo "node.ports=http $http_port, postgres $pg_port, redis $redis_port, kafka $kafka_port, cluster $cluster_port"
  } >>"$results/run.properties"
}

await_node() {
  local started=$SECONDS
  if ! tool wait-ready --url "$url" --timeout 300 ${node_pid:+--pid "$node_pid"} --products "$demo_products" \
      --stocked "$stocked_products"; then
    tail -n 40 "$results/node.log" >&2 || true
    exit 1
  fi
  log "node ready ($((SECONDS - started)) s more after the build)"
}

# Before a measurement: the node has worked off what the previous one left (not in smoke runs).
settle() {
  $smoke || tool settle --url "$url" --timeout 120
}

start_sampler() {
  java -Xmx128m -cp "$tool_cp" org.emporium.perf.run.PerfTool sample --url "$url" --out "$results/metrics.csv" &
  sampler_pid=$!
}

stop_process() {
  local pid=$1 name=$2 grace=$3
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$grace"); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 1
  done
  log "$name did not stop in $grace s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# On every exit: the sampler, then the node (SIGTERM: it drains and stops its embedded servers).
cleanup() {
  stop_process "$tool_pid" "a step of perf/run" 5
  stop_process "$mix_pid" "the smoke's mix" 5
  stop_gatling_runs
  stop_process "$sampler_pid" "the metrics sampler" 5
  sampler_pid=""
  if [ -n "$node_pid" ]; then
    log "stopping the node (SIGTERM)"
    stop_process "$node_pid" "the node" 90
    # had it to be killed, its embedded servers would be left in its session: end them too
    local leftover
    for leftover in $(ps -o pid= -s "$node_pid" 2>/dev/null); do
      kill -KILL "$leftover" 2>/dev/null || true
    done
    node_pid=""
    $keep_data || rm -rf "$data_dir"
  fi
}
