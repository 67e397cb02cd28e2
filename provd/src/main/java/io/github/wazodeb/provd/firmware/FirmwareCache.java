package io.github.wazodeb.provd.firmware;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder of downloaded firmware files laid out by URL ({@code DIR/<host>/<path>}, as {@code wget -x} does), so
 * two vendors' {@code firmware.zip} never meet and {@code check} finds a file by its section's URL.
 */
public record FirmwareCache(Path folder) {

    /** Where {@code url}'s file is (or goes); empty for a URL without a host and a path. */
    public Optional<Path> place(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().endsWith("/")) {
                return Optional.empty();
            }
            Path file = folder.resolve(uri.getHost()).resolve(uri.getPath().substring(1)).normalize();
            return file.startsWith(folder.normalize()) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The cached file of {@code url}, when there is one. */
    public Optional<Path> find(String url) {
        return place(url).filter(Files::isRegularFile);
    }
}
