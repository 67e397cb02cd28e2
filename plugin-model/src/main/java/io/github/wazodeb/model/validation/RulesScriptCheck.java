package io.github.wazodeb.model.validation;

import io.github.wazodeb.model.report.ProblemList;
import io.github.wazodeb.model.yaml.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code wazo/rules} without running it: present, a file, executable, and whether it has a
 * {@code postrm} step that the plugin's format would never call. Internal to plugin-model.
 */
public final class RulesScriptCheck {

    static final String MISSING = "missing: create an executable script taking build, package, install, uninstall[, postrm]";
    static final String NOT_EXECUTABLE = "is not executable: run chmod +x wazo/rules "
            + "(in a git repository: git update-index --chmod=+x wazo/rules)";
    /** Enough of any real rules script; a bigger file is only searched this far. */
    private static final int MAX_READ = 1 << 20;
    private static final Pattern POSTRM = Pattern.compile("\\bpostrm\\b");

    private RulesScriptCheck() {
    }

    /**
     * Reports into {@code problems}. {@code formatVersion} is the plugin's format when plugin.yml was
     * valid, or -1 when unknown (then the postrm check is skipped).
     */
    public static void check(Path rules, int formatVersion, ProblemList problems) {
        if (!Files.exists(rules)) {
            problems.error(Position.NONE, "", null, MISSING);
            return;
        }
        if (!Files.isRegularFile(rules)) {
            problems.error(Position.NONE, "", null, "is not a regular file: it must be an executable script");
            return;
        }
        if (!Files.isExecutable(rules)) {
            problems.error(Position.NONE, "", null, NOT_EXECUTABLE);
        }
        if (formatVersion == 0) {
            warnAboutUncalledPostrm(rules, problems);
        }
    }

    private static void warnAboutUncalledPostrm(Path rules, ProblemList problems) {
        byte[] head;
        try (InputStream in = Files.newInputStream(rules)) {
            head = in.readNBytes(MAX_READ);
        } catch (IOException e) {
            problems.error(Position.NONE, "", null, "cannot be read: " + e.getMessage());
            return;
        }
        // ISO-8859-1 maps every byte to one char, so any script decodes and offsets stay byte offsets.
        String text = new String(head, StandardCharsets.ISO_8859_1);
        Matcher matcher = POSTRM.matcher(text);
        if (matcher.find()) {
            int lineStart = text.lastIndexOf('\n', matcher.start()) + 1;
            int line = 1 + (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            problems.warning(new Position(line, matcher.start() - lineStart + 1), "", null,
                    "has a postrm step, which is never called with plugin_format_version 0: "
                            + "set plugin_format_version: 1");
        }
    }
}
