package io.github.wazodeb.deb.batch;

import io.github.wazodeb.model.PluginReader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds every plugin directory under a folder by its {@code wazo/plugin.yml}. It does not look inside a
 * plugin it found (a plugin's own tree is its rules' business), nor in build output and tool folders, where
 * a copy of a plugin is not a plugin: {@code target/}, {@code build/}, {@code dist/}, {@code node_modules/},
 * {@code __pycache__/} and any folder whose name starts with a dot ({@code .git/}, {@code .tox/}). Links
 * are not followed.
 */
public final class PluginFinder {

    private static final Set<String> SKIPPED = Set.of("target", "build", "dist", "node_modules", "__pycache__");

    private PluginFinder() {
    }

    /** The plugin directories under {@code root} ({@code root} itself if it is one), sorted by path. */
    public static List<Path> find(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && isSkipped(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (Files.isRegularFile(dir.resolve(PluginReader.PLUGIN_YML), LinkOption.NOFOLLOW_LINKS)) {
                    found.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    private static boolean isSkipped(String name) {
        return name.startsWith(".") || SKIPPED.contains(name);
    }
}
