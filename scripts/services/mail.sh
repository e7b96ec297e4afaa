#!/usr/bin/env bash
# Frontdesk's private, loopback-only mail system for the e-mail tests (Debian packages; no systemd,
# no MTA package), started by scripts/test:
#   SMTP (aiosmtpd on 127.0.0.1) --LMTP--> Dovecot (IMAP/IMAPS on 127.0.0.1), users in passwd-files.
#
#   mail.sh start   STATE_DIR [SMTP_PORT=2525] [IMAP_PORT=1143] [IMAPS_PORT=1993] [SMTPS_PORT=2465]
#   mail.sh stop    STATE_DIR
#   mail.sh adduser STATE_DIR ADDRESS PASSWORD [ADDRESS PASSWORD ...]   (usable as soon as it returns)
#   mail.sh env     STATE_DIR      print MAIL_* variables:  eval "$(mail.sh env DIR)"
#   mail.sh status  STATE_DIR      exit 0 if running
#
# Behaviour: any domain; RCPT TO an address never added -> "550 5.1.1"; user+tag@dom -> user@dom's
# INBOX; SMTP needs no auth (AUTH PLAIN/LOGIN with mailbox credentials is offered too); STARTTLS on
# SMTP and IMAP, implicit TLS on SMTPS and IMAPS, self-signed cert STATE_DIR/tls/cert.pem. The reply
# to DATA comes after Dovecot stored the mail, so it is in the INBOX when the SMTP send returns.
# All config, mailboxes, logs and pid files live under STATE_DIR; /etc/dovecot is not used. Root only.
#
# Why not Postfix: every Debian MTA (postfix, opensmtpd, exim4, dma, even python3-aiosmtpd) conflicts
# on "mail-transport-agent", so installing one removes another that the machine may need. Debian's
# python3-aiosmtpd is therefore unpacked into STATE_DIR (apt-get download), never installed.
set -euo pipefail

PKGS=(dovecot-core dovecot-imapd dovecot-lmtpd openssl python3 python3-attr python3-public)
APT=(apt-get -o DPkg::Lock::Timeout=600 -y -q)   # other jobs may hold the apt lock
PY=/usr/bin/python3   # Debian's python: a pyenv/venv python3 on PATH lacks python3-attr/-public
VMAIL=mail            # system user owning the mailboxes (uid 8 on Debian)
WAIT_S=20             # bound for every wait
ME=${0##*/}

log() { echo "$ME: $*" >&2; }
die() { log "error: $*"; exit 1; }
usage() { sed -n '5,9s/^#   //p' "$0" >&2; exit 2; }

# ------------------------------------------------------------------ helpers
set_paths() {   # STATE_DIR [create]
  [ -n "${1:-}" ] || usage
  if [ "${2:-}" = create ]; then mkdir -p "$1"; fi
  [ -d "$1" ] || die "no such state dir: $1"
  S=$(cd "$1" && pwd -P)
  [[ $S =~ ^[A-Za-z0-9/._+-]+$ ]] || die "STATE_DIR must not contain spaces or special characters: $S"
  DC=$S/etc/dovecot.conf USERS=$S/etc/users.d RUN=$S/run LOGS=$S/log
  PYLIB=$S/lib/aiosmtpd/usr/lib/python3/dist-packages
}

installed() { dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

apt_get() {     # apt-get, retried for up to 10 min while another apt/dpkg holds a lock
  local out i   # (DPkg::Lock::Timeout covers only dpkg's lock, not apt's lists/archives locks)
  for ((i = 0; i < 120; i++)); do
    out=$("${APT[@]}" "$@" 2>&1) && return 0
    grep -qE 'Could not get lock|Unable to lock|Unable to acquire' <<<"$out" || break
    sleep 5
  done
  printf '%s\n' "$out" >&2; return 1
}

ensure_packages() {
  local p missing=() tmp
  for p in "${PKGS[@]}"; do installed "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_get update || log "apt-get update failed; trying the install anyway"
    apt_get install --no-install-recommends "${missing[@]}" || die "apt-get install failed"
    # where policy-rc.d allows it, the package starts the distro's dovecot (ports 143/993): not ours
    if [ -s /run/dovecot/master.pid ] && kill -0 "$(cat /run/dovecot/master.pid)" 2>/dev/null; then
      log "stopping the distro's dovecot service that the install started"
      invoke-rc.d dovecot stop >/dev/null 2>&1 || /etc/init.d/dovecot stop >/dev/null 2>&1 || true
    fi
  fi
  [ -f "$PYLIB/aiosmtpd/smtp.py" ] && return 0
  tmp=$(mktemp -d)
  (cd "$tmp" && { apt_get download python3-aiosmtpd 2>/dev/null ||
    { apt_get update && apt_get download python3-aiosmtpd; }; }) ||
    { rm -rf "$tmp"; die "cannot download python3-aiosmtpd"; }
  rm -rf "$S/lib/aiosmtpd"; mkdir -p "$S/lib/aiosmtpd"
  dpkg-deb -x "$tmp"/python3-aiosmtpd_*.deb "$S/lib/aiosmtpd"
  rm -rf "$tmp"
}

pid_of() {      # PIDFILE WORD -> pid if the file names a live process whose command line has WORD
  local pid
  [ -s "$1" ] && read -r pid <"$1" && [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$2" && echo "$pid"
}
dovecot_pid() { pid_of "$RUN/master.pid" "$DC"; }
smtpd_pid()   { pid_of "$RUN/smtpd.pid" "$S/etc/smtpd.py"; }
gone() { [ ! -e "/proc/$1" ] || grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }  # zombies too

banner() {      # PORT -> first line the server on 127.0.0.1:PORT sends within 2 s (empty if none)
  ( exec 3<>"/dev/tcp/127.0.0.1/$1" && IFS= read -r -t 2 l <&3 && printf '%s\n' "${l%$'\r'}" ) 2>/dev/null || true
}
port_open() { ( exec 3<>"/dev/tcp/127.0.0.1/$1" ) 2>/dev/null; }
smtp_up()   { gone "$1" && fail "the SMTP server exited"; [[ $(banner "$2") == "220 "* ]]; }
imap_up()   { [[ $(banner "$1") == "* OK"* ]]; }
dovecot_knows() {  # ADDRESS PASSWORD: userdb first (a miss costs ms, a failed login 0.5 s)
  doveadm -c "$DC" user "$1" >/dev/null 2>&1 && doveadm -c "$DC" auth test "$1" "$2" >/dev/null 2>&1
}

wait_until() {  # WHAT CMD... -> retry CMD every 0.1 s for up to WAIT_S seconds
  local what=$1 i; shift
  for ((i = 0; i < WAIT_S * 10; i++)); do "$@" && return 0; sleep 0.1; done
  fail "timed out after ${WAIT_S}s waiting for $what"
}

fail() {        # MESSAGE -> print log tails, stop a half-started instance, die
  local f
  for f in "$LOGS/start.log" "$LOGS/dovecot.log" "$LOGS/smtp.log"; do
    if [ -s "$f" ]; then echo "----- tail $f" >&2; tail -n 20 "$f" >&2; fi
  done
  if [ -n "${STARTING:-}" ]; then STARTING=; stop_all; fi
  die "$1"
}

terminate() {   # PID NAME -> SIGTERM, bounded wait, then SIGKILL
  local i
  kill -TERM "$1" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do gone "$1" && return 0; sleep 0.1; done
  log "$2 (pid $1) ignored SIGTERM for 10s; killing it"
  kill -KILL "$1" 2>/dev/null || true
}

lock() {        # serialize start/stop on one STATE_DIR (parallel test projects may both call start)
  exec 8>"$S/.lock"
  flock -w 900 8 || die "another $ME start/stop has held $S/.lock for 15 min"
}

load_ports() {
  SMTP_PORT=2525 IMAP_PORT=1143 IMAPS_PORT=1993 SMTPS_PORT=2465
  # shellcheck disable=SC1091
  if [ -f "$S/ports" ]; then . "$S/ports"; fi
}

# ------------------------------------------------------------------ config
write_config() {
  local vuid vgid
  vuid=$(id -u "$VMAIL") vgid=$(id -g "$VMAIL")
  mkdir -p "$S/etc" "$S/lib/dovecot" "$RUN" "$LOGS" "$S/mail" "$S/tls"
  chmod 755 "$S" "$S/etc"
  chown "$VMAIL:$VMAIL" "$S/mail"; chmod 750 "$S/mail"
  mkdir -p "$USERS"; chown -R root:dovecot "$USERS"; chmod 750 "$USERS"   # dovecot's auth reads them

  if [ ! -s "$S/tls/key.pem" ] || [ ! -s "$S/tls/cert.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
      -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' \
      -keyout "$S/tls/key.pem" -out "$S/tls/cert.pem" 2>/dev/null || die "openssl failed"
    chmod 600 "$S/tls/key.pem"; chmod 644 "$S/tls/cert.pem"
  fi

  cat >"$DC" <<EOF
# generated by $ME: private Dovecot instance
instance_name = dovecot-mailsh
base_dir = $RUN
state_dir = $S/lib/dovecot
log_path = $LOGS/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <$S/tls/cert.pem
ssl_key = <$S/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_format = %Lu
auth_failure_delay = 0
recipient_delimiter = +
mail_uid = $vuid
mail_gid = $vgid
first_valid_uid = $vuid
last_valid_uid = $vuid
first_valid_gid = $vgid
mail_home = $S/mail/%Ld/%Ln
mail_location = maildir:~/Maildir
mail_fsync = never
# one passwd-file per user: Dovecot stats a passwd-file at most once a second, so a new user in a
# shared file could stay unknown for up to 1 s; a new file is read at its first lookup
passdb {
  driver = passwd-file
  args = $USERS/%Lu
}
userdb {
  driver = passwd-file
  args = $USERS/%Lu
}
protocol imap {
  mail_max_userip_connections = 1000
}
protocol lmtp {
  postmaster_address = postmaster@mail.test
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
  }
}
# no auth penalty: otherwise each failed login (a test of a wrong password, adduser's wait) delays
# every later login from that IP by up to 15 s
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF

  cat >"$S/etc/smtpd.py" <<'EOF'
"""SMTP server of mail.sh: aiosmtpd on 127.0.0.1; each mail is delivered into Dovecot over LMTP
before DATA is answered. Recipients and AUTH credentials come from Dovecot's passwd-files."""
import asyncio, base64, email.utils, logging, os, re, signal, smtplib, ssl, sys
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

STATE, SMTP_PORT, SMTPS_PORT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
USERS, LMTP = f"{STATE}/etc/users.d", f"{STATE}/run/lmtp"
logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s", level=logging.INFO)
logging.getLogger("mail.log").setLevel(logging.WARNING)    # aiosmtpd's per-command chatter
log = logging.getLogger("smtp")
SAFE = re.compile(r"[a-z0-9._-]+@[a-z0-9.-]+")


def mailbox(address):                  # "Alice+tag@Desk.test" -> "alice@desk.test"
    local, _, domain = address.rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}".lower()


def password(address):                 # None: no such user (adduser writes etc/users.d/ADDRESS)
    box = mailbox(address)
    if not SAFE.fullmatch(box):
        return None
    try:
        with open(f"{USERS}/{box}") as f:
            field = f.readline().split(":")[1]
    except (FileNotFoundError, IndexError):
        return None
    return base64.b64decode(field[11:]) if field.startswith("{PLAIN.b64}") else None


def deliver(sender, rcpts, data):      # a transaction per recipient, so each copy gets Delivered-To
    with smtplib.LMTP(LMTP, local_hostname="mail.test", timeout=300) as lmtp:
        lmtp.ehlo()
        for rcpt in rcpts:
            code, text = lmtp.mail(sender)
            if code < 300:
                code, text = lmtp.rcpt(rcpt)
            if code < 300:
                code, text = lmtp.data(data)
            if code >= 300:
                return f"{code} {text.decode(errors='replace')}"
    return "250 2.0.0 OK delivered"


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if password(address) is None:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        tls = session.ssl or server.transport.get_extra_info("ssl_object")
        via = "ESMTP" + ("S" if tls else "") + ("A" if session.authenticated else "")
        received = (f"Received: from {session.host_name} ([{session.peer[0]}])\r\n\tby mail.test "
                    f"(mail.sh) with {via}; {email.utils.formatdate(localtime=True)}\r\n").encode()
        try:
            reply = await asyncio.get_running_loop().run_in_executor(
                None, deliver, envelope.mail_from, envelope.rcpt_tos, received + envelope.original_content)
        except Exception as e:         # Dovecot down etc.: temporary failure, the client may retry
            reply = f"451 4.3.0 delivery to Dovecot failed: {e}"
        log.info("from=<%s> to=%s size=%d: %s", envelope.mail_from, ",".join(envelope.rcpt_tos),
                 len(envelope.original_content), reply)
        return reply


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and \
        password(auth_data.login.decode(errors="replace")) == auth_data.password
    return AuthResult(success=ok, handled=False, auth_data=auth_data)   # handled=False: 535 on failure


class Server(SMTP):
    line_length_limit = 1 << 20        # lenient like Postfix (RFC 5321 says 1000)


async def main():
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(f"{STATE}/tls/cert.pem", f"{STATE}/tls/key.pem")

    def server(starttls):
        return Server(Handler(), hostname="mail.test", ident="mail.sh ESMTP", data_size_limit=100 << 20,
                      enable_SMTPUTF8=True, tls_context=tls if starttls else None,
                      authenticator=authenticate, auth_require_tls=False)

    loop = asyncio.get_running_loop()
    await loop.create_server(lambda: server(True), "127.0.0.1", SMTP_PORT)
    await loop.create_server(lambda: server(False), "127.0.0.1", SMTPS_PORT, ssl=tls)
    with open(f"{STATE}/run/smtpd.pid", "w") as f:
        f.write(f"{os.getpid()}\n")
    log.info("listening on 127.0.0.1:%d (STARTTLS) and :%d (TLS)", SMTP_PORT, SMTPS_PORT)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopped")


asyncio.run(main())
EOF
}

# ------------------------------------------------------------------ commands
cmd_start() {
  set_paths "${1:-}" create
  local smtp=${2:-2525} imap=${3:-1143} imaps=${4:-1993} smtps=${5:-2465} p u t0=$SECONDS
  for p in "$smtp" "$imap" "$imaps" "$smtps"; do [[ $p =~ ^[0-9]+$ ]] || die "bad port: $p"; done
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  lock
  # unix socket paths must stay below 108 bytes: Dovecot's longest is $S/run/token-login/imap-urlauth
  [ ${#S} -le 78 ] || die "STATE_DIR path too long for unix sockets (${#S} > 78 chars): $S"
  ensure_packages

  if smtpd_pid >/dev/null && dovecot_pid >/dev/null; then
    load_ports
    [ "$SMTP_PORT $IMAP_PORT $IMAPS_PORT $SMTPS_PORT" = "$smtp $imap $imaps $smtps" ] ||
      die "already running with ports $SMTP_PORT $IMAP_PORT $IMAPS_PORT $SMTPS_PORT; stop it first"
    log "already running: SMTP 127.0.0.1:$smtp, IMAP 127.0.0.1:$imap"; return 0
  fi
  mkdir -p "$LOGS"; stop_all                  # leftovers of a half-dead instance
  for p in "$smtp" "$imap" "$imaps" "$smtps"; do
    ! port_open "$p" || die "port $p on 127.0.0.1 is already in use"
  done
  SMTP_PORT=$smtp IMAP_PORT=$imap IMAPS_PORT=$imaps SMTPS_PORT=$smtps
  write_config
  for u in dovecot "$VMAIL"; do
    setpriv --reuid="$u" --regid="$u" --clear-groups test -x "$S" ||
      die "user $u cannot enter $S: make its parent directories searchable (chmod o+x)"
  done

  : >"$LOGS/start.log"; STARTING=1
  # daemons get no inherited stdout (callers' pipes close) and not the lock (fd 8)
  dovecot -c "$DC" </dev/null >>"$LOGS/start.log" 2>&1 8>&- || fail "dovecot failed to start"
  PYTHONPATH=$PYLIB setsid "$PY" "$S/etc/smtpd.py" "$S" "$smtp" "$smtps" \
    </dev/null >>"$LOGS/smtp.log" 2>&1 8>&- &
  wait_until "SMTP on port $smtp" smtp_up $! "$smtp"
  wait_until "IMAP on port $imap" imap_up "$imap"
  wait_until "IMAPS on port $imaps" port_open "$imaps"
  wait_until "SMTPS on port $smtps" port_open "$smtps"
  printf 'SMTP_PORT=%s IMAP_PORT=%s IMAPS_PORT=%s SMTPS_PORT=%s\n' "$smtp" "$imap" "$imaps" "$smtps" >"$S/ports"
  STARTING=
  log "started in $((SECONDS - t0))s: SMTP 127.0.0.1:$smtp (SMTPS $smtps), IMAP 127.0.0.1:$imap (IMAPS $imaps), state $S"
}

stop_all() {
  local pid
  if pid=$(smtpd_pid); then terminate "$pid" "SMTP server"; fi
  if pid=$(dovecot_pid); then terminate "$pid" dovecot; fi
  rm -f "$RUN/smtpd.pid" "$RUN/master.pid"   # else dovecot refuses to start if the pid is reused
}

cmd_stop() {
  [ -n "${1:-}" ] || usage
  [ -d "$1" ] || { log "nothing to stop: no $1"; return 0; }
  set_paths "$1"
  lock
  if ! smtpd_pid >/dev/null && ! dovecot_pid >/dev/null; then log "not running"; return 0; fi
  stop_all
  log "stopped"
}

cmd_adduser() {
  set_paths "${1:-}" create; shift
  if [ $# -lt 2 ] || [ $(($# % 2)) -ne 0 ]; then usage; fi
  local addrs=() passes=() i f old tmp=$S/etc/.adduser.$$
  while [ $# -ge 2 ]; do
    [[ ${1,,} =~ ^[a-z0-9._-]+@[a-z0-9]([a-z0-9.-]*[a-z0-9])?$ ]] ||
      die "bad address '$1' (local@domain of a-z 0-9 . _ -; '+' is the detail delimiter)"
    [ -n "$2" ] || die "empty password for $1"
    addrs+=("${1,,}") passes+=("$2"); shift 2
  done
  mkdir -p "$USERS"; chmod 755 "$S" "$S/etc"; chmod 750 "$USERS"
  for i in "${!addrs[@]}"; do
    f=$USERS/${addrs[i]}
    old=$(stat -c %Y "$f" 2>/dev/null || echo 0)
    # base64 keeps any password (':' too) safe in the passwd-file format
    printf '%s:{PLAIN.b64}%s::::::\n' "${addrs[i]}" "$(printf %s "${passes[i]}" | base64 -w0)" >"$tmp"
    chmod 640 "$tmp"; chgrp dovecot "$tmp" 2>/dev/null || true   # no group yet: start fixes it
    mv -f "$tmp" "$f"                          # atomic: never read half-written
    # a changed password is noticed when mtime (seconds) or size changed: make sure the mtime did
    [ "$(stat -c %Y "$f")" -gt "$old" ] || touch -d "@$((old + 1))" "$f"
  done
  dovecot_pid >/dev/null || return 0          # read at the next start
  for i in "${!addrs[@]}"; do
    wait_until "dovecot to know ${addrs[i]}" dovecot_knows "${addrs[i]}" "${passes[i]}"
  done
}

cmd_env() {
  set_paths "${1:-}"
  load_ports
  printf '%s=%q\n' MAIL_HOST 127.0.0.1 MAIL_SMTP_HOST 127.0.0.1 MAIL_SMTP_PORT "$SMTP_PORT" \
    MAIL_SMTPS_PORT "$SMTPS_PORT" MAIL_IMAP_HOST 127.0.0.1 MAIL_IMAP_PORT "$IMAP_PORT" \
    MAIL_IMAPS_PORT "$IMAPS_PORT" MAIL_TLS_CERT "$S/tls/cert.pem" MAIL_STATE_DIR "$S"
}

cmd_status() {
  set_paths "${1:-}"
  local sp dp
  sp=$(smtpd_pid || echo -) dp=$(dovecot_pid || echo -)
  echo "smtp server pid: $sp, dovecot master pid: $dp"
  [ "$sp" != - ] && [ "$dp" != - ]
}

case "${1:-}" in
  start|stop|adduser|env|status) c=$1; shift; "cmd_$c" "$@" ;;
  *) usage ;;
esac
