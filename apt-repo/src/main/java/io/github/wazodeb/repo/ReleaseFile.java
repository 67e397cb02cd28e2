package io.github.wazodeb.repo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
        return render(List.of(), date, indexes);
    }

    /** {@code Release} with {@code fieldsBefore} ({@code "Suite: stable"}, ...) ahead of its date and digests. */
    static String render(List<String> fieldsBefore, Instant date, List<IndexFile> indexes) {
        StringBuilder text = new StringBuilder();
        fieldsBefore.forEach(field -> text.append(field).append('\n'));
        text.append("Date: ").append(DATE.format(date)).append('\n');
        text.append("SHA256:\n");
        for (IndexFile index : indexes) {
            byte[] content = index.content();
            text.append(' ').append(sha256(content)).append(' ').append(content.length).append(' ')
                    .append(index.name()).append('\n');
        }
        return text.toString();
    }

    /** The {@code Date} of a {@code Release} text this class wrote, if it has one. */
    static Optional<Instant> dateOf(String release) {
        return release.lines().filter(line -> line.startsWith("Date: ")).findFirst()
                .map(line -> ZonedDateTime.parse(line.substring(6), DATE).toInstant());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
