package io.github.wazodeb.deb.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One build's private scratch space, outside the plugin directory: {@code payload/} (the {@code pkgdir}
 * the package step fills) and {@code work/} (temporary archive members). Closing removes all of it,
 * whether the build succeeded or not.
 */
public final class Staging implements AutoCloseable {

    private final Path root;
    private final Path payload;
    private final Path work;

    private Staging(Path root) throws IOException {
        this.root = root;
        this.payload = Files.createDirectory(root.resolve("payload"));
        this.work = Files.createDirectory(root.resolve("work"));
        // The payload root becomes the package's "./" entry: give it a directory's usual mode rather
        // than the 0700 of a private temporary directory.
        Files.setPosixFilePermissions(payload, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * Makes a new staging area under {@code parent}.
     *
     * @throws IllegalArgumentException when {@code parent} lies inside the plugin directory, whose files
     *     must stay untouched and whose {@code wazo/} folder is copied into the payload
     */
    public static Staging create(Path parent, Path pluginDirectory) throws IOException {
        Path realParent = Files.createDirectories(parent).toRealPath();
        Path realPlugin = pluginDirectory.toRealPath();
        if (realParent.startsWith(realPlugin)) {
            throw new IllegalArgumentException("the temporary directory " + parent
                    + " is inside the plugin directory " + pluginDirectory + ": choose one outside it");
        }
        Path root = Files.createTempDirectory(realParent, "wazo-deb-");
        try {
            return new Staging(root);
        } catch (IOException | RuntimeException e) {
            TreeRemover.remove(root);
            throw e;
        }
    }

    /** The {@code pkgdir}: what is under it becomes the package's payload, at the same paths. */
    public Path payload() {
        return payload;
    }

    /** Scratch space for files the build writes before the package is assembled. */
    public Path work() {
        return work;
    }

    @Override
    public void close() throws IOException {
        TreeRemover.remove(root);
    }
}
