package io.github.wazodeb.deb.acceptance;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.model.InvalidPluginException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Builds fixture plugins with our builder, through its public API and default options, as a user would. */
final class PluginPackages {

    private final Path work;
    private int written;

    /** Plugin directories and packages go under {@code work}, a test's temporary directory. */
    PluginPackages(Path work) {
        this.work = work;
    }

    /** Writes {@code fixture} to a directory of its own and builds it. */
    BuildResult build(PluginFixture fixture) throws InvalidPluginException, BuildException {
        return build(fixture, UnaryOperator.identity());
    }

    /** Like {@link #build(PluginFixture)}, with {@code options} changing the defaults. */
    BuildResult build(PluginFixture fixture, UnaryOperator<BuildOptions.Builder> options)
            throws InvalidPluginException, BuildException {
        Path pluginDirectory = fixture.writeTo(
                work.resolve("plugins").resolve(fixture.name() + "-" + fixture.version() + "-" + ++written));
        return new DebBuilder(options.apply(BuildOptions.builder().outputDirectory(work.resolve("out"))).build())
                .build(pluginDirectory);
    }

    /** The package file of {@link #build(PluginFixture)}. */
    Path deb(PluginFixture fixture) throws InvalidPluginException, BuildException {
        return build(fixture).debFile();
    }
}
