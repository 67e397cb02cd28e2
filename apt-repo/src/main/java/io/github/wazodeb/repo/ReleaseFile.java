package io.github.wazodeb.repo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code Release}: what apt checks every index against. A flat repository needs no suite,
 * codename or component; apt wants a {@code Date} (it warns without one) and the size and SHA-256 of each
 * index it may download.
 */
final class ReleaseFile {

    /** RFC 2822 in UTC, the form apt parses (Debian's own Release files use it). */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReleaseFile() {
    }

    static String render(Instant date, List<IndexFile> indexes) {
        StringBuilder text = new StringBuilder();
        text.append("Date: ").append(DATE.format(date)).append('\n');
        text.append("SHA256:\n");
        for (IndexFile index : indexes) {
            byte[] content = index.content();
            text.append(' ').append(sha256(content)).append(' ').append(content.length).append(' ')
                    .append(index.name()).append('\n');
        }
        return text.toString();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
