package io.github.wazodeb.dist;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the build made, as the pom passes it to the integration tests. */
final class Built {

    private Built() {
    }

    static String version() {
        return property("wazodeb.dist.version");
    }

    /** project.build.outputTimestamp, the time of every entry. */
    static String timestamp() {
        return property("wazodeb.dist.timestamp");
    }

    static Path cliJar() {
        return existing(property("wazodeb.cli.jar"));
    }

    static Path tarball() {
        return existing(property("wazodeb.dist.tarball"));
    }

    static Path deb() {
        return existing(Path.of(property("wazodeb.dist.directory"))
                .resolve("wazo-deb_" + DebianVersion.of(version()) + "_all.deb").toString());
    }

    /** The manual pages (roff) the build made from the commands' help, which the .deb installs. */
    static Path manPages() {
        return Path.of(property("wazodeb.dist.directory"), "man");
    }

    private static Path existing(String path) {
        if (!Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: run the integration tests through `mvn verify`");
        }
        return Path.of(path);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("the integration tests need -D" + name + ", which `mvn verify` sets");
        }
        return value;
    }
}
