package io.github.wazodeb.deb.rules;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a step's process and everything it started, politely first. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    static void stop(Process process, Duration grace) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
    }

    /** After the step itself exited: whatever it left running in the background. */
    static void stopDescendants(Process process, Duration grace) throws InterruptedException {
        // Orphans are re-parented once the step exits, so only children still known are reachable here.
        List<ProcessHandle> left = process.descendants().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : left) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                try {
                    handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    handle.destroyForcibly();
                }
            } else {
                handle.destroyForcibly();
            }
        }
    }
}
