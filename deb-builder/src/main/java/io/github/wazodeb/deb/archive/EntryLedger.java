package io.github.wazodeb.deb.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the first pass over the payload saw of every entry (path, type, mode, size, link target and
 * {@link EntryStamp}), in walk order, so that the pass that writes {@code data.tar} is held to it one entry
 * at a time: md5sums and {@code Installed-Size} describe the first pass. Kept in a file of the staging
 * folder (about 100 bytes an entry) or in memory, read back as a stream: memory stays flat in the number
 * of entries.
 */
final class EntryLedger {

    private static final int BUFFER_SIZE = 1 << 16;

    /** Where the ledger is; null when it is in memory. */
    private final Path file;
    private byte[] bytes;

    private EntryLedger(Path file) {
        this.file = file;
    }

    /** A ledger written to {@code file} (replaced), or kept in memory when it is null. */
    static Writer create(Path file) throws IOException {
        EntryLedger ledger = new EntryLedger(file);
        return ledger.new Writer();
    }

    /** Reads the ledger from its start; {@code root} is where the payload is, to tell an entry added from one removed. */
    Reader read(Path root) throws IOException {
        InputStream in = file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        return new Reader(new DataInputStream(new BufferedInputStream(in, BUFFER_SIZE)), root);
    }

    /** Appends entries as the first pass meets them. */
    final class Writer implements Closeable {
        private final ByteArrayOutputStream memory;
        private final DataOutputStream out;

        private Writer() throws IOException {
            memory = file == null ? new ByteArrayOutputStream() : null;
            out = new DataOutputStream(file == null ? memory
                    : new BufferedOutputStream(Files.newOutputStream(file), BUFFER_SIZE));
        }

        void add(PayloadEntry entry, EntryStamp stamp) throws IOException {
            writeText(entry.path());
            out.writeByte(entry.type().ordinal());
            out.writeShort(entry.mode());
            out.writeLong(entry.size());
            writeText(entry.linkTarget());
            out.writeLong(stamp.dev());
            out.writeLong(stamp.ino());
            out.writeInt(stamp.nlink());
            out.writeLong(stamp.size());
            out.writeLong(stamp.mtimeNanos());
            out.writeLong(stamp.ctimeNanos());
        }

        /** The ledger, complete. */
        EntryLedger finish() throws IOException {
            out.close();
            if (memory != null) {
                bytes = memory.toByteArray();
            }
            return EntryLedger.this;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private void writeText(String text) throws IOException {
            if (text == null) {
                out.writeInt(-1);
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** Holds the second pass's entries to the first's, in order. */
    static final class Reader implements Closeable {
        private final DataInputStream in;
        private final Path root;

        private Reader(DataInputStream in, Path root) {
            this.in = in;
            this.root = root;
        }

        /**
         * The next entry the first pass saw must be {@code entry}, its file untouched since.
         *
         * @throws PayloadException naming the entry that changed, appeared or went
         */
        void expect(PayloadEntry entry, EntryStamp stamp) throws IOException {
            String path = readText();
            if (path == null) {
                throw PayloadChanges.changed(entry.path()); // it appeared after the first pass
            }
            if (!path.equals(entry.path())) {
                // One of the two appeared or went since the first pass: name the one that did.
                boolean firstStillThere = Files.exists(FileNames.resolve(root, path), LinkOption.NOFOLLOW_LINKS);
                throw PayloadChanges.changed(firstStillThere ? entry.path() : path);
            }
            boolean same = in.readByte() == entry.type().ordinal()
                    & in.readShort() == entry.mode()
                    & in.readLong() == entry.size()
                    & Objects.equals(readText(), entry.linkTarget())
                    & new EntryStamp(in.readLong(), in.readLong(), in.readInt(), in.readLong(), in.readLong(),
                            in.readLong()).equals(stamp);
            if (!same) {
                throw PayloadChanges.changed(entry.path());
            }
        }

        /** Every entry the first pass saw was met again. */
        void expectEnd() throws IOException {
            String path = readText();
            if (path != null) {
                throw PayloadChanges.changed(path); // it went after the first pass
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        /** The next text, null for an absent one or at the ledger's end. */
        private String readText() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }
}
