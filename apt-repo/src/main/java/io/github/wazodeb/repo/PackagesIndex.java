package io.github.wazodeb.repo;

import io.github.wazodeb.model.DebianVersionOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The text of the {@code Packages} index: one stanza per package, sorted by name, then version (as apt
 * orders them), then architecture, so the same folder always gives the same bytes.
 */
final class PackagesIndex {

    static final Comparator<PackageEntry> ORDER = Comparator.comparing(PackageEntry::name)
            .thenComparing(PackageEntry::version, DebianVersionOrder.INSTANCE)
            .thenComparing(PackageEntry::architecture);

    private PackagesIndex() {
    }

    /**
     * The index of {@code entries}, each {@code Filename} their {@link PackageEntry#fileName()} after
     * {@code filenamePrefix}: apt resolves it against the sources.list URI, so a flat repository's files, beside
     * the index, are {@code ./NAME}, and a standard one's are their path under the root.
     */
    static String render(List<PackageEntry> entries, String filenamePrefix) {
        StringBuilder text = new StringBuilder();
        entries.stream().sorted(ORDER).forEach(entry -> {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            stanza(entry, filenamePrefix, text);
        });
        return text.toString();
    }

    /**
     * The control fields as the package has them, with the file's own fields before {@code Description}, where
     * dpkg-scanpackages puts them (at the end when there is no description).
     */
    private static void stanza(PackageEntry entry, String filenamePrefix, StringBuilder text) {
        boolean fileFieldsWritten = false;
        for (Map.Entry<String, String> field : entry.controlFields().entrySet()) {
            if (field.getKey().equals("Description")) {
                fileFields(entry, filenamePrefix, text);
                fileFieldsWritten = true;
            }
            field(text, field.getKey(), field.getValue());
        }
        if (!fileFieldsWritten) {
            fileFields(entry, filenamePrefix, text);
        }
    }

    private static void fileFields(PackageEntry entry, String filenamePrefix, StringBuilder text) {
        field(text, "Filename", filenamePrefix + entry.fileName());
        field(text, "Size", Long.toString(entry.size()));
        field(text, "MD5sum", entry.md5());
        field(text, "SHA256", entry.sha256());
    }

    /** A value whose first line is empty (a list field such as {@code Conffiles}) starts on the next line. */
    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append(':');
        if (!value.startsWith("\n")) {
            text.append(' ');
        }
        text.append(value).append('\n');
    }
}
