package io.github.wazodeb.cli;

import io.github.wazodeb.deb.OptionValues;
import java.time.Duration;
import picocli.CommandLine;

/** A time limit as {@link OptionValues#duration} reads it: {@code 90s}, {@code 10m}, {@code 1h}, {@code PT5M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return OptionValues.duration(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
