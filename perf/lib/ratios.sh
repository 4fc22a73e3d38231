# The ratio table's measurements (sourced). Engine: RatioSimulation's open-model steps over REST
# for the highest rate held, then a run at 70% of it for latency; the relay's burst. Baselines:
# pgbench, redis-benchmark and Kafka's ProducerPerformance on the node's own servers.

readonly RATIO_CLASS=org.emporium.perf.gatling.ratio.RatioSimulation

ratio_run() {
  local status=0
  ratio_engine "$1" || status=1
  ratio_baselines "$1" || status=1
  return $status
}

ratio_engine() {
  local rep=$1 status=0
  if $smoke; then
    # one fixed, modest rate per context and the demo stock: the harness works end to end; no maximum is sought
    ratio_load hold "$rep" -Dratio.inventory.rates=50 -Dratio.cart.rates=50 -Dratio.checkout.rates=5 \
      -Dratio.stepSeconds="$step_seconds" -Dratio.warmupSeconds=2 -Dratio.carts=20 -Dratio.checkoutStock=0 || status=1
  else
    settle
    ratio_load search "$rep" -Dratio.stepSeconds="$step_seconds" -Dratio.warmupSeconds="$step_seconds" || status=1
    if [ $status -eq 0 ]; then
      local rates
      rates=$(tool hold-rates --dir "$results/gatling/ratios-search-$rep")
      settle
      # shellcheck disable=SC2086
      ratio_load hold "$rep" $rates -Dratio.stepSeconds=$((2 * step_seconds)) -Dratio.warmupSeconds=5 || status=1
    fi
  fi
  return $status
}

ratio_baselines() {
  local rep=$1 status=0
  settle
  log "baselines (repetition $rep): pgbench, redis-benchmark, Kafka ProducerPerformance; the relay's burst"
  phase start "baselines"
  tool baselines --dir "$results" --rep "$rep" --seconds "$(baseline_seconds)" $($smoke && echo --smoke) \
    --url "$url" ${pg:+--pg "$pg"} ${redis:+--redis "$redis"} ${kafka:+--kafka "$kafka"} \
    --script perf/checkout.pgbench.sql --sku-from "$ratio_sku_from" \
    --cart-sku "$(printf 'DEMO-%05d-1' "$ratio_sku_from")" || status=1
  phase end "baselines"
  return $status
}

ratio_load() {
  local label=$1 rep=$2 dir
  shift 2
  dir="$results/gatling/ratios-$label-$rep"
  log "ratio loads, $label (repetition $rep): inventory, cart, checkout over REST"
  phase start "ratios: $label"
  local status=0
  # a request out for 30 s has failed the step anyway; the run need not wait for the default 60 s
  gatling_run "ratios-$label" "$RATIO_CLASS" "$dir" -Dgatling.http.requestTimeout=30000 -Dratio.label="$label" \
    -Dratio.skuFrom="$ratio_sku_from" -Dratio.hotSku="$(printf 'DEMO-%05d-1' $((ratio_sku_from - 1)))" "$@" \
    || status=$?
  phase end "ratios: $label"
  if [ $status -ne 0 ]; then
    log "ratio loads ($label) FAILED (exit $status); last lines of $dir/gatling.log:"
    tail -n 30 "$dir/gatling.log"
  fi
  return $status
}

baseline_seconds() {
  if $smoke; then echo 1; else echo "$step_seconds"; fi
}
