package io.github.wazodeb.deb.rules;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a step's process and everything it started, politely first: where no process group can be made
 * ({@link StepIsolation.Kind#PROCESS_TREE}), the descendants Java still knows are all that can be reached.
 */
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
}
