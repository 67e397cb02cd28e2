# Process 1 of a rules step's PID namespace (see StepLauncher), run as sh -c with $0 "wazo-rules".
# $1: how long, in milliseconds, what the step leaves running gets after SIGTERM; the rest: the step.
# Comment lines are dropped before the script is passed to sh.
grace=$1
shift
umask 022
# In the foreground, not exec'd: the step keeps the signal dispositions it would have had (a background
# job would start with SIGINT ignored), and this shell stays process 1 to stop what the step leaves.
# Being process 1 it receives no signal it has no handler for: a SIGTERM sent to the step's group ends
# the step, not this shell, which then stops the rest below.
"$@"
status=$?
# kill -1 reaches every other process of the namespace: the ones started with setsid too. Orphans are
# this shell's children, reaped while it waits for sleep, so kill -0 stops seeing them once they end.
# The pause doubles from 10 ms: a quick end is seen quickly, a slow one costs few sleeps.
if kill -s TERM -- -1 2>/dev/null; then
    waited=0
    pause=10
    while [ "$waited" -lt "$grace" ] && kill -s 0 -- -1 2>/dev/null; do
        sleep "0.$(printf %03d "$pause")"
        waited=$((waited + pause))
        [ "$pause" -ge 320 ] || pause=$((pause * 2))
    done
fi
# Process 1's exit ends the namespace: the kernel kills whatever is still running in it.
exit "$status"
