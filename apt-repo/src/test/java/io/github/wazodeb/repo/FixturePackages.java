package io.github.wazodeb.repo;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.testing.PluginFixture;
import java.nio.file.Path;
import java.time.Instant;

/** Builds fixture plugins with our DebBuilder into one repository folder, as a user's CI would. */
final class FixturePackages {

    /** The time inside every fixture package: 2023-11-14 22:13:20 UTC. */
    static final Instant BUILT = Instant.ofEpochSecond(1_700_000_000L);

    private final Path work;
    private final Path repository;
    private int written;

    /** Plugin directories go under {@code work}, packages into {@code work/repo}. */
    FixturePackages(Path work) {
        this.work = work;
        this.repository = work.resolve("repo");
    }

    Path repository() {
        return repository;
    }

    /** Writes {@code fixture} to a directory of its own, builds it into the repository folder, returns the file. */
    Path build(PluginFixture fixture) throws Exception {
        Path pluginDirectory = fixture.writeTo(
                work.resolve("plugins").resolve(fixture.name() + "-" + fixture.version() + "-" + ++written));
        return new DebBuilder(BuildOptions.builder().outputDirectory(repository).timestamp(BUILT).build())
                .build(pluginDirectory).debFile();
    }
}
