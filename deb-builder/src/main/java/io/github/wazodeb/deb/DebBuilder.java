package io.github.wazodeb.deb;

import io.github.wazodeb.deb.archive.ControlMember;
import io.github.wazodeb.deb.archive.DataMember;
import io.github.wazodeb.deb.archive.DebArchiveWriter;
import io.github.wazodeb.deb.archive.DebFile;
import io.github.wazodeb.deb.archive.ElfBinaries;
import io.github.wazodeb.deb.archive.FakedModes;
import io.github.wazodeb.deb.archive.FileNames;
import io.github.wazodeb.deb.archive.PayloadException;
import io.github.wazodeb.deb.archive.PayloadTree;
import io.github.wazodeb.deb.control.Conffiles;
import io.github.wazodeb.deb.control.ControlFile;
import io.github.wazodeb.deb.control.MaintainerScripts;
import io.github.wazodeb.deb.rules.FakerootDetector;
import io.github.wazodeb.deb.rules.RulesRunner;
import io.github.wazodeb.deb.stage.PayloadChecks;
import io.github.wazodeb.deb.stage.PluginFolderCopier;
import io.github.wazodeb.deb.stage.Staging;
import io.github.wazodeb.deb.stage.WorkingCopy;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.model.PluginReport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a Wazo plugin directory into its Debian package, as wazo-plugind would build it on a server:
 *
 * <pre>{@code
 * BuildResult result = new DebBuilder(BuildOptions.builder().outputDirectory(out).build())
 *         .build(Path.of("my-plugin"));
 * }</pre>
 *
 * Immutable and thread-safe: one builder may run several builds at once, each with its own staging.
 */
public final class DebBuilder {

    private static final int SCRIPT_MODE = 0755;
    private static final int FILE_MODE = 0644;

    private final BuildOptions options;

    public DebBuilder(BuildOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public BuildOptions options() {
        return options;
    }

    /**
     * Validates, runs the rules steps in a private copy of the plugin directory, stages and writes the
     * package. A thread interrupt, or the JVM being asked to stop, cancels the build: its processes are
     * stopped and its files removed before this returns.
     *
     * @throws InvalidPluginException the plugin directory breaks the rules; nothing ran
     * @throws UnusableOptionException an option cannot serve this plugin directory; nothing ran
     * @throws BuildException a rules step failed, the payload is refused, I/O failed or the build was
     *     cancelled; no package, temporary file or staging is left
     * @throws OutOfMemoryError the heap is too small for this payload (also in a worker thread); the staging
     *     is removed first, with memory the staging held back for that
     */
    @SuppressWarnings("try") // the cancellation is only opened and closed around the build
    public BuildResult build(Path pluginDirectory) throws InvalidPluginException, BuildException {
        BuildListener listener = options.listener();
        PluginReport report = PluginReader.readDirectory(pluginDirectory);
        report.warnings().forEach(listener::warning);
        PluginDescriptor plugin = report.descriptorOrThrow();
        Path pluginDir = pluginDirectory.toAbsolutePath().normalize();
        Path outputDir = checkedOptions(pluginDir);

        try (ShutdownCancellation cancellation = ShutdownCancellation.forCurrentThread();
                Staging staging = Staging.create(options.temporaryDirectory(), pluginDir, listener::warning)) {
            Path workingDir = workingDirectory(pluginDir, staging);
            FakedModes faked = options.runRules()
                    ? rulesRunner().buildAndPackage(workingDir, staging.payload(), staging.work())
                    : FakedModes.NONE;
            PayloadChecks.afterSteps(staging.payload(), workingDir, plugin.namespace(), plugin.name());
            listener.progress("Adding the plugin's wazo/ folder");
            PluginFolderCopier.copy(workingDir.resolve("wazo"), staging.payload(), plugin.namespace(),
                    plugin.name(), listener::warning);
            checkConffiles(staging.payload());

            listener.progress("Writing the package");
            DebArchiveWriter writer = new DebArchiveWriter(options.compression(), options.compressionLevel(),
                    options.timestamp());
            DataMember data = writer.writeData(PayloadTree.scan(staging.payload(), faked),
                    staging.work().resolve("md5sums"));
            warnAboutElfBinaries(data.elfBinaries());
            ControlFile control = ControlFile.of(plugin, options.maintainer(), data.installedSizeKiB());
            Path target = Files.createDirectories(outputDir).resolve(PackageFileName.of(plugin));
            DebFile deb = writer.writeDeb(controlMembers(plugin, control, data), data, target);
            return new BuildResult(deb.path(), deb.size(), deb.sha256(), control.fields(), report.warnings());
        } catch (InterruptedException | InterruptedIOException | ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("the build was cancelled; nothing was written", e);
        } catch (PayloadException e) {
            // A refused entry is the plugin's to fix, not a failure underneath: no cause, no stack trace.
            throw new BuildException(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            rethrowOutOfMemory(e);
            throw new BuildException("the build failed: " + IoMessages.describe(e), e);
        }
    }

    /**
     * A worker thread's OutOfMemoryError reaches the build wrapped in an I/O exception: unwrapped, so that
     * hosts tell running out of memory from a failed write the one way, and say how to give the JVM more.
     */
    private static void rethrowOutOfMemory(Exception e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError outOfMemory) {
                throw outOfMemory;
            }
        }
    }

    /**
     * Checks the options against the plugin directory before anything runs or is created: a mistake there
     * is found in a second, not after a long build.
     *
     * @return the output directory, absolute; created when the package is written
     */
    private Path checkedOptions(Path pluginDir) throws UnusableOptionException, BuildException {
        try {
            if (Staging.isInside(options.temporaryDirectory(), pluginDir)) {
                throw new UnusableOptionException(UnusableOptionException.Option.TEMPORARY_DIRECTORY,
                        "the temporary directory " + options.temporaryDirectory() + " is inside the plugin "
                                + "directory " + pluginDir + ", which the build must not write to: choose one outside it");
            }
        } catch (IOException e) {
            throw new BuildException("cannot read the plugin directory: " + IoMessages.describe(e), e);
        }
        DirectoryOptionCheck.check(options);
        return options.outputDirectory().toAbsolutePath().normalize();
    }

    /** A private copy of the plugin directory, unless the build runs in place (or runs no steps). */
    private Path workingDirectory(Path pluginDir, Staging staging) throws IOException {
        if (options.inPlace() || !options.runRules()) {
            return pluginDir;
        }
        options.listener().progress("Copying the plugin directory");
        return WorkingCopy.make(pluginDir, staging.source(), options.listener()::warning);
    }

    private RulesRunner rulesRunner() {
        return new RulesRunner(options.stepTimeout(), options.listener(),
                FakerootDetector.forThisProcess(System.getenv()));
    }

    /** wazo-plugind packages are {@code Architecture: all}: a compiled file runs only where it was built. */
    private void warnAboutElfBinaries(ElfBinaries elf) {
        for (String path : elf.firstPaths()) {
            options.listener().warning("payload entry \"" + FileNames.display(path) + "\" is an ELF binary, "
                    + "but the package is Architecture: all: the plugin will work only on machines of the build "
                    + "machine's architecture");
        }
        if (elf.count() > elf.firstPaths().size()) {
            options.listener().warning("and " + (elf.count() - elf.firstPaths().size()) + " more ELF binaries");
        }
    }

    private void checkConffiles(Path payload) throws BuildException {
        for (String conffile : options.conffiles()) {
            if (!Files.isRegularFile(FileNames.resolve(payload, conffile.substring(1)), LinkOption.NOFOLLOW_LINKS)) {
                throw new BuildException("conffile " + conffile + " is not a regular file in the package");
            }
        }
    }

    private List<ControlMember> controlMembers(PluginDescriptor plugin, ControlFile control, DataMember data) {
        MaintainerScripts scripts = MaintainerScripts.of(plugin, options.wazoVersionCheck());
        List<ControlMember> members = new ArrayList<>();
        members.add(new ControlMember("control", control.bytes(), FILE_MODE));
        Conffiles.of(options.conffiles()).ifPresent(c -> members.add(new ControlMember("conffiles", c, FILE_MODE)));
        members.add(new ControlMember("md5sums", data.md5sums(), FILE_MODE));
        scripts.preinst().ifPresent(preinst -> members.add(new ControlMember("preinst", utf8(preinst), SCRIPT_MODE)));
        members.add(new ControlMember("postinst", utf8(scripts.postinst()), SCRIPT_MODE));
        members.add(new ControlMember("postrm", utf8(scripts.postrm()), SCRIPT_MODE));
        members.add(new ControlMember("prerm", utf8(scripts.prerm()), SCRIPT_MODE));
        return members;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
