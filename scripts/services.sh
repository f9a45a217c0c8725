#!/usr/bin/env bash
# MariaDB and Redis for the load tests and benchmarks: installed from Debian's packages when missing,
# run on 127.0.0.1 with throw-away data under $PERFGATE_SERVICES_DIR (default /tmp/perfgate-services).
#
#   scripts/services.sh start            start both (a running one is reused); prints `export …` lines
#   scripts/services.sh stop [NAME]      stop both, or mariadb or redis alone (data kept, so a restart keeps tables)
#   scripts/services.sh restart NAME     restart mariadb or redis (the fault tests use it)
#   scripts/services.sh status           say what runs
#   scripts/services.sh clean            stop both and delete their data
#
# `eval "$(scripts/services.sh start)"` exports PERFGATE_MYSQL and PERFGATE_REDIS; the same lines are kept in
# $PERFGATE_SERVICES_DIR/env, which the tests read when the variables are not set.
set -euo pipefail

dir=${PERFGATE_SERVICES_DIR:-/tmp/perfgate-services}
mysql_port=${PERFGATE_MYSQL_PORT:-13306}
redis_port=${PERFGATE_REDIS_PORT:-16379}
user=perfgate
password=perfgate
sock="$dir/mysql.sock"

log() { echo "services: $*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local need=()
  [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
  command -v mariadb >/dev/null 2>&1 || need+=(mariadb-client)
  [ -x /usr/bin/redis-server ] || need+=(redis-server)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    as_root apt-get update -qq
    # Debian's maintainer scripts try to start the system services; ours run on their own ports.
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

mysql_ready() {
  mariadb --no-defaults -h127.0.0.1 -P"$mysql_port" -u"$user" -p"$password" -e 'SELECT 1' >/dev/null 2>&1
}

redis_ready() {
  [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" -a "$password" --no-auth-warning PING 2>/dev/null)" = PONG ]
}

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 120); do
    if $check; then return 0; fi
    sleep 0.5
  done
  log "$what did not answer within 60 s"
  return 1
}

start_mariadb() {
  if alive "$dir/mysql.pid" && mysql_ready; then
    log "mariadb already running on 127.0.0.1:$mysql_port"
    return
  fi

  mkdir -p "$dir"
  local fresh=0
  if [ ! -d "$dir/mysql/mysql" ]; then
    fresh=1
    rm -rf "$dir/mysql"
    mkdir -p "$dir/mysql"
    chown -R mysql:mysql "$dir/mysql" 2>/dev/null || true
    mariadb-install-db --no-defaults --datadir="$dir/mysql" --user=mysql --skip-test-db \
      --auth-root-authentication-method=socket >"$dir/mysql-install.log" 2>&1
  fi

  chown mysql:mysql "$dir" 2>/dev/null || true
  # Throw-away data: durability settings are relaxed, the rest is the server's defaults.
  setsid /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$dir/mysql" --socket="$sock" \
    --port="$mysql_port" --bind-address=127.0.0.1 --pid-file="$dir/mysql.pid" --skip-name-resolve \
    --log-error="$dir/mysql.err" --max-connections=500 --innodb-buffer-pool-size=256M \
    --innodb-flush-log-at-trx-commit=2 --skip-log-bin </dev/null >/dev/null 2>&1 &

  if [ $fresh -eq 1 ]; then
    for _ in $(seq 1 120); do
      [ -S "$sock" ] && mariadb --no-defaults --socket="$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
      sleep 0.5
    done
    mariadb --no-defaults --socket="$sock" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS perfgate;
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON perfgate.* TO '$user'@'%';
GRANT PROCESS ON *.* TO '$user'@'%';
FLUSH PRIVILEGES;
SQL
  fi

  wait_for mariadb mysql_ready || { tail -n 20 "$dir/mysql.err" >&2; exit 1; }
  log "mariadb on 127.0.0.1:$mysql_port"
}

start_redis() {
  if alive "$dir/redis.pid" && redis_ready; then
    log "redis already running on 127.0.0.1:$redis_port"
    return
  fi

  mkdir -p "$dir/redis"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save '' --appendonly no \
    --requirepass "$password" >/dev/null
  wait_for redis redis_ready || { tail -n 20 "$dir/redis.log" >&2; exit 1; }
  log "redis on 127.0.0.1:$redis_port"
}

stop_one() {
  local name=$1 pidfile=$2
  if alive "$pidfile"; then
    local pid
    pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
    log "$name stopped"
  fi
  rm -f "$pidfile"
}

write_env() {
  local file="$dir/env"
  {
    echo "export PERFGATE_MYSQL='Server=127.0.0.1;Port=$mysql_port;User ID=$user;Password=$password;Database=perfgate'"
    echo "export PERFGATE_REDIS='127.0.0.1:$redis_port,password=$password'"
  } >"$file.tmp"
  mv "$file.tmp" "$file"
  cat "$file"
}

case "${1:-}" in
  start)
    install_missing
    start_mariadb
    start_redis
    write_env
    ;;
  stop)
    case "${2:-both}" in
      both) stop_one redis "$dir/redis.pid"; stop_one mariadb "$dir/mysql.pid" ;;
      mariadb) stop_one mariadb "$dir/mysql.pid" ;;
      redis) stop_one redis "$dir/redis.pid" ;;
      *) echo "usage: $0 stop [mariadb|redis]" >&2; exit 2 ;;
    esac
    ;;
  restart)
    case "${2:-}" in
      mariadb) stop_one mariadb "$dir/mysql.pid"; start_mariadb ;;
      redis) stop_one redis "$dir/redis.pid"; start_redis ;;
      *) echo "usage: $0 restart mariadb|redis" >&2; exit 2 ;;
    esac
    ;;
  status)
    if alive "$dir/mysql.pid" && mysql_ready; then echo "mariadb: running on 127.0.0.1:$mysql_port"; else echo "mariadb: stopped"; fi
    if alive "$dir/redis.pid" && redis_ready; then echo "redis: running on 127.0.0.1:$redis_port"; else echo "redis: stopped"; fi
    ;;
  clean)
    stop_one redis "$dir/redis.pid"
    stop_one mariadb "$dir/mysql.pid"
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|restart mariadb|redis|status|clean" >&2
    exit 2
    ;;
esac
