# Building what perf/run runs (sourced): the engine's jar and classpath, the Java half of perf/run
# (perf/lib/java, compiled into target/perf-run) and the Gatling project.

mvn_quiet() {
  local offline=()
  # the build's smoke run passes its own offline setting; PERF_MAVEN_ARGS: any other Maven arguments
  [ "${PERF_MAVEN_SETTINGS:-}" = offline=true ] && offline=(-o)
  # shellcheck disable=SC2086
  mvn -B -q "${offline[@]}" ${PERF_MAVEN_ARGS:-} "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'  # -q still prints colour resets
}

build_engine() {
  if $build; then
    log "building the engine (mvn package)"
    mvn_quiet -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/perf-run.classpath \
      -Dmdep.includeScope=test
  fi
  [ -f target/emporium.jar ] || { echo "perf/run: target/emporium.jar is missing (run without --no-build)" >&2; exit 1; }
  if [ -n "$classpath" ]; then
    engine_cp=$classpath
  else
    if [ ! -f target/perf-run.classpath ] || [ pom.xml -nt target/perf-run.classpath ]; then
      mvn_quiet dependency:build-classpath -Dmdep.outputFile=target/perf-run.classpath -Dmdep.includeScope=test
    fi
    engine_cp="target/classes:$(cat target/perf-run.classpath)"
  fi
  local classes=target/perf-run/classes
  if [ ! -f "$classes/org/emporium/perf/run/PerfTool.class" ] \
      || [ -n "$(find perf/lib/java -name '*.java' -newer "$classes/org/emporium/perf/run/PerfTool.class")" ]; then
    rm -rf "$classes" && mkdir -p "$classes"
    javac -nowarn -d "$classes" -cp "$engine_cp" $(find perf/lib/java -name '*.java')
  fi
  tool_cp="$classes:$engine_cp"
}

# The Gatling project, compiled with its classpath written beside it (runs in the background).
build_gatling() {
  mvn_quiet -f perf/gatling/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/gatling.classpath -Dmdep.includeScope=test
}

# In the background and waited for: a Ctrl-C then reaches perf/run's trap at once (a JVM that
# exits on SIGINT by itself would otherwise make bash carry on).
tool_pid=""
tool() {
  local status=0
  java -Xmx512m -cp "$tool_cp" org.emporium.perf.run.PerfTool "$@" &
  tool_pid=$!
  wait "$tool_pid" || status=$?
  tool_pid=""
  return $status
}

# Installs a baseline's tool when missing (full runs only, as the per-context perf scripts do).
install_tools() {
  $smoke && return 0
  command -v apt-get >/dev/null || return 0
  local packages=()
  command -v pgbench >/dev/null || packages+=(postgresql-client)
  command -v redis-benchmark >/dev/null || packages+=(redis-tools)
  if [ ${#packages[@]} -gt 0 ]; then
    log "installing ${packages[*]}"
    apt-get update -qq && apt-get install -y -qq "${packages[@]}" || log "could not install ${packages[*]}"
  fi
}
