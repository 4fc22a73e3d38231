# Options of perf/run (sourced). Sets the variables the other parts read.

usage() {
  cat <<'EOF'
usage: perf/run <browse|shop|flash-sale|mix|ratios|all> [options]

  --smoke            every scenario for about 30 s (all at once in one mix run) and a short ratio table
  --url URL          load a running node instead of starting one (baselines need --pg/--redis/--kafka)
  --seconds N        measured seconds of each scenario run (default 60; smoke 25)
  --warmup N         seconds of mixed traffic before the first measured run (default 30; smoke 0)
  --step-seconds N   seconds of each open-model step of the ratio loads and of each baseline point
                     (default 10; smoke 4); the latency run at 70% lasts twice as long
  --repeat N         repetitions of every measurement (default 1); the table shows medians and ranges
  --rate R           arrival rate of the scenarios (users/s, Gatling property perf.rate)
  --mix SPEC         proportions of the mix scenario (perf.mix)
  --flash-units N    units on sale in the flash sale (perf.flash.units)
  --pg HOST:PORT --redis HOST:PORT --kafka HOST:PORT
                     the servers behind --url, for the baselines and the outcome checks
  --out DIR          results folder (default perf/results/<timestamp>)
  --no-build         use target/emporium.jar as it is (the build's own smoke run)
  --classpath CP     the engine's test classpath (the build passes it; otherwise Maven computes it)
  --keep-data        keep the node's data directory (results folder, data/)
  -Dname=value       a system property for every Gatling run
EOF
}

scenario=""
smoke=false
url=""
seconds=""
warmup=""
step_seconds=""
repeat=1
pg=""
redis=""
kafka=""
out=""
build=true
classpath=""
keep_data=false
gatling_props=()

parse_options() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --smoke) smoke=true ;;
      --url) url=${2%/}; shift ;;
      --seconds) seconds=$2; shift ;;
      --warmup) warmup=$2; shift ;;
      --step-seconds) step_seconds=$2; shift ;;
      --repeat) repeat=$2; shift ;;
      --rate) gatling_props+=("-Dperf.rate=$2"); shift ;;
      --mix) gatling_props+=("-Dperf.mix=$2"); shift ;;
      --flash-units) gatling_props+=("-Dperf.flash.units=$2"); shift ;;
      --pg) pg=$2; shift ;;
      --redis) redis=$2; shift ;;
      --kafka) kafka=$2; shift ;;
      --out) out=$2; shift ;;
      --no-build) build=false ;;
      --classpath) classpath=$2; shift ;;
      --keep-data) keep_data=true ;;
      -D*) gatling_props+=("$1") ;;
      -h|--help) usage; exit 0 ;;
      -*) echo "perf/run: unknown option $1" >&2; usage >&2; exit 2 ;;
      *)
        [ -z "$scenario" ] || { echo "perf/run: one scenario only (or all)" >&2; exit 2; }
        scenario=$1 ;;
    esac
    shift
  done
  case "$scenario" in
    browse|shop|flash-sale|mix|ratios|all) ;;
    "") usage >&2; exit 2 ;;
    *) echo "perf/run: unknown scenario $scenario" >&2; usage >&2; exit 2 ;;
  esac
  if $smoke; then
    seconds=${seconds:-25}; warmup=${warmup:-0}; step_seconds=${step_seconds:-4}
  else
    seconds=${seconds:-60}; warmup=${warmup:-30}; step_seconds=${step_seconds:-10}
  fi
  for number in "$seconds" "$warmup" "$step_seconds" "$repeat"; do
    [[ "$number" =~ ^[0-9]+$ ]] || { echo "perf/run: not a whole number: $number" >&2; exit 2; }
  done
}

# The Gatling runs of a scenario argument: smoke runs every population at once in the mix.
scenario_list() {
  case "$scenario" in
    all) if $smoke; then echo "mix ratios"; else echo "browse shop flash-sale mix ratios"; fi ;;
    *) echo "$scenario" ;;
  esac
}

simulation_class() {
  case "$1" in
    browse) echo org.emporium.perf.gatling.BrowseSimulation ;;
    shop) echo org.emporium.perf.gatling.ShopSimulation ;;
    flash-sale) echo org.emporium.perf.gatling.FlashSaleSimulation ;;
    mix) echo org.emporium.perf.gatling.MixSimulation ;;
  esac
}
