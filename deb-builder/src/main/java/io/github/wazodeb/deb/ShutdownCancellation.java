package io.github.wazodeb.deb;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a build when the JVM is asked to stop (SIGINT or SIGTERM to the CLI, Ctrl-C in Maven), and lets
 * the JVM stop only once the build has cleaned up: the running step's processes stopped, staging and
 * temporary files removed, nothing written. Without it the JVM would exit in the middle of the build and
 * leave all of that behind. The build thread is interrupted; every blocking stage of the build answers an
 * interrupt by stopping and cleaning up.
 */
public final class ShutdownCancellation implements AutoCloseable {

    /** Enough for a step's grace period (5 s) and the removal of a large staging tree. */
    private static final long WAIT_SECONDS = 60;
    /** Once cleaned up, how long the caller gets to say the build was cancelled before the JVM halts. */
    private static final long REPORT_MILLIS = 500;

    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownCancellation(Thread buildThread) {
        hook = new Thread(() -> {
            buildThread.interrupt();
            try {
                if (cleanedUp.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    // The build thread goes on to report the cancellation (the CLI prints it), then blocks
                    // in System.exit or ends: either way this wait is short.
                    buildThread.join(REPORT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wazo-deb-cancel-build");
    }

    /** Watches for shutdown while the calling thread builds. */
    public static ShutdownCancellation forCurrentThread() {
        ShutdownCancellation cancellation = new ShutdownCancellation(Thread.currentThread());
        try {
            Runtime.getRuntime().addShutdownHook(cancellation.hook);
        } catch (IllegalStateException e) {
            // The JVM is already stopping: the build will be interrupted by whoever stops it, or not at all.
            Thread.currentThread().interrupt();
        }
        return cancellation;
    }

    /** The build has cleaned up: a waiting shutdown may go on. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutdown is under way and the hook is running or done: nothing to remove.
        }
    }
}
