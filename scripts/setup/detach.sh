# Sourced by the set-up scripts that start daemons.
# Runs a command without the descriptors above 2 the calling script inherited, so the daemons it starts never
# hold a caller's pipe open (`prepare.sh | tee log` would otherwise wait for them forever).
without_extra_fds() (
  for fd in "/proc/$BASHPID/fd/"*; do
    fd="${fd##*/}"
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2> /dev/null || true; fi
  done
  exec "$@"
)
