package io.github.wazodeb.cli;

import io.github.wazodeb.deb.OptionValues;
import java.time.Instant;
import picocli.CommandLine;

/** A timestamp as {@link OptionValues#timestamp} reads it: seconds since 1970, or ISO-8601. */
final class TimestampConverter implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return OptionValues.timestamp(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
