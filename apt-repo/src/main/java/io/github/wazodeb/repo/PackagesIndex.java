package io.github.wazodeb.repo;

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

    static String render(List<PackageEntry> entries) {
        StringBuilder text = new StringBuilder();
        entries.stream().sorted(ORDER).forEach(entry -> {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            stanza(entry, text);
        });
        return text.toString();
    }

    /**
     * The control fields as the package has them, with the file's own fields before {@code Description}, where
     * dpkg-scanpackages puts them (at the end when there is no description).
     */
    private static void stanza(PackageEntry entry, StringBuilder text) {
        boolean fileFieldsWritten = false;
        for (Map.Entry<String, String> field : entry.controlFields().entrySet()) {
            if (field.getKey().equals("Description")) {
                fileFields(entry, text);
                fileFieldsWritten = true;
            }
            field(text, field.getKey(), field.getValue());
        }
        if (!fileFieldsWritten) {
            fileFields(entry, text);
        }
    }

    private static void fileFields(PackageEntry entry, StringBuilder text) {
        // apt resolves Filename against the sources.list URI; a flat repository's files sit beside the index.
        field(text, "Filename", "./" + entry.fileName());
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
