package io.github.wazodeb.deb.control;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code conffiles} control member: one absolute path per line. By the contract no file is a conffile
 * unless the user asks, so most packages have none, and then the member is left out of the package
 * altogether, as in any package built without a {@code DEBIAN/conffiles}.
 */
public final class Conffiles {

    private Conffiles() {
    }

    /**
     * {@code "path\n"} per path, in the given order; empty when there are none.
     *
     * @param absolutePaths normalised absolute file paths of the payload, each at most once
     * @throws IllegalArgumentException for a path that is relative, not normalised, a directory
     *     ({@code /} at the end), on more than one line, padded with whitespace, or given twice
     */
    public static Optional<byte[]> of(List<String> absolutePaths) {
        if (absolutePaths.isEmpty()) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        StringBuilder text = new StringBuilder();
        for (String path : absolutePaths) {
            requireAbsoluteFilePath(path);
            if (!seen.add(path)) {
                throw new IllegalArgumentException("conffile \"" + path + "\" is listed twice");
            }
            text.append(path).append('\n');
        }
        return Optional.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void requireAbsoluteFilePath(String path) {
        if (ControlValues.firstControlCharacter(path) >= 0) {
            throw new IllegalArgumentException(
                    "conffile \"" + ControlValues.printable(path) + "\" must not hold control characters");
        }
        // dpkg reads a line that does not start with '/' as flags before the path, and trims the line.
        if (!path.startsWith("/") || path.length() == 1 || path.endsWith("/") || !path.equals(path.strip())) {
            throw new IllegalArgumentException("conffile \"" + path + "\" must be an absolute file path");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("conffile \"" + path
                        + "\" must be normalised (no empty, '.' or '..' segment)");
            }
        }
    }
}
