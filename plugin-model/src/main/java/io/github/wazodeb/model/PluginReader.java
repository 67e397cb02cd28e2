package io.github.wazodeb.model;

import io.github.wazodeb.model.report.ProblemList;
import io.github.wazodeb.model.validation.DescriptorValidator;
import io.github.wazodeb.model.validation.LinkTarget;
import io.github.wazodeb.model.validation.RulesScriptCheck;
import io.github.wazodeb.model.yaml.Position;
import io.github.wazodeb.model.yaml.SafeYamlLoader;
import io.github.wazodeb.model.yaml.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and validates a plugin directory: {@code wazo/plugin.yml} against the packaging contract, and
 * {@code wazo/rules} for presence and the executable bit. Stateless and thread-safe.
 */
public final class PluginReader {

    /** The metadata file, relative to the plugin directory, as problems name it. */
    public static final String PLUGIN_YML = "wazo/plugin.yml";
    /** The rules script, relative to the plugin directory. */
    public static final String RULES = "wazo/rules";
    /** The largest plugin.yml read, in bytes; a bigger file is refused without being read. */
    public static final int MAX_PLUGIN_YML_BYTES = SafeYamlLoader.MAX_CHARS;

    /**
     * The package ships the link as it is, and wazo-plugind reads the plugin from it on the server, where a
     * link out of wazo/ (to the repository's own plugin.yml, say) points at nothing: every plugin listing
     * fails to read it.
     */
    static final String PLUGIN_YML_LINK = "the package would hold the link, not the file it points to, and "
            + "wazo-plugind reads wazo/plugin.yml on the server, where a link out of wazo/ points at nothing: "
            + "commit the file itself in its place";

    private PluginReader() {
    }

    /**
     * Reads {@code dir/wazo/plugin.yml} and checks {@code dir/wazo/rules}. Never throws for bad input:
     * every problem, including an unreadable or missing file, is in the report.
     */
    public static PluginReport readDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            String rule = Files.exists(dir) ? "is not a directory: give the plugin directory" : "does not exist";
            ProblemList problems = new ProblemList(dir.toString());
            problems.error(Position.NONE, "", null, rule);
            return new PluginReport(Optional.empty(), problems.inFileOrder());
        }
        ProblemList yamlProblems = new ProblemList(PLUGIN_YML);
        Optional<PluginDescriptor> descriptor = readText(dir.resolve(PLUGIN_YML), yamlProblems)
                .flatMap(text -> validate(text, yamlProblems));
        ProblemList rulesProblems = new ProblemList(RULES);
        RulesScriptCheck.check(dir.resolve(RULES), descriptor.map(PluginDescriptor::pluginFormatVersion).orElse(-1),
                rulesProblems);
        List<Problem> problems = new ArrayList<>(yamlProblems.inFileOrder());
        problems.addAll(rulesProblems.inFileOrder());
        return new PluginReport(rulesProblems.hasErrors() ? Optional.empty() : descriptor, problems);
    }

    /**
     * Validates the text of a {@code plugin.yml}; {@code fileName} is how problems name the file. Checks
     * nothing on disk.
     */
    public static PluginReport readYaml(String yaml, String fileName) {
        Objects.requireNonNull(yaml, "yaml");
        ProblemList problems = new ProblemList(Objects.requireNonNull(fileName, "fileName"));
        Optional<PluginDescriptor> descriptor = validate(Utf8Text.withoutBom(yaml), problems);
        return new PluginReport(descriptor, problems.inFileOrder());
    }

    private static Optional<PluginDescriptor> validate(String text, ProblemList problems) {
        return SafeYamlLoader.load(text, problems).flatMap(root -> DescriptorValidator.validate(root, problems));
    }

    /** The file's text, or empty after reporting why; the size is checked before anything is read. */
    private static Optional<String> readText(Path file, ProblemList problems) {
        try {
            if (Files.isSymbolicLink(file)) {
                problems.error(Position.NONE, "", null, "is a symbolic link (to " + LinkTarget.of(file) + "): "
                        + PLUGIN_YML_LINK);
                return Optional.empty();
            }
            if (!Files.exists(file)) {
                problems.error(Position.NONE, "", null, "missing: create it with at least name, namespace and version");
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                problems.error(Position.NONE, "", null, "is not a regular file");
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_PLUGIN_YML_BYTES) {
                problems.error(Position.NONE, "", null, "is " + size + " bytes long; a plugin.yml may be at most "
                        + MAX_PLUGIN_YML_BYTES + " bytes");
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_PLUGIN_YML_BYTES + 1); // the file may have grown since
            }
            if (bytes.length > MAX_PLUGIN_YML_BYTES) {
                problems.error(Position.NONE, "", null, "is more than " + MAX_PLUGIN_YML_BYTES
                        + " bytes long; a plugin.yml may be at most that");
                return Optional.empty();
            }
            return Utf8Text.decode(bytes, problems);
        } catch (IOException | SecurityException e) {
            problems.error(Position.NONE, "", null, "cannot be read: " + e);
            return Optional.empty();
        }
    }
}
