package io.github.wazodeb.deb.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether the package step runs under {@code fakeroot}: when the builder is not root and fakeroot
 * is on the {@code PATH}, as the contract says.
 */
public final class FakerootDetector {

    private final boolean root;
    private final Optional<String> fakeroot;

    FakerootDetector(boolean root, Optional<String> fakeroot) {
        this.root = root;
        this.fakeroot = fakeroot;
    }

    /** Looks at this process: its user id and the {@code PATH} of the given environment. */
    public static FakerootDetector forThisProcess(Map<String, String> environment) {
        return new FakerootDetector(isRoot(), findOnPath("fakeroot", environment.get("PATH")));
    }

    /** Whether the builder is root: the steps then need neither fakeroot nor a user namespace. */
    boolean root() {
        return root;
    }

    /** The command to put before the rules call, if any. */
    public Optional<String> command() {
        return root ? Optional.empty() : fakeroot;
    }

    private static boolean isRoot() {
        try {
            // /proc/self is owned by the process's effective user on Linux.
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static Optional<String> findOnPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(Pattern.quote(java.io.File.pathSeparator))) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
