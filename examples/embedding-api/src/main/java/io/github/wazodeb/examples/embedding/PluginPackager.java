package io.github.wazodeb.examples.embedding;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.RulesStep;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Packages a Wazo plugin as another tool would, through the deb-builder API:
 * {@code java -cp ... PluginPackager PLUGIN_DIR OUTPUT_DIR}. Prints the path of the package it wrote.
 */
public final class PluginPackager {

    private PluginPackager() {
    }

    /** The tool's own view of a build: its progress and the rules steps' output, prefixed. */
    static final class ConsoleListener implements BuildListener {
        @Override
        public synchronized void progress(String message) {
            System.err.println("* " + message);
        }

        @Override
        public synchronized void rulesOutput(RulesStep step, String line) {
            System.err.println("  " + step.argument() + "> " + line);
        }

        @Override
        public synchronized void warning(Problem problem) {
            System.err.println("! " + problem.format());
        }
    }

    /** Builds the package of {@code pluginDirectory} into {@code outputDirectory}. */
    public static BuildResult packagePlugin(Path pluginDirectory, Path outputDirectory)
            throws InvalidPluginException, BuildException {
        BuildOptions options = BuildOptions.builder()
                .outputDirectory(outputDirectory)
                .compression(Compression.ZSTD)
                .maintainer("Example Tool <tool@example.org>")
                // A fixed time, so the same plugin always gives the same bytes.
                .timestamp(Instant.parse("2024-01-01T00:00:00Z"))
                .listener(new ConsoleListener())
                .build();
        return new DebBuilder(options).build(pluginDirectory);
    }

    public static void main(String[] args) {
        // The process's exit code is the one place a tool's main must call System.exit.
        System.exit(run(args));
    }

    /** The command line, as a function: 0 written, 1 the build failed, 2 invalid input or usage. */
    static int run(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PluginPackager PLUGIN_DIR OUTPUT_DIR");
            return 2;
        }
        try {
            BuildResult result = packagePlugin(Path.of(args[0]), Path.of(args[1]));
            System.out.println(result.debFile());
            return 0;
        } catch (InvalidPluginException e) {
            e.problems().forEach(problem -> System.err.println(problem.format()));
            return 2;
        } catch (BuildException e) {
            // A RulesStepException's message already names the step, its status and its last lines.
            System.err.println("packaging failed: " + e.getMessage());
            return 1;
        }
    }
}
