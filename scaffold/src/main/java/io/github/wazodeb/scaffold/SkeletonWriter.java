package io.github.wazodeb.scaffold;

import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a new plugin: {@code wazo/plugin.yml}, {@code wazo/rules} and the files around them, ready to
 * validate and package.
 *
 * <pre>{@code
 * List<Path> written = SkeletonWriter.write(
 *         new PluginSkeleton("hello", "acme", false, Set.of(CiSystem.GITLAB)), Path.of("hello"), false);
 * }</pre>
 */
public final class SkeletonWriter {

    private SkeletonWriter() {
    }

    /**
     * Checks the name and namespace as plugin.yml's are checked, then writes the skeleton into {@code dir}
     * (created if missing). Nothing is written when a check fails; files written before an I/O error are
     * removed again.
     *
     * @param force write into a directory that is not empty, replacing the skeleton's own files there
     * @return the files written, in the order written
     * @throws InvalidSkeletonException a name or namespace a plugin cannot have, or {@code dir} is not empty
     *     (without {@code force}) or not a directory
     */
    public static List<Path> write(PluginSkeleton skeleton, Path dir, boolean force)
            throws InvalidSkeletonException, IOException {
        checkIdentity(skeleton);
        checkTarget(dir, force);
        Map<Placeholder, String> values = skeleton.values();
        List<Path> written = new ArrayList<>();
        try {
            for (SkeletonFile file : SkeletonFile.values()) {
                if (skeleton.includes(file)) {
                    written.add(writeFile(dir.resolve(file.path(values)), file.text(values), file.executable()));
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Path path : written) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
        return written;
    }

    /**
     * The name and namespace, read by plugin-model from a plugin.yml that holds nothing else: the same rules
     * and messages as {@code wazo-deb validate}, said in the words of the options.
     */
    private static void checkIdentity(PluginSkeleton skeleton) throws InvalidSkeletonException {
        String yaml = "name: " + quoted(skeleton.name()) + "\nnamespace: " + quoted(skeleton.namespace())
                + "\nversion: \"" + PluginSkeleton.FIRST_VERSION + "\"\n";
        List<String> problems = new ArrayList<>();
        for (Problem problem : PluginReader.readYaml(yaml, PluginReader.PLUGIN_YML).problems()) {
            String given = problem.key().equals("namespace") ? skeleton.namespace() : skeleton.name();
            problems.add("--" + problem.key() + " \"" + given + "\" " + problem.rule());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSkeletonException(problems);
        }
    }

    /** A YAML double-quoted scalar: whatever the option holds, it stays one value of its key. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    private static void checkTarget(Path dir, boolean force) throws InvalidSkeletonException, IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) { // a link, even to nothing, exists
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidSkeletonException(List.of(dir + " exists and is not a directory"));
        }
        if (!force) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new InvalidSkeletonException(List.of(dir + " is not empty: choose a new directory, or "
                            + "give --force to write the plugin's files into it (replacing files of the same names)"));
                }
            }
        }
    }

    /** Written beside its place, then moved: a file is there whole or not at all. */
    private static Path writeFile(Path target, String text, boolean executable) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".new");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        if (executable) {
            makeExecutable(partial);
        }
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Execute permission wherever the umask gave read permission, as {@code chmod +x} does. */
    private static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.OWNER_READ)) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ)) {
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(file, permissions);
    }
}
