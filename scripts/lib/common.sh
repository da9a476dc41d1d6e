# shellcheck shell=bash
# Shared helpers for the scripts in scripts/. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# It only defines functions; it changes no shell options of its caller.

# Print to stderr, prefixed with the calling script's name.
info() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# A section header that stands out in long CI logs.
section() {
    printf '\n==================== %s ====================\n' "$*"
}

# The toolchain lives in /opt/swift; CI's environment may not have it on PATH.
ensure_swift_on_path() {
    if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || die "swift not found (looked on PATH and in /opt/swift/usr/bin)"
}

# apt-get install the given packages, through sudo (never prompting) when not
# root. 'apt-get update' runs at most once per script run: a fresh machine has
# no package lists, and updating again is slow.
_RAAYA_APT_UPDATED=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "need to install $* but apt-get is not available"
    local -a as_root=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "need to install $* but not running as root and no sudo; install it by hand"
        sudo -n true 2>/dev/null || die "need to install $* but sudo asks for a password; install it by hand"
        as_root=(sudo -n)
    fi
    if [[ $_RAAYA_APT_UPDATED -eq 0 ]]; then
        info "apt-get update"
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        _RAAYA_APT_UPDATED=1
    fi
    info "apt-get install -y $*"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# need_cmd COMMAND [PACKAGE]: install PACKAGE (default: COMMAND) if COMMAND is missing.
need_cmd() {
    local cmd=$1 pkg=${2:-$1}
    command -v "$cmd" >/dev/null 2>&1 && return 0
    apt_install "$pkg"
    command -v "$cmd" >/dev/null 2>&1 || die "installed $pkg but '$cmd' is still missing"
}

# The Python packages the tests talk through (scripts/requirements-test.txt):
# pip-installs the file when one of them is missing.
ensure_test_python_packages() {
    need_cmd python3
    python3 -c 'import aiosmtpd, selenium, websockets' 2>/dev/null && return 0
    section "Installing the tests' Python packages (scripts/requirements-test.txt)"
    python3 -m pip install --quiet --disable-pip-version-check \
        -r "$(dirname "${BASH_SOURCE[0]}")/../requirements-test.txt" ||
        die "could not install scripts/requirements-test.txt with pip"
    python3 -c 'import aiosmtpd, selenium, websockets' || die "installed scripts/requirements-test.txt, still missing a package"
}

# free_port [PREFERRED]: print a TCP port on 127.0.0.1 that nothing is bound to.
# PREFERRED is used when it is free (stable ports make logs easier to read);
# otherwise the kernel picks one. Binding (not just connecting) is the real test.
free_port() {
    python3 - "${1:-0}" <<'PY'
import socket, sys

def try_bind(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # As servers do (NIO, PostgreSQL): else a port in TIME_WAIT from the last
    # run looks taken.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
        return s.getsockname()[1]
    except OSError:
        return None
    finally:
        s.close()

preferred = int(sys.argv[1])
port = (try_bind(preferred) if preferred else None) or try_bind(0)
print(port)
PY
}

# cpu_ticks PID: user+system CPU time of PID, in clock ticks (see getconf CLK_TCK).
# Fields 14 and 15 of /proc/PID/stat; the command name (field 2) may contain
# spaces, so split after its closing parenthesis.
cpu_ticks() {
    local stat rest
    stat=$(<"/proc/$1/stat")
    rest=${stat##*) }
    # rest starts at field 3 (state): utime is field 14 -> word 12, stime -> word 13.
    awk '{ print $12 + $13 }' <<<"$rest"
}

# alive PID: true while PID runs and is not a zombie (a killed child we have
# not yet waited for still has a /proc entry, in state Z).
alive() {
    [[ -r /proc/$1/stat ]] || return 1
    local stat
    stat=$(<"/proc/$1/stat") || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}
