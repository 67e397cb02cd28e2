package io.github.wazodeb.deb.archive;

import io.github.wazodeb.deb.Compression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

/** Staging trees and control members for the archive tests. */
final class Fixtures {

    static final Instant TIMESTAMP = Instant.parse("2024-05-06T07:08:09Z");

    /** A name of 64 characters, to build paths over 200 bytes. */
    static final String SEGMENT = "segment-of-sixty-four-characters-0123456789abcdefghijklmnopqrstu";

    static final String LONG_FILE = "usr/share/long/" + SEGMENT + "/" + SEGMENT + "/" + SEGMENT + ".txt";
    static final String LONG_LINK_TARGET = "../../share/long/" + SEGMENT + "/" + SEGMENT + "/" + SEGMENT + ".txt";
    static final String UTF8_FILE = "usr/share/doc/pkg/café-ünïcødé-日本.txt";

    private Fixtures() {
    }

    /**
     * A tree with every kind of entry the archive must carry: modes 0755 and 04755, an empty directory, a
     * dangling symlink, a symlink to a directory, a hard link, a path over 200 bytes, a symlink target over
     * 100 bytes, a UTF-8 name and an empty file. Directory modes are set explicitly, whatever the umask.
     */
    static Path richTree(Path root) throws IOException {
        Files.createDirectories(root);
        dir(root, "usr/bin");
        file(root, "usr/bin/tool", "#!/bin/sh\necho tool\n", "rwxr-xr-x");
        file(root, "usr/bin/suid", "#!/bin/sh\necho suid\n", "rwxr-xr-x");
        dir(root, "usr/share/doc/pkg");
        file(root, "usr/share/doc/pkg/readme", "read me\n".repeat(300), "rw-r--r--");
        file(root, "usr/share/doc/pkg/empty", "", "rw-r--r--");
        file(root, UTF8_FILE, "unicode\n", "rw-r--r--");
        dir(root, "usr/share/empty");
        dir(root, "usr/share/long/" + SEGMENT + "/" + SEGMENT);
        file(root, LONG_FILE, "long\n", "rw-r-----");
        dir(root, "usr/lib/pkg");
        Files.createSymbolicLink(root.resolve("usr/lib/pkg/dangling"), Path.of("../nowhere"));
        Files.createSymbolicLink(root.resolve("usr/lib/pkg/docdir"), Path.of("../../share/doc/pkg"));
        Files.createSymbolicLink(root.resolve("usr/lib/pkg/longlink"), Path.of(LONG_LINK_TARGET));
        Files.createLink(root.resolve("usr/lib/pkg/hard"), root.resolve("usr/share/doc/pkg/readme"));
        fixDirectoryModes(root);
        // After the umask-free chmod, so that it holds: setuid is dropped by some chmod paths otherwise.
        Files.setAttribute(root.resolve("usr/bin/suid"), "unix:mode", 04755);
        return root;
    }

    /** Every directory 0755, as a packager's staging would have them whatever the umask. */
    static void fixDirectoryModes(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    static void dir(Path root, String path) throws IOException {
        Files.createDirectories(root.resolve(path));
    }

    static void file(Path root, String path, String content, String permissions) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }

    static ControlMember control(String packageName, long installedSize) {
        String text = "Package: " + packageName + "\n"
                + "Version: 1.0-1\n"
                + "Architecture: all\n"
                + "Maintainer: Test Maintainer <test@example.com>\n"
                + "Installed-Size: " + installedSize + "\n"
                + "Description: archive layer test package\n"
                + " Built by the archive tests of wazo-deb.\n";
        return new ControlMember("control", text.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** Scans {@code root} and writes a complete .deb with a control file and md5sums. */
    static DataMember writeDeb(Path root, Compression compression, int level, Instant timestamp, Path target)
            throws IOException {
        DebArchiveWriter writer = new DebArchiveWriter(compression, level, timestamp);
        PayloadTree tree = PayloadTree.scan(root);
        DataMember data = writer.writeData(tree);
        writer.writeDeb(List.of(
                new ControlMember("md5sums", data.md5sumsFile(), 0644),
                control("wazo-archive-test", data.installedSizeKiB())), data, target);
        return data;
    }

    static DataMember writeDeb(Path root, Compression compression, Path target) throws IOException {
        return writeDeb(root, compression, compression.defaultLevel(), TIMESTAMP, target);
    }
}
