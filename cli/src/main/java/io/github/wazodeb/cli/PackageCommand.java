package io.github.wazodeb.cli;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.DirectoryOptionCheck;
import io.github.wazodeb.deb.batch.PluginBatch;
import io.github.wazodeb.deb.batch.PluginFinder;
import io.github.wazodeb.deb.source.GitSource;
import io.github.wazodeb.deb.source.GitSourceException;
import io.github.wazodeb.deb.source.PluginSources;
import io.github.wazodeb.deb.source.SourceCheckout;
import io.github.wazodeb.model.InvalidPluginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wazo-deb package [DIR...]}, {@code --all ROOT} or {@code --git URL}: builds each plugin's {@code .deb};
 * prints each path on standard output.
 */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Runs the plugin's wazo/rules build and package steps and writes "
                        + "wazo-plugind-<name>-<namespace>_<version>_all.deb.",
                "",
                "Prints the package's path on standard output; progress and the steps' output go to "
                        + "standard error.",
                "",
                "Several DIRs, or --all ROOT, are all validated first, then built in dependency order; "
                        + "--git URL builds the committed tree at --ref, as wazo-plugind-cli install git does.",
                "",
                "SOURCE_DATE_EPOCH, when set, is the time of every entry; else 2000-01-01T00:00:00Z."})
final class PackageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "The plugin directory, holding wazo/plugin.yml and wazo/rules (default: .). "
                    + "Several are validated together, then built in dependency order.")
    private List<Path> pluginDirectories = new ArrayList<>();

    @Option(names = "--all", paramLabel = "ROOT",
            description = "Build every plugin under ROOT (found by its wazo/plugin.yml; target/, build/, "
                    + "node_modules/ and dot folders skipped), in dependency order.")
    private Path allUnder;

    @Option(names = "--git", paramLabel = "URL",
            description = "Build the plugin from a git repository (a remote URL, a file:// URL or a local folder), as "
                    + "wazo-plugind-cli install git does; credentials in the URL are never shown.")
    private String gitUrl;

    @Option(names = "--ref", paramLabel = "REF",
            description = "With --git: the branch, tag or full commit id (default: the remote's default branch).")
    private String gitRef;

    @Option(names = "--subdirectory", paramLabel = "PATH",
            description = "With --git: the plugin directory inside the repository (default: its root).")
    private String gitSubdirectory;

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
        Optional<GitSource> git = gitSource();
        BuildOptions options = options(reporter);
        DirectoryOptionCheck.check(options); // before a git checkout or a batch's first step
        if (git.isPresent()) {
            try (SourceCheckout checkout = PluginSources.checkout(git.get(), options.temporaryDirectory(), reporter)) {
                printBuilt(reporter, new DebBuilder(options).build(checkout.directory()));
            } catch (GitSourceException e) {
                if (e.isInvalidInput()) {
                    throw new UsageException(e.getMessage());
                }
                throw e;
            }
        } else if (allUnder != null || pluginDirectories.size() > 1) {
            new PluginBatch(options).build(batchDirectories(), result -> printBuilt(reporter, result));
        } else {
            printBuilt(reporter, new DebBuilder(options).build(
                    pluginDirectories.isEmpty() ? Path.of(".") : pluginDirectories.get(0)));
        }
        return ExitCodes.DONE;
    }

    private void printBuilt(StderrReporter reporter, BuildResult result) {
        reporter.built(result);
        spec.commandLine().getOut().println(result.debFile());
        spec.commandLine().getOut().flush();
    }

    /** DIR..., --all and --git name the plugins in three ways: one at a time. */
    private Optional<GitSource> gitSource() throws UsageException {
        if ((gitRef != null || gitSubdirectory != null) && gitUrl == null) {
            throw new UsageException("--ref and --subdirectory go with --git URL");
        }
        if (Stream.of(!pluginDirectories.isEmpty(), allUnder != null, gitUrl != null).filter(given -> given).count() > 1) {
            throw new UsageException("give plugin directories (DIR...), --all ROOT or --git URL, not several of them");
        }
        if (gitUrl == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GitSource(gitUrl, Optional.ofNullable(gitRef), Optional.ofNullable(gitSubdirectory)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<Path> batchDirectories() throws UsageException, BuildException {
        if (allUnder == null) {
            return pluginDirectories;
        }
        if (!Files.isDirectory(allUnder)) {
            throw new UsageException("--all " + allUnder + ": not a directory");
        }
        List<Path> found;
        try {
            found = PluginFinder.find(allUnder);
        } catch (IOException e) {
            throw new BuildException("cannot search " + allUnder + " for plugins: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new UsageException("--all " + allUnder + ": no plugin (wazo/plugin.yml) under it");
        }
        return found;
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
