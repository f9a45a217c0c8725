# shellcheck shell=bash
# Sourced by the load benchmarks: the HTTP target they measure against, the same in every script.
# start_nginx DIR PORT — nginx from Debian's package, one worker process, a fixed 15-byte answer on 127.0.0.1:PORT,
# its pid file in DIR (kill "$(cat DIR/nginx.pid)" stops it). Installs wrk and nginx when missing.
start_nginx() {
  if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
  fi
  cat >"$1/nginx.conf" <<NGINX
worker_processes 1;
pid $1/nginx.pid;
error_log $1/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 10000000;
  server { listen 127.0.0.1:$2; location / { return 200 "hello perfgate\n"; } } }
NGINX
  nginx -c "$1/nginx.conf"
}
