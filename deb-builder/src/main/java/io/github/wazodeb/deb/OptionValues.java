package io.github.wazodeb.deb;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How users write a time limit and a timestamp, read the same way by every host (the CLI's options, the
 * Maven plugin's parameters), so that a value means one thing wherever it is typed.
 */
public final class OptionValues {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private OptionValues() {
    }

    /**
     * {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms}, a bare number of seconds ({@code 300}), or an
     * ISO-8601 duration ({@code PT5M}); case does not matter.
     *
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static Duration duration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        try {
            Matcher matcher = SHORT_DURATION.matcher(trimmed);
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "s" : matcher.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration such as 90s, 10m, 1h, 300 (seconds) or PT5M");
        }
    }

    /**
     * A whole number of seconds since 1970-01-01 (as {@code SOURCE_DATE_EPOCH}), or an ISO-8601 date-time with
     * an offset ({@code 2024-01-01T00:00:00Z}, {@code 2024-01-01T01:00:00+01:00}), truncated to the second
     * (a tar header holds whole seconds).
     *
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static Instant timestamp(String text) {
        String trimmed = text.trim();
        try {
            if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Instant.ofEpochSecond(Long.parseLong(trimmed));
            }
            return OffsetDateTime.parse(trimmed).withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither seconds since 1970-01-01 nor an ISO-8601 "
                    + "date-time with offset such as 2024-01-01T00:00:00Z");
        }
    }
}
