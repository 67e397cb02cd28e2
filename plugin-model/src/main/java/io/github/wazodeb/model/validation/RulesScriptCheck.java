package io.github.wazodeb.model.validation;

import io.github.wazodeb.model.report.ProblemList;
import io.github.wazodeb.model.yaml.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code wazo/rules} without running it: present, a file, executable, a shebang line the system can
 * run, a branch for every step wazo-plugind calls where the script is a shell {@code case} on {@code $1},
 * and no {@code postrm} step that the plugin's format would never call. Internal to plugin-model.
 */
public final class RulesScriptCheck {

    static final String MISSING = "missing: create an executable script taking build, package, install, uninstall[, postrm]";
    static final String NOT_EXECUTABLE = "is not executable: run chmod +x wazo/rules "
            + "(in a git repository: git update-index --chmod=+x wazo/rules)";
    static final String CARRIAGE_RETURN = "is a shebang line ending in a carriage return (the file has Windows line "
            + "ends), so the system looks for an interpreter whose name ends in \\r and cannot run the script: "
            + "convert the file with sed -i 's/\\r$//' wazo/rules";
    /** Wherever the link points: the installed maintainer scripts would call it on the server, where it dangles. */
    static final String LINK = "the package would hold the link, not the script it points to, so dpkg would "
            + "leave the plugin half-configured: commit the file itself in its place";
    /** The steps wazo-plugind always calls, in the order it calls them. */
    private static final List<String> STEPS = List.of("build", "package", "install", "uninstall");
    private static final String POSTRM_STEP = "postrm";
    /** Interpreters that read a {@code case} as we do; another shebang (python, perl) gets no branch check. */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox");
    /** Enough of any real rules script; a bigger file is only searched this far. */
    private static final int MAX_READ = 1 << 20;
    private static final Pattern POSTRM = Pattern.compile("\\bpostrm\\b");

    private RulesScriptCheck() {
    }

    /**
     * Reports into {@code problems}. {@code formatVersion} is the plugin's format when plugin.yml was
     * valid, or -1 when unknown (then the checks that depend on it are skipped).
     */
    public static void check(Path rules, int formatVersion, ProblemList problems) {
        if (Files.isSymbolicLink(rules)) {
            problems.error(Position.NONE, "", null, "is a symbolic link (to " + LinkTarget.of(rules) + "): " + LINK);
            return;
        }
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
        byte[] head;
        try (InputStream in = Files.newInputStream(rules)) {
            head = in.readNBytes(MAX_READ);
        } catch (IOException e) {
            problems.error(Position.NONE, "", null, "cannot be read: " + e.getMessage());
            return;
        }
        // ISO-8859-1 maps every byte to one char, so any script decodes and columns count bytes.
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String firstLine = text.lines().findFirst().orElse("");
        checkShebang(text, problems);
        if (runsInAShell(firstLine)) {
            ShellCaseReader.read(text).ifPresent(statement -> checkBranches(statement, formatVersion, problems));
        }
        if (formatVersion == 0) {
            warnAboutUncalledPostrm(text, problems);
        }
    }

    private static void checkShebang(String text, ProblemList problems) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.startsWith("#!") && line.endsWith("\r")) {
            problems.error(new Position(1, 1), "", line, CARRIAGE_RETURN);
        }
    }

    /** No shebang, or one naming a shell, directly or through env. */
    private static boolean runsInAShell(String firstLine) {
        if (!firstLine.startsWith("#!")) {
            return true;
        }
        String[] words = firstLine.substring(2).strip().split("\\s+");
        String interpreter = baseName(words[0]);
        if (interpreter.equals("env") && words.length > 1) {
            interpreter = baseName(words[words.length > 2 && words[1].startsWith("-") ? 2 : 1]);
        }
        return SHELLS.contains(interpreter);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** One warning per step wazo-plugind calls that no branch but a catch-all, or none, would take. */
    private static void checkBranches(ShellCaseReader.CaseStatement statement, int formatVersion, ProblemList problems) {
        List<String> patterns = statement.branches().stream().flatMap(branch -> branch.patterns().stream()).toList();
        List<Pattern> specific = new ArrayList<>();
        for (String pattern : patterns) {
            Optional<Pattern> compiled = ShellPattern.compile(pattern);
            if (compiled.isEmpty()) {
                return; // a pattern only known when the script runs: say nothing rather than guess
            }
            if (!ShellPattern.isCatchAll(pattern)) {
                specific.add(compiled.get());
            }
        }
        boolean catchAll = specific.size() < patterns.size();
        List<String> steps = new ArrayList<>(STEPS);
        if (formatVersion >= 1) {
            steps.add(POSTRM_STEP);
        }
        for (String step : steps) {
            if (specific.stream().noneMatch(pattern -> pattern.matcher(step).matches())) {
                problems.warning(statement.at(), "", null, missingBranch(step, catchAll));
            }
        }
    }

    private static String missingBranch(String step, boolean catchAll) {
        String text = "has no branch for the " + step + " step in its case on $1"
                + (catchAll ? ", so only the catch-all *) would run" : "")
                + " (wazo-plugind runs \"wazo/rules " + step + "\"";
        if (step.equals(POSTRM_STEP)) {
            return text + " from plugin_format_version 1 on): without it, removal fails on a wazo-plugind server";
        }
        return text + ")";
    }

    private static void warnAboutUncalledPostrm(String text, ProblemList problems) {
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
