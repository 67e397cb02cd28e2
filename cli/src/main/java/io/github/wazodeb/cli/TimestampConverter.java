package io.github.wazodeb.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Seconds since 1970 (as SOURCE_DATE_EPOCH), or an ISO-8601 instant. */
final class TimestampConverter implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String text = value.trim();
        try {
            if (text.matches("\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            return Instant.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is neither seconds since 1970 nor an ISO-8601 time such as 2026-01-31T12:00:00Z");
        }
    }
}
