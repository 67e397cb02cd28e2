package io.github.wazodeb.deb;

import io.github.wazodeb.deb.archive.ControlMember;
import io.github.wazodeb.deb.archive.DataMember;
import io.github.wazodeb.deb.archive.DebArchiveWriter;
import io.github.wazodeb.deb.archive.DebFile;
import io.github.wazodeb.deb.archive.EntryType;
import io.github.wazodeb.deb.archive.PayloadTree;
import io.github.wazodeb.deb.control.Conffiles;
import io.github.wazodeb.deb.control.ControlFile;
import io.github.wazodeb.deb.control.MaintainerScripts;
import io.github.wazodeb.deb.rules.FakerootDetector;
import io.github.wazodeb.deb.rules.RulesRunner;
import io.github.wazodeb.deb.stage.PluginFolderCopier;
import io.github.wazodeb.deb.stage.Staging;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.model.PluginReport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * Validates, runs the rules steps, stages and writes the package.
     *
     * @throws InvalidPluginException the plugin directory breaks the rules; nothing ran
     * @throws BuildException a rules step failed or I/O did; no package, temporary file or staging is left
     */
    public BuildResult build(Path pluginDirectory) throws InvalidPluginException, BuildException {
        BuildListener listener = options.listener();
        PluginReport report = PluginReader.readDirectory(pluginDirectory);
        report.warnings().forEach(listener::warning);
        PluginDescriptor plugin = report.descriptorOrThrow();
        Path pluginDir = pluginDirectory.toAbsolutePath().normalize();

        try (Staging staging = Staging.create(options.temporaryDirectory(), pluginDir)) {
            if (options.runRules()) {
                runRules(pluginDir, staging.payload());
            }
            listener.progress("Adding the plugin's wazo/ folder");
            PluginFolderCopier.copy(pluginDir.resolve("wazo"), staging.payload(), plugin.namespace(), plugin.name());

            PayloadTree payload = PayloadTree.scan(staging.payload());
            checkConffiles(payload);
            Path target = createOutputDirectory().resolve(PackageFileName.of(plugin));
            listener.progress("Writing " + target);
            DebArchiveWriter writer = new DebArchiveWriter(options.compression(), options.compressionLevel(),
                    options.timestamp());
            DataMember data = writer.writeData(payload, staging.work());
            ControlFile control = ControlFile.of(plugin, options.maintainer(), data.installedSizeKiB());
            DebFile deb = writer.writeDeb(controlMembers(plugin, control, data), data, target);
            return new BuildResult(deb.path(), deb.size(), deb.sha256(), control.fields(), report.warnings());
        } catch (InterruptedException | InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("the build was interrupted", e);
        } catch (IOException | UncheckedIOException e) {
            throw new BuildException("the build failed: " + describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new BuildException(e.getMessage(), e);
        }
    }

    private void runRules(Path pluginDir, Path payload) throws RulesStepException, InterruptedException {
        Map<String, String> environment = System.getenv();
        RulesRunner runner = new RulesRunner(options.stepTimeout(), options.listener(),
                FakerootDetector.forThisProcess(environment));
        options.listener().progress("Running wazo/rules build");
        runner.run(RulesStep.BUILD, pluginDir, Map.of());
        options.listener().progress("Running wazo/rules package");
        runner.run(RulesStep.PACKAGE, pluginDir, Map.of("pkgdir", payload.toString()));
    }

    private Path createOutputDirectory() throws IOException {
        return Files.createDirectories(options.outputDirectory().toAbsolutePath().normalize());
    }

    private void checkConffiles(PayloadTree payload) throws BuildException {
        for (String conffile : options.conffiles()) {
            String path = conffile.substring(1);
            boolean regularFile = payload.entries().stream()
                    .anyMatch(e -> e.path().equals(path) && e.type() == EntryType.REGULAR);
            if (!regularFile) {
                throw new BuildException("conffile " + conffile + " is not a regular file in the package");
            }
        }
    }

    private List<ControlMember> controlMembers(PluginDescriptor plugin, ControlFile control, DataMember data) {
        MaintainerScripts scripts = MaintainerScripts.of(plugin, options.wazoVersionCheck());
        List<ControlMember> members = new ArrayList<>();
        members.add(new ControlMember("control", control.bytes(), FILE_MODE));
        Conffiles.of(options.conffiles()).ifPresent(c -> members.add(new ControlMember("conffiles", c, FILE_MODE)));
        members.add(new ControlMember("md5sums", data.md5sumsFile(), FILE_MODE));
        scripts.preinst().ifPresent(preinst -> members.add(new ControlMember("preinst", utf8(preinst), SCRIPT_MODE)));
        members.add(new ControlMember("postinst", utf8(scripts.postinst()), SCRIPT_MODE));
        members.add(new ControlMember("postrm", utf8(scripts.postrm()), SCRIPT_MODE));
        members.add(new ControlMember("prerm", utf8(scripts.prerm()), SCRIPT_MODE));
        return members;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Says what went wrong in words: Java's file exceptions carry only the path as their message. */
    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof FileSystemException fileProblem) {
            String reason = fileProblem.getReason();
            if (fileProblem instanceof NoSuchFileException) {
                reason = "no such file or directory";
            } else if (fileProblem instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (fileProblem instanceof FileAlreadyExistsException && reason == null) {
                reason = "already exists";
            }
            return fileProblem.getFile() + ": " + (reason == null ? cause.getClass().getSimpleName() : reason);
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
