package io.github.wazodeb.maven;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.OptionValues;
import io.github.wazodeb.deb.archive.DebArchiveWriter;
import io.github.wazodeb.deb.control.Conffiles;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
        // Nothing, or one character that is not a digit (Maven's way of switching an inherited value off).
        if (trimmed.length() < 2 && !trimmed.matches("\\d")) {
            return Optional.empty();
        }
        Instant timestamp;
        try {
            timestamp = OptionValues.timestamp(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("timestamp", "wazo.timestamp", text,
                    "must be seconds since 1970-01-01 or an ISO-8601 date-time with offset, e.g. 2024-01-01T00:00:00Z");
        }
        try {
            DebArchiveWriter.requireTarTimestamp(timestamp);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("timestamp", "wazo.timestamp", text,
                    "must lie between 1970 and 4147, the times a tar header can hold");
        }
        return Optional.of(timestamp);
    }

    /** The level, when set, within {@code compression}'s range; empty for the compression's default. */
    static Optional<Integer> compressionLevel(Integer level, Compression compression) throws ParameterException {
        if (level == null) {
            return Optional.empty();
        }
        if (level < compression.minLevel() || level > compression.maxLevel()) {
            throw new ParameterException("compressionLevel", "wazo.compressionLevel", level,
                    "must be " + compression.minLevel() + " to " + compression.maxLevel() + " for "
                            + compression.userName() + " compression");
        }
        return Optional.of(level);
    }

    /** {@code Full Name <address>} on one line, as the {@code Maintainer} field; empty for the default. */
    static Optional<String> maintainer(String text) throws ParameterException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            // The rule is BuildOptions' own, checked on this value alone so the error names this parameter.
            BuildOptions.builder().timestamp(BuildOptions.DEFAULT_TIMESTAMP).maintainer(trimmed).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException("maintainer", "wazo.maintainer", text,
                    "must read \"Full Name <address>\" on one line");
        }
        return Optional.of(trimmed);
    }

    /** Absolute file paths, each once, as the {@code conffiles} control file lists them; none when unset. */
    static List<String> conffiles(List<String> paths) throws ParameterException {
        if (paths == null) {
            return List.of();
        }
        try {
            Conffiles.of(paths);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("conffiles", "wazo.conffiles", String.join(",", paths), e.getMessage());
        }
        return List.copyOf(paths);
    }

    /**
     * A step time limit as {@link OptionValues#duration} reads it ({@code 300}, {@code 90s}, {@code 10m},
     * {@code PT5M}), the same forms as the CLI's {@code --step-timeout}. Empty or absent means no limit.
     */
    static Optional<Duration> stepTimeout(String text) throws ParameterException {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Duration duration;
        try {
            duration = OptionValues.duration(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("stepTimeout", "wazo.stepTimeout", text,
                    "must be a duration such as 300 (seconds), 90s, 10m, 1h or PT5M");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new ParameterException("stepTimeout", "wazo.stepTimeout", text, "must be positive");
        }
        return Optional.of(duration);
    }
}
