package io.github.wazodeb.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of wazo-deb that writes the skeleton: what its pom and CI files fetch. */
final class WazoDebVersion {

    private WazoDebVersion() {
    }

    static String current() {
        try (InputStream in = WazoDebVersion.class.getResourceAsStream("wazo-deb-version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("wazo-deb-version.properties is missing from the scaffold jar", e);
        }
    }
}
