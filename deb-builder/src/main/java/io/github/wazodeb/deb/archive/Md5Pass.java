package io.github.wazodeb.deb.archive;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The md5sums file and the ELF binaries of a payload, its files read on all cores: each file is read by
 * one thread, and the lines are written in payload order whatever order the threads finish in. At most a
 * few files per core are in flight, so memory does not grow with the payload; the md5sums lines go to a
 * file when given one (about 80 bytes a file: 8 MB at 100,000 files would otherwise stay in the heap
 * until the control member is written).
 */
final class Md5Pass implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final int IN_FLIGHT_PER_CORE = 8;

    private record Result(String path, String md5Hex, byte[] head, int headLength) {
    }

    /** The file the lines go to; null when they are kept in memory. */
    private final Path file;
    private final OutputStream md5sums;
    private final ElfBinaries.Collector elfBinaries = new ElfBinaries.Collector();
    private final Deque<Future<Result>> inFlight = new ArrayDeque<>();
    private final ExecutorService executor;
    private final int maxInFlight;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER_SIZE]);
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(Md5Pass::md5);
    /** The MD5 that some files must have, by path. */
    private final Map<String, String> knownMd5;

    /**
     * Writes the md5sums lines to {@code file} (replaced), or keeps them in memory when it is null.
     *
     * @param known files whose bytes are known: one that reads otherwise stops the pass
     */
    Md5Pass(Path file, List<KnownContent> known) throws IOException {
        this.knownMd5 = known.stream().collect(Collectors.toMap(KnownContent::path, KnownContent::md5Hex));
        this.file = file;
        this.md5sums = file == null
                ? new ByteArrayOutputStream()
                : new BufferedOutputStream(Files.newOutputStream(file), BUFFER_SIZE);
        executor = Workers.onEveryCore("wazo-deb-md5");
        maxInFlight = Runtime.getRuntime().availableProcessors() * IN_FLIGHT_PER_CORE;
    }

    /**
     * Adds the line of {@code path}, whose content is {@code source}'s; {@code sniff} tells whether its first
     * bytes go to the ELF check (not for a hard link, whose first name was checked).
     */
    void add(String path, Path source, boolean sniff) throws IOException {
        Callable<Result> task = () -> read(path, source, sniff);
        if (executor == null) {
            record(call(task));
            return;
        }
        inFlight.add(executor.submit(task));
        while (inFlight.size() >= maxInFlight) {
            record(next());
        }
    }

    /** The md5sums control file, once every line is in. */
    ControlMember.Content md5sums() throws IOException {
        while (!inFlight.isEmpty()) {
            record(next());
        }
        if (file == null) {
            return new ControlMember.Bytes(((ByteArrayOutputStream) md5sums).toByteArray());
        }
        md5sums.close();
        return new ControlMember.FileContent(file);
    }

    ElfBinaries elfBinaries() {
        return elfBinaries.result();
    }

    @Override
    public void close() throws IOException {
        if (executor != null) {
            executor.shutdownNow();
        }
        md5sums.close();
    }

    private Result read(String path, Path source, boolean sniff) throws IOException {
        MessageDigest md5 = digests.get();
        byte[] buffer = buffers.get();
        md5.reset();
        byte[] head = null;
        int headLength = 0;
        try (InputStream in = newInputStream(path, source)) {
            int read = in.readNBytes(buffer, 0, buffer.length);
            if (sniff) {
                headLength = Math.min(read, ElfBinaries.HEAD_LENGTH);
                head = Arrays.copyOf(buffer, headLength);
            }
            while (read > 0) {
                md5.update(buffer, 0, read);
                read = in.read(buffer);
            }
        }
        return new Result(path, HexFormat.of().formatHex(md5.digest()), head, headLength);
    }

    private static InputStream newInputStream(String path, Path source) throws IOException {
        try {
            return Files.newInputStream(source);
        } catch (NoSuchFileException e) {
            throw PayloadChanges.changed(path); // the walk found it a moment ago
        }
    }

    private void record(Result result) throws IOException {
        String known = knownMd5.get(result.path());
        if (known != null && !known.equals(result.md5Hex())) {
            throw PayloadChanges.changed(result.path());
        }
        if (result.head() != null) {
            elfBinaries.offer(result.path(), result.head(), result.headLength());
        }
        md5sums.write((result.md5Hex() + "  " + result.path() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Result next() throws IOException {
        return Workers.await(inFlight.poll(), "reading the payload");
    }

    private static Result call(Callable<Result> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
