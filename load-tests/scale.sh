#!/usr/bin/env bash
# Symbol-scale load test (README "Performance", issue #4): 5,000 symbols over 20 simulated venues.
#   load-tests/scale.sh [DURATION [WARMUP]]   (default 30s per scenario, the first 10s of it left out of the
#   latency percentiles and the steady rate; results in target/scale/)
# Scenarios:
#   max-1k    1,000 strategies, 2 M events/s offered: the sustained rate is what the platform takes
#   max-10k   10,000 strategies, 2 M events/s offered
#   lat-100k  1,000 strategies at 100 k events/s: book-update and book→strategy latency
#   tier-warm / tier-hot  the default 20 symbols at 50 k events/s, SYM0000 (the busiest) warm vs pinned
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
warmup="${2:-10s}"
out=target/scale
mkdir -p "$out"
conf=conf/scenarios/symbols-5000.conf

run() { # name, then rialto run options
  local name="$1"; shift
  echo "== $name: $*" >&2
  ./rialto run --duration "$duration" --warmup "$warmup" --ops-port 0 --summary-json "$out/$name.json" "$@" > "$out/$name.log" 2>&1
}

run max-1k --config "$conf" --strategies 1000 --md-rate 2000000
run max-10k --config "$conf" --strategies 10000 --md-rate 2000000
run lat-100k --config "$conf" --strategies 1000 --md-rate 100000
run tier-warm --set rialto.health.enabled=false
run tier-hot --set rialto.health.enabled=false --set 'rialto.dispatch.hot-symbols=[SYM0000]'

python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
def us(stage, q): return stage[q] / 1000.0
print(f"{'scenario':10} {'md ev/s':>10} {'after warm-up':>13} {'ingest→book p50/p99 µs':>24} "
      f"{'book→strategy p50/p99 µs':>26} {'conflated':>9} {'heap MB':>8}")
for name in ["max-1k", "max-10k", "lat-100k", "tier-warm", "tier-hot"]:
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        print(f"{name:10} (no summary: see {out}/{name}.log)"); continue
    s = json.load(open(path))
    lat = s["latency_ns"] if "latency_ns" in s else s
    ib, bs = lat["ingest_to_book_ns"], lat["book_to_strategy_ns"]
    delivered = bs["count"]
    conflated = s.get("conflated_updates_after_warmup", s["conflated_updates"])
    rate = conflated / max(1, conflated + delivered)
    steady = s.get("md_events_per_s_after_warmup", s["md_events_per_s"])
    print(f"{name:10} {s['md_events_per_s']:>10,.0f} {steady:>13,.0f} {us(ib,'p50'):>11,.1f} /{us(ib,'p99'):>10,.1f} "
          f"{us(bs,'p50'):>12,.1f} /{us(bs,'p99'):>11,.1f} {rate:>9.1%} {s['heap_used_mb']:>8,.0f}")
PY
