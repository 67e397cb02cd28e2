package io.github.wazodeb.dist;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.archive.ControlMember;
import io.github.wazodeb.deb.archive.DataMember;
import io.github.wazodeb.deb.archive.DebArchiveWriter;
import io.github.wazodeb.deb.archive.DebFile;
import io.github.wazodeb.deb.archive.PayloadTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * wazo-deb's own Debian package, {@code wazo-deb_<version>_all.deb}, written with deb-builder's archive
 * writer. Not a Wazo plugin's package, so it has a control file of its own rather than deb-builder's.
 */
final class SelfPackage {

    /** Where the package puts the jar; the launcher in /usr/bin finds it as {@code ../share/wazo-deb}. */
    static final String SHARE = "usr/share/wazo-deb";
    static final String JAR = SHARE + "/wazo-deb.jar";
    static final String COMMAND = "usr/bin/wazo-deb";
    static final String COPYRIGHT = "usr/share/doc/wazo-deb/copyright";
    /** Debian's default runtime is Java 17 from bookworm on (its epoch 2: version 2:1.17); any other
     *  package providing a Java 17 headless runtime does too. */
    static final String JAVA_DEPENDS = "default-jre-headless (>= 2:1.17) | java17-runtime-headless";
    static final String MAINTAINER = "wazo-deb developers <wazo-deb@users.noreply.github.com>";

    private SelfPackage() {
    }

    /** The installed tree: the launcher, the jar and the copyright file Debian asks every package for. */
    static void stage(StagingTree tree, Path jar) throws IOException {
        tree.file(COMMAND, Launcher.script("../share/wazo-deb"), 0755)
                .copy(JAR, jar, 0644)
                .file(COPYRIGHT, Resources.bytes("copyright"), 0644);
    }

    static DebFile write(PayloadTree payload, String debianVersion, Instant timestamp, Path outputDirectory)
            throws IOException {
        DebArchiveWriter writer = new DebArchiveWriter(Compression.XZ, Compression.XZ.defaultLevel(), timestamp);
        DataMember data = writer.writeData(payload);
        List<ControlMember> control = List.of(
                new ControlMember("control", control(debianVersion, data.installedSizeKiB()), 0644),
                new ControlMember("md5sums", data.md5sumsFile(), 0644),
                new ControlMember("postinst", Resources.bytes("postinst"), 0755),
                new ControlMember("prerm", Resources.bytes("prerm"), 0755));
        return writer.writeDeb(control, data, outputDirectory.resolve("wazo-deb_" + debianVersion + "_all.deb"));
    }

    static byte[] control(String debianVersion, long installedSizeKiB) {
        return String.join("\n",
                "Package: wazo-deb",
                "Version: " + debianVersion,
                "Architecture: all",
                "Maintainer: " + MAINTAINER,
                "Installed-Size: " + installedSizeKiB,
                "Depends: " + JAVA_DEPENDS,
                "Section: devel",
                "Priority: optional",
                "Homepage: https://github.com/wazodeb/wazo-deb",
                "Description: turns a Wazo Platform plugin into a Debian package",
                " wazo-deb builds the package wazo-plugind would build from a Wazo plugin",
                " (wazo/plugin.yml and wazo/rules), ahead of time and without root: to test it,",
                " sign it and publish it in an apt repository (wazo-deb repo).",
                "").getBytes(StandardCharsets.UTF_8);
    }
}
