package io.github.wazodeb.provd;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time every archive entry carries, and where it came from, so a build says once which it used:
 * {@code SOURCE_DATE_EPOCH}, else the time of the last commit that touched the tree when it is a git checkout
 * (the same commit gives the same archives on any machine, any day), else a fixed default.
 *
 * @param source how a person reads where it came from ({@code "the last commit of the tree, 2321a3f"})
 */
public record BuildTime(Instant instant, String source) {

    /** The fixed default: 2000-01-01, as for packages. */
    public static final Instant DEFAULT = BuildOptions.DEFAULT_TIMESTAMP;

    /**
     * @param environment the process's environment, for {@code SOURCE_DATE_EPOCH}
     * @throws InvalidPluginException when {@code SOURCE_DATE_EPOCH} is set but not a number of seconds
     */
    public static BuildTime of(Path tree, Map<String, String> environment) throws InvalidPluginException {
        Optional<Instant> epoch;
        try {
            epoch = BuildOptions.sourceDateEpoch(environment);
        } catch (IllegalArgumentException e) {
            throw new InvalidPluginException(List.of(new Problem(Severity.ERROR, "SOURCE_DATE_EPOCH", 0, 0, "", null,
                    e.getMessage())));
        }
        if (epoch.isPresent()) {
            return new BuildTime(epoch.get(), "SOURCE_DATE_EPOCH");
        }
        return lastCommit(tree).orElseGet(() -> new BuildTime(DEFAULT,
                "the fixed default (no SOURCE_DATE_EPOCH, and the tree is not a git checkout)"));
    }

    /** The committer time of the last commit that touched {@code tree}, when git can tell. */
    static Optional<BuildTime> lastCommit(Path tree) {
        return GitSnapshot.tryGit(tree, "log", "-1", "--format=%ct %h", "--", ".").map(String::strip)
                .filter(line -> line.matches("[0-9]+ [0-9a-f]+"))
                .map(line -> new BuildTime(Instant.ofEpochSecond(Long.parseLong(line.substring(0, line.indexOf(' ')))),
                        "the last commit of the tree, " + line.substring(line.indexOf(' ') + 1)));
    }

    /** {@code "2026-04-13T18:22:36Z (the last commit of the tree, 2321a3f)"}. */
    public String describe() {
        return instant + " (" + source + ")";
    }
}
