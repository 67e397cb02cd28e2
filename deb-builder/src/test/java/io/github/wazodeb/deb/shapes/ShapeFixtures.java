package io.github.wazodeb.deb.shapes;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** Copies the plugin shapes under {@code src/test/resources/shapes/} into a test's own directory. */
final class ShapeFixtures {

    private ShapeFixtures() {
    }

    /**
     * Copies {@code shapes/<name>} to {@code target} and makes every {@code wazo/rules} in it executable:
     * Maven copies resources without their exec bit, and the builder rightly refuses rules without it.
     */
    static Path copy(String name, Path target) throws IOException {
        Path source = resource(name);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                if (copy.getFileName().toString().equals("rules") && copy.getParent().endsWith("wazo")) {
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    private static Path resource(String name) {
        URL url = ShapeFixtures.class.getResource("/shapes/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource shapes/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
