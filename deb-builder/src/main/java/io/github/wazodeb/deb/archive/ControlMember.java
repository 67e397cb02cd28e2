package io.github.wazodeb.deb.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the control member ({@code control}, {@code md5sums}, {@code postinst}, ...).
 *
 * @param name a plain file name, no '/'
 * @param content its bytes, in memory or in a file
 * @param mode its permission bits, e.g. {@code 0644} or {@code 0755} for a maintainer script
 */
public record ControlMember(String name, Content content, int mode) {

    public ControlMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("control member name \"" + name + "\" must be a plain file name");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " of control member \""
                    + name + "\" has bits outside 07777");
        }
    }

    /** A control file whose bytes are in memory. */
    public ControlMember(String name, byte[] content, int mode) {
        this(name, new Bytes(content), mode);
    }

    /**
     * What a control file holds: bytes in memory, or a file read when the package is written (md5sums,
     * which grows with the number of files in the payload, is kept out of memory that way).
     */
    public sealed interface Content permits Bytes, FileContent {
        long size() throws IOException;

        InputStream open() throws IOException;

        /** All of it, in memory. */
        default byte[] readAllBytes() throws IOException {
            try (InputStream in = open()) {
                return in.readAllBytes();
            }
        }
    }

    /** Bytes in memory; the array is not copied. */
    public record Bytes(byte[] bytes) implements Content {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** A file read when the package is written: it must not change until then. */
    public record FileContent(Path file) implements Content {
        public FileContent {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public long size() throws IOException {
            return Files.size(file);
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
