package io.github.wazodeb.repo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields the Debian repository format reserves for an index: the archive computes them from the file it
 * stores. apt reads the last of two equal fields, so a control file carrying one could send the signed index
 * to any file with a hash of its choosing; such a package is refused, never listed.
 */
final class IndexOnlyFields {

    /**
     * {@code Filename} and the file's size and digests, the translated description's key, and the phasing
     * percentage an archive sets for a gradual update (apt reads it from the index only).
     */
    static final List<String> NAMES = List.of("Filename", "Size", "MD5sum", "SHA1", "SHA256", "SHA512",
            "Description-md5", "Phased-Update-Percentage");

    private IndexOnlyFields() {
    }

    /** The first field of {@code controlFields} only an index may carry, as the control file spells it. */
    static Optional<String> firstIn(Map<String, String> controlFields) {
        for (String field : controlFields.keySet()) {
            for (String reserved : NAMES) {
                if (reserved.toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }
}
