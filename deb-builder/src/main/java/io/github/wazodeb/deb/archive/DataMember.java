package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DebArchiveWriter#writeData} found in a payload, for the control member; the payload itself
 * goes into the package, tar'd and compressed, when {@link DebArchiveWriter#writeDeb} writes it, held to
 * what was found here entry by entry. Made only by the writer.
 */
public final class DataMember {

    private final PayloadTree tree;
    private final Compression compression;
    private final ControlMember.Content md5sums;
    private final long installedSizeKiB;
    private final ElfBinaries elfBinaries;
    private final SetIdEntries setIdEntries;
    /** What the first pass saw, for the second to be held to; null when the tar was written in one read. */
    private final EntryLedger ledger;
    /** The uncompressed data.tar, when it was written in one read; null when it is written by a second pass. */
    private final HeldTar heldTar;

    /** Found by a first pass, its data.tar to be written by a second pass held to {@code ledger}. */
    DataMember(PayloadTree tree, Compression compression, ControlMember.Content md5sums, long installedSizeKiB,
            ElfBinaries elfBinaries, SetIdEntries setIdEntries, EntryLedger ledger) {
        this(tree, compression, md5sums, installedSizeKiB, elfBinaries, setIdEntries,
                Objects.requireNonNull(ledger, "ledger"), null);
    }

    /** Found in the one read that wrote {@code heldTar}, the uncompressed data.tar. */
    DataMember(PayloadTree tree, Compression compression, ControlMember.Content md5sums, long installedSizeKiB,
            ElfBinaries elfBinaries, SetIdEntries setIdEntries, HeldTar heldTar) {
        this(tree, compression, md5sums, installedSizeKiB, elfBinaries, setIdEntries, null,
                Objects.requireNonNull(heldTar, "heldTar"));
    }

    private DataMember(PayloadTree tree, Compression compression, ControlMember.Content md5sums,
            long installedSizeKiB, ElfBinaries elfBinaries, SetIdEntries setIdEntries, EntryLedger ledger,
            HeldTar heldTar) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.compression = Objects.requireNonNull(compression, "compression");
        this.md5sums = Objects.requireNonNull(md5sums, "md5sums");
        this.installedSizeKiB = installedSizeKiB;
        this.elfBinaries = Objects.requireNonNull(elfBinaries, "elfBinaries");
        this.setIdEntries = Objects.requireNonNull(setIdEntries, "setIdEntries");
        this.ledger = ledger;
        this.heldTar = heldTar;
    }

    /** The payload. */
    public PayloadTree tree() {
        return tree;
    }

    /** How its tar will be compressed. */
    public Compression compression() {
        return compression;
    }

    /**
     * The md5sums control file: {@code "<md5>  <path>\n"} per regular file (hard links included), in payload
     * order.
     */
    public ControlMember.Content md5sums() {
        return md5sums;
    }

    /** The payload's {@code Installed-Size}. */
    public long installedSizeKiB() {
        return installedSizeKiB;
    }

    /**
     * The ELF files of the payload (executables, libraries), which a package of {@code Architecture: all}
     * should not hold.
     */
    public ElfBinaries elfBinaries() {
        return elfBinaries;
    }

    /** The entries with the setuid or setgid bit, which run with root's rights once installed. */
    public SetIdEntries setIdEntries() {
        return setIdEntries;
    }

    /** The md5sums control file's bytes, read into memory. */
    public byte[] md5sumsFile() {
        try {
            return md5sums.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the first pass saw of each entry, for the pass that writes the data to be held to; null after one read. */
    EntryLedger ledger() {
        return ledger;
    }

    /** The data.tar written in the one read of a small payload; null when a second pass writes it. */
    HeldTar heldTar() {
        return heldTar;
    }

    /**
     * The payload's setuid and setgid entries.
     *
     * @param count how many there are
     * @param first the first {@link #KEPT} of them in payload order, so that memory stays flat
     */
    public record SetIdEntries(long count, List<PayloadEntry> first) {

        /** How many entries are kept to name in warnings. */
        public static final int KEPT = 100;

        public SetIdEntries {
            first = List.copyOf(first);
        }

        /**
         * One line for a reviewer: the entry, which bits, its mode and its owner in the package (root, as
         * every entry's), and what that means once installed.
         */
        public static String describe(PayloadEntry entry) {
            boolean setuid = (entry.mode() & 04000) != 0;
            boolean setgid = (entry.mode() & 02000) != 0;
            String bits = setuid && setgid ? "setuid and setgid" : setuid ? "setuid" : "setgid";
            String meaning = entry.type() == EntryType.DIRECTORY
                    ? (setgid ? ": what is created in it gets group root" : "")
                    : ": installed, it runs " + (setuid && setgid ? "as user and group root"
                            : setuid ? "as user root" : "as group root") + " whoever starts it";
            return "payload entry \"" + FileNames.display(entry.path()) + "\" is " + bits + " (mode "
                    + String.format("%04o", entry.mode()) + ", owner root:root)" + meaning;
        }

        /** Collects them as the payload is read. */
        static final class Collector {
            private final java.util.ArrayList<PayloadEntry> first = new java.util.ArrayList<>();
            private long count;

            void offer(PayloadEntry entry) {
                if ((entry.mode() & 06000) == 0) {
                    return;
                }
                count++;
                if (first.size() < KEPT) {
                    first.add(entry);
                }
            }

            SetIdEntries result() {
                return new SetIdEntries(count, first);
            }
        }
    }
}
