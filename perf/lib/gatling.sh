# Gatling runs (sourced): the JVM is launched directly with the project's classpath (no Maven per
# run), with the report's percentiles set to 50, 95, 99 and 99.9 and Gatling's analytics off.

gatling_run() {
  local name=$1 class=$2 dir=$3 reports=()
  shift 3
  if [ "${1:-}" = --no-reports ]; then
    reports=(-nr)
    shift
  fi
  mkdir -p "$dir"
  local cp="perf/gatling/target/test-classes:$(cat perf/gatling/target/gatling.classpath)" logging=()
  # the project's own logback-test.xml when it has one; else warnings only
  [ -f perf/gatling/target/test-classes/logback-test.xml ] || logging=(-Dlogback.configurationFile=perf/lib/logback-gatling.xml)
  java -Xmx1G -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
    "${logging[@]}" -Dgatling.data.enableAnalytics=false \
    -Dgatling.charting.indicators.percentile1=50 -Dgatling.charting.indicators.percentile2=95 \
    -Dgatling.charting.indicators.percentile3=99 -Dgatling.charting.indicators.percentile4=99.9 \
    -DbaseUrl="$url" -Dperf.outDir="$dir" -Dperf.resultsFolder="$dir" -Dperf.smoke="$smoke" \
    -Dperf.adminEmail=admin@emporium.local -Dperf.adminPassword="$admin_password" \
    ${pg:+-Dperf.pg.url=jdbc:postgresql://$pg/${PERF_PG_DATABASE:-postgres}} \
    -Dperf.pg.user="${PERF_PG_USER:-postgres}" -Dperf.pg.password="${PERF_PG_PASSWORD:-postgres}" \
    "$@" "${gatling_props[@]}" \
    -cp "$cp" io.gatling.app.Gatling -s "$class" -rf "$dir" -rd "$name" "${reports[@]}" >"$dir/gatling.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/gatling.pid"
  wait "$pid"
}

# Gatling JVMs still running when perf/run stops early (each run noted its pid).
stop_gatling_runs() {
  local file
  for file in "$results"/gatling/*/gatling.pid; do
    [ -f "$file" ] || continue
    stop_process "$(cat "$file")" "a Gatling run" 10
    rm -f "$file"
  done
}

# One measured business scenario: a phase in the plot, its report, its record in runs/.
scenario_run() {
  local name=$1 rep=$2 class dir status started ended
  class=$(simulation_class "$name")
  dir="$results/gatling/$name-$rep"
  settle
  log "$name (repetition $rep): $seconds s, $class"
  started=$(now_ms)
  phase start "$name"
  status=0
  gatling_run "$name" "$class" "$dir" -Dperf.seconds="$seconds" -Dperf.warmupSeconds=0 || status=$?
  phase end "$name"
  ended=$(now_ms)
  [ $status -eq 0 ] || { log "$name FAILED (exit $status); last lines of $dir/gatling.log:"; tail -n 30 "$dir/gatling.log"; }
  tool record-run --dir "$results" --run-dir "$dir" --scenario "$name" --rep "$rep" --simulation "$class" \
    --status "$status" --started "$started" --ended "$ended" --seconds "$seconds"
}

# Mixed traffic before the first measured run, without a report; its outcome is not judged.
warm_up() {
  [ "$warmup" -gt 0 ] || return 0
  log "warm-up: $warmup s of the mix"
  phase start "warm-up"
  gatling_run warm-up org.emporium.perf.gatling.MixSimulation "$results/gatling/warm-up" --no-reports \
    -Dperf.seconds="$warmup" -Dperf.warmupSeconds=0 || log "the warm-up run failed (see $results/gatling/warm-up/gatling.log)"
  phase end "warm-up"
}
