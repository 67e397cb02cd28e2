package io.github.wazodeb.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The scripts kept beside these classes. */
final class Resources {

    private Resources() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the distribution's classes");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
