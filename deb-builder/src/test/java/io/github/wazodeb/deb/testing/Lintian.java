package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs lintian on a package file and reads its tags. */
public final class Lintian {

    /** One lintian finding: {@code E: pkg: tag-name detail}. */
    public record Tag(char severity, String packageName, String name, String detail) {

        public boolean isError() {
            return severity == 'E';
        }

        @Override
        public String toString() {
            return severity + ": " + packageName + ": " + name + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    /** The report: every tag and the raw output, for messages. */
    public record Report(List<Tag> tags, String output) {

        public Report {
            tags = List.copyOf(tags);
        }

        public List<Tag> errors() {
            return tags.stream().filter(Tag::isError).toList();
        }
    }

    private static final Pattern TAG = Pattern.compile("^([EWIPXCO]): ([^ :]+)(?: [^ :]+)?: (\\S+) ?(.*)$");

    private Lintian() {
    }

    /**
     * Checks {@code deb} with lintian's default profile, ignoring any user or host lintianrc
     * ({@code --no-cfg}) and showing every occurrence of a tag ({@code --tag-display-limit 0}).
     *
     * @throws IllegalStateException when lintian fails for another reason than finding errors (exit 2)
     */
    public static Report check(Path deb) {
        return check(List.of(deb));
    }

    /**
     * Checks several packages in one lintian run, whose start-up dominates its time; each {@link Tag} names
     * its package. As {@link #check(Path)} otherwise.
     */
    public static Report check(List<Path> debs) {
        return check(debs, Commands.DEFAULT_TIMEOUT.multipliedBy(debs.size()));
    }

    /** As {@link #check(List)}, with a time limit for packages lintian reads slowly (a large jar inside). */
    public static Report check(List<Path> debs, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("lintian", "--no-cfg", "--tag-display-limit", "0"));
        debs.forEach(deb -> command.add(deb.toAbsolutePath().toString()));
        CommandResult result;
        Path scratch = null;
        try {
            // lintian 2.116 leaves an mldbm-elf-* file in TMPDIR after each run: keep it in one we delete.
            scratch = Files.createTempDirectory("wazodeb-lintian");
            result = Commands.run(command, Map.of("TMPDIR", scratch.toString()), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                FileTrees.delete(scratch);
            }
        }
        if (result.exitCode() != 0 && result.exitCode() != 2) {
            throw new IllegalStateException(result.describe());
        }
        List<Tag> tags = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            Matcher matcher = TAG.matcher(line);
            if (matcher.matches()) {
                tags.add(new Tag(matcher.group(1).charAt(0), matcher.group(2), matcher.group(3), matcher.group(4)));
            }
        }
        if (result.exitCode() == 2 && tags.stream().noneMatch(Tag::isError)) {
            throw new IllegalStateException("lintian failed without reporting an error tag: " + result.describe());
        }
        return new Report(tags, result.output());
    }
}
