package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The threads that read and compress a payload on every core, and their results read in order. */
final class Workers {

    private Workers() {
    }

    /** One daemon thread per core, named for what it does; none on a single core (the caller does the work). */
    static ExecutorService onEveryCore(String name) {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores < 2 ? null : Executors.newFixedThreadPool(cores, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Waits for {@code result}, passing its I/O failure on as it was.
     *
     * @param doing what the work was, for the message: "compressing", "reading the payload"
     */
    static <T> T await(Future<T> result, String doing) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(doing + " failed", e.getCause());
        }
    }
}
