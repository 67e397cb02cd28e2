package io.github.wazodeb.maven;

import io.github.wazodeb.deb.Compression;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the text-typed mojo parameters (what a POM or {@code -D} gives) into deb-builder's values. */
final class ParameterValues {

    private ParameterValues() {
    }

    /** {@code gzip}, {@code xz}, {@code zstd} or {@code none}, as {@link Compression#fromUserName} reads them. */
    static Compression compression(String text) throws ParameterException {
        if (text == null || text.isBlank()) {
            return Compression.XZ;
        }
        return Compression.fromUserName(text).orElseThrow(() -> new ParameterException(
                "compression", "wazo.compression", text, "must be one of " + Arrays.stream(Compression.values())
                        .map(Compression::userName).collect(Collectors.joining(", "))));
    }

    /**
     * Reads a timestamp the way Maven reads {@code project.build.outputTimestamp}: a whole number of seconds
     * since 1970, or an ISO-8601 date-time with an offset ({@code 2024-01-01T00:00:00Z}), truncated to the
     * second. Empty, absent or one character long (the usual way to switch an inherited value off) means
     * none is set, and the build falls back to {@code SOURCE_DATE_EPOCH} or its default.
     */
    static Optional<Instant> timestamp(String text) throws ParameterException {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(trimmed)));
            } catch (NumberFormatException e) {
                throw new ParameterException("timestamp", "wazo.timestamp", text, "is too large a number of seconds");
            }
        }
        if (trimmed.length() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS).toInstant());
        } catch (DateTimeParseException e) {
            throw new ParameterException("timestamp", "wazo.timestamp", text,
                    "must be seconds since 1970-01-01 or an ISO-8601 date-time with offset, e.g. 2024-01-01T00:00:00Z");
        }
    }

    /**
     * A step time limit: a whole number of seconds ({@code 300}) or an ISO-8601 duration ({@code PT5M}).
     * Empty or absent means no limit.
     */
    static Optional<Duration> stepTimeout(String text) throws ParameterException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Duration duration;
        try {
            duration = trimmed.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Duration.ofSeconds(Long.parseLong(trimmed))
                    : Duration.parse(trimmed);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ParameterException("stepTimeout", "wazo.stepTimeout", text,
                    "must be a number of seconds or an ISO-8601 duration such as PT5M");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new ParameterException("stepTimeout", "wazo.stepTimeout", text, "must be positive");
        }
        return Optional.of(duration);
    }
}
