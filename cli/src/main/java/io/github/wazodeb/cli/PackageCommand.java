package io.github.wazodeb.cli;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.model.InvalidPluginException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb package [DIR]}: builds the plugin's {@code .deb}; prints its path on standard output. */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Runs the plugin's wazo/rules build and package steps and writes "
                        + "wazo-plugind-<name>-<namespace>_<version>_all.deb.",
                "Prints the package's path on standard output; progress and the steps' output go to "
                        + "standard error.",
                "SOURCE_DATE_EPOCH, when set, is the time of every entry (else 2000-01-01T00:00:00Z)."})
final class PackageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The plugin directory, holding wazo/plugin.yml and wazo/rules (default: ${DEFAULT-VALUE}).")
    private Path pluginDirectory;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", defaultValue = ".",
            description = "Where to write the package; created if missing (default: ${DEFAULT-VALUE}).")
    private Path outputDirectory;

    @Option(names = "--compression", paramLabel = "gzip|xz|zstd|none", defaultValue = "xz",
            converter = CompressionConverter.class,
            description = "How both tar members are compressed (default: ${DEFAULT-VALUE}).")
    private Compression compression;

    @Option(names = "--compression-level", paramLabel = "N",
            description = "Compression level: gzip 1-9 (default 9), xz 0-9 (default 6), zstd 1-19 (default 3).")
    private Integer compressionLevel;

    @Option(names = "--maintainer", paramLabel = "\"Name <mail>\"",
            description = "The Maintainer field (default: " + BuildOptions.DEFAULT_MAINTAINER + ").")
    private String maintainer;

    @Option(names = "--timestamp", paramLabel = "SECONDS|ISO-8601",
            converter = TimestampConverter.class,
            description = "The time of every entry, overriding SOURCE_DATE_EPOCH: seconds since 1970 or "
                    + "e.g. 2026-01-31T12:00:00Z.")
    private Instant timestamp;

    @Option(names = "--step-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop a rules step that runs longer than this (e.g. 90s, 10m, 1h); no limit by default.")
    private Duration stepTimeout;

    @Option(names = "--skip-rules",
            description = "Do not run wazo/rules build and package: the package holds the wazo/ folder only.")
    private boolean skipRules;

    @Option(names = "--conffile", paramLabel = "/PATH",
            description = "Mark this installed file as a conffile (repeatable). None by default: "
                    + "wazo-plugind removes plugins with a plain remove, which must take /etc files away.")
    private List<String> conffiles = new ArrayList<>();

    @Option(names = "--in-place",
            description = "Run the rules steps in the plugin directory itself instead of in a private copy "
                    + "(the default, as wazo-plugind builds from a fresh clone). Faster for a large tree, but "
                    + "what earlier builds left there can reach the package.")
    private boolean inPlace;
    @Option(names = "--no-wazo-version-check",
            description = "Leave out the preinst that refuses a Wazo server outside the plugin's "
                    + "min_wazo_version/max_wazo_version: the package then installs on any server.")
    private boolean noWazoVersionCheck;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "Where to stage the build (default: the system's temporary directory).")
    private Path temporaryDirectory;

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings and errors on standard error.")
    private boolean quiet;

    @Override
    public Integer call() throws InvalidPluginException, BuildException, UsageException {
        StderrReporter reporter = new StderrReporter(spec.commandLine().getErr(), quiet);
        BuildResult result = new DebBuilder(options(reporter)).build(pluginDirectory);
        reporter.built(result);
        spec.commandLine().getOut().println(result.debFile());
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }

    private BuildOptions options(StderrReporter reporter) throws UsageException {
        try {
            BuildOptions.Builder builder = BuildOptions.builder()
                    .outputDirectory(outputDirectory)
                    .compression(compression)
                    .runRules(!skipRules)
                    .inPlace(inPlace)
                    .wazoVersionCheck(!noWazoVersionCheck)
                    .conffiles(conffiles)
                    .stepTimeout(stepTimeout)
                    .listener(reporter)
                    .timestamp(timestamp); // when null, the builder reads SOURCE_DATE_EPOCH
            if (compressionLevel != null) {
                builder.compressionLevel(compressionLevel);
            }
            if (maintainer != null) {
                builder.maintainer(maintainer);
            }
            if (temporaryDirectory != null) {
                builder.temporaryDirectory(temporaryDirectory);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
