package io.github.wazodeb.repo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one publisher of a repository at a time: an exclusive lock on {@code .wazo-deb/lock} under its root. The
 * kernel drops the lock of a process that dies, even by {@code kill -9}, so no stale lock ever blocks a later
 * job. The JVM refuses a second lock on the same file from one process (two Maven modules publishing in a
 * parallel build), so publishers of one JVM first queue on a lock of their own.
 */
final class PublishLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private PublishLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock on {@code lockFile}; {@code onWait} hears of it once when another publisher holds it. */
    static PublishLock acquire(Path lockFile, Consumer<Path> onWait) throws IOException {
        Files.createDirectories(lockFile.getParent());
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_THIS_PROCESS.computeIfAbsent(key, path -> new ReentrantLock());
        boolean told = false;
        if (!local.tryLock()) {
            onWait.accept(lockFile);
            told = true;
            local.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!told) {
                    onWait.accept(lockFile);
                }
                lock = channel.lock();
            }
            return new PublishLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
