#!/usr/bin/env bash
# perfgate's load generator against the reference tools, on the same loopback targets, alternating runs:
#   HTTP  nginx, 10 connections:            perfgate load  vs  wrk -t2 -c10
#   Redis GET, 50 clients, no pipelining:   perfgate run   vs  redis-benchmark -c 50 -P 1 -t get
#   MariaDB select by primary key, 10 clients: perfgate run vs  mysqlslap -c 10
# Usage: bench/load/compare.sh [ROUNDS] [SECONDS]   (defaults 3 and 5). Prints one line per run and the medians.
# The machine has 2 cores: generator and target share them, as they do on a 2-core CI runner.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
secs=${2:-5}
work=$(mktemp -d /tmp/perfgate-bench-XXXXXX)
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck source=bench/load/nginx.sh
source bench/load/nginx.sh
eval "$(scripts/services.sh start)"
dotnet build src/AfirGen.PerfGate.Cli -c Release -v q -nologo >/dev/null
perfgate="dotnet src/AfirGen.PerfGate.Cli/bin/Release/net10.0/dotnet-perfgate.dll"

start_nginx "$work" 18081

mysql_args=(--no-defaults -h127.0.0.1 -P13306 -uperfgate -pperfgate perfgate)
mariadb "${mysql_args[@]}" -e "DROP TABLE IF EXISTS bench_pk; CREATE TABLE bench_pk (id INT PRIMARY KEY, v VARCHAR(64));
  INSERT INTO bench_pk SELECT seq, CONCAT('value-', seq) FROM seq_1_to_10000;"
for n in $(seq 1 10000); do echo "SET bench:$n xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; done \
  | redis-cli -p 16379 -a perfgate --no-auth-warning --pipe >/dev/null

# mysqlslap cannot bind parameters: it cycles through 1000 primary-key selects with literal ids instead.
for n in $(seq 1 1000); do echo "SELECT v FROM bench_pk WHERE id = $(( (n * 7919) % 10000 + 1 ));"; done >"$work/pk.sql"

cat >"$work/perfgate.json" <<JSON
{ "scenarios": {
  "load": { "duration": "${secs}s", "warmup": "1s", "timeout": "5s" },
  "cache": [ { "name": "get", "connection": "env:PERFGATE_REDIS", "operation": "get", "prefix": "bench:", "keys": 10000,
               "valueSize": 100, "levels": [50], "connections": 50 } ],
  "db": [ { "name": "select_pk", "connection": "env:PERFGATE_MYSQL", "query": "SELECT v FROM bench_pk WHERE id = @id",
            "variables": { "id": { "range": [1, 10000] } }, "levels": [10], "pooled": false, "explain": "off" } ]
} }
JSON

# perfgate's figures for one benchmark: throughput, median latency in µs, and the generator's CPU per operation in µs
# over the measured phase (results.json's generatorCpu is a share of all cores).
field() {
  python3 -c "import json,os,sys; r=[b for b in json.load(open('$work/out/results.json'))['benchmarks'] if b['id']==sys.argv[1]][0]; s=r['scenario']
print(s['throughput'], r['latency']['p50']/1e3, round(s['system']['generatorCpu'] * os.cpu_count() * $secs * 1e6 / s['requests'], 1))" "$1"
}
# A reference tool's CPU per operation in µs: user + system time from GNU time, over the operations it reported.
cpu_per_op() { awk -v ops="$1" '{ printf "%.1f", ($1 + $2) * 1e6 / ops }' "$work/time"; }
timed() { /usr/bin/time -f "%U %S" -o "$work/time" "$@"; }

declare -a P_HTTP W_HTTP P_HTTP_MED W_HTTP_MED P_REDIS R_REDIS P_DB M_DB C_PH C_W C_PR C_R C_PD C_M
for round in $(seq 1 "$rounds"); do
  # HTTP: wrk's own median latency and req/s, then perfgate's, alternating.
  w=$(timed wrk -t2 -c10 -d"${secs}s" --latency http://127.0.0.1:18081/)
  wrps=$(awk '/Requests\/sec/ {print $2}' <<<"$w")
  wmed=$(awk '/^ +50%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v)} else if (v ~ /ms$/) {sub(/ms/,"",v); v*=1000}; print v}' <<<"$w")
  wcpu=$(cpu_per_op "$(awk -v r="$wrps" -v s="$secs" 'BEGIN {print r * s}')")
  $perfgate load http://127.0.0.1:18081/ -c 10 -d "${secs}s" --warmup 1s --out "$work/out" >/dev/null 2>&1 || true
  read -r prps pmed pcpu < <(field api/load@c10)
  echo "round $round http   wrk ${wrps}/s p50 ${wmed}us cpu/op ${wcpu}us | perfgate ${prps}/s p50 ${pmed}us cpu/op ${pcpu}us"
  W_HTTP+=("$wrps"); W_HTTP_MED+=("$wmed"); P_HTTP+=("$prps"); P_HTTP_MED+=("$pmed"); C_W+=("$wcpu"); C_PH+=("$pcpu")

  n=$((secs * 40000))
  r=$(timed redis-benchmark -p 16379 -a perfgate -c 50 -P 1 -t get -n "$n" -r 10000 -d 100 -q 2>/dev/null | tr '\r' '\n' | awk '/GET:/ {print $2}' | tail -1)
  rcpu=$(cpu_per_op "$n")
  $perfgate run --config "$work/perfgate.json" --category cache --out "$work/out" >/dev/null 2>&1 || true
  read -r pr _ prcpu < <(field cache/get@c50)
  echo "round $round redis  redis-benchmark ${r}/s cpu/op ${rcpu}us | perfgate ${pr}/s cpu/op ${prcpu}us"
  R_REDIS+=("$r"); P_REDIS+=("$pr"); C_R+=("$rcpu"); C_PR+=("$prcpu")

  q=$((secs * 10000))
  m=$(timed mysqlslap --no-defaults -h127.0.0.1 -P13306 -uperfgate -pperfgate --create-schema=perfgate -c 10 \
        --number-of-queries="$q" --query="$work/pk.sql" 2>/dev/null \
      | awk -v q="$q" '/Average number of seconds/ {print q / $9}')
  mcpu=$(cpu_per_op "$q")
  $perfgate run --config "$work/perfgate.json" --category db --out "$work/out" >/dev/null 2>&1 || true
  read -r pm _ pmcpu < <(field db/select_pk@c10)
  echo "round $round mysql  mysqlslap ${m}/s cpu/op ${mcpu}us | perfgate ${pm}/s cpu/op ${pmcpu}us"
  M_DB+=("$m"); P_DB+=("$pm"); C_M+=("$mcpu"); C_PD+=("$pmcpu")
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { python3 -c "print(f'{float($1)/float($2):.2f}')"; }
echo
echo "medians over $rounds rounds of ${secs}s:"
echo "http  wrk $(median "${W_HTTP[@]}")/s p50 $(median "${W_HTTP_MED[@]}")us; perfgate $(median "${P_HTTP[@]}")/s p50 $(median "${P_HTTP_MED[@]}")us;" \
     "req/s ratio $(ratio "$(median "${P_HTTP[@]}")" "$(median "${W_HTTP[@]}")"), p50 ratio $(ratio "$(median "${P_HTTP_MED[@]}")" "$(median "${W_HTTP_MED[@]}")")"
echo "redis redis-benchmark $(median "${R_REDIS[@]}")/s; perfgate $(median "${P_REDIS[@]}")/s; ratio $(ratio "$(median "${P_REDIS[@]}")" "$(median "${R_REDIS[@]}")")"
echo "mysql mysqlslap $(median "${M_DB[@]}")/s; perfgate $(median "${P_DB[@]}")/s; ratio $(ratio "$(median "${P_DB[@]}")" "$(median "${M_DB[@]}")")"
echo "cpu per operation (us): http wrk $(median "${C_W[@]}") perfgate $(median "${C_PH[@]}");" \
     "redis redis-benchmark $(median "${C_R[@]}") perfgate $(median "${C_PR[@]}"); mysql mysqlslap $(median "${C_M[@]}") perfgate $(median "${C_PD[@]}")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
