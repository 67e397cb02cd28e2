package io.github.wazodeb.cli;

import io.github.wazodeb.deb.Compression;
import picocli.CommandLine;

/** {@code gzip}, {@code xz}, {@code zstd} or {@code none}. */
final class CompressionConverter implements CommandLine.ITypeConverter<Compression> {

    @Override
    public Compression convert(String value) {
        return Compression.fromUserName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not one of gzip, xz, zstd, none"));
    }
}
