package io.github.wazodeb.dist;

import io.github.wazodeb.deb.OptionValues;
import io.github.wazodeb.deb.archive.DebFile;
import io.github.wazodeb.deb.archive.PayloadTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes wazo-deb's two distributions from the CLI's runnable jar, for the build (the pom runs it in the
 * {@code package} phase):
 * <ul>
 *   <li>{@code wazo-deb-<version>.tar.gz}: {@code wazo-deb-<version>/bin/wazo-deb} and
 *       {@code wazo-deb-<version>/lib/wazo-deb.jar};</li>
 *   <li>{@code wazo-deb_<debian version>_all.deb}: {@code /usr/bin/wazo-deb} and
 *       {@code /usr/share/wazo-deb/wazo-deb.jar}, depending on a Java 17 runtime.</li>
 * </ul>
 * Both are reproducible: every time is the build's {@code project.build.outputTimestamp}.
 */
public final class DistributionMain {

    private DistributionMain() {
    }

    /**
     * Arguments: the runnable jar, the project version, the timestamp (seconds or ISO-8601), the output folder,
     * the folder of the manual pages (roff, {@code *.1}) the build made from the commands' help.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: DistributionMain JAR VERSION TIMESTAMP OUTPUT_DIRECTORY MAN_DIRECTORY");
        }
        Path jar = Path.of(args[0]);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build the cli module first");
        }
        String version = args[1];
        Instant timestamp = OptionValues.timestamp(args[2]);
        Path output = Files.createDirectories(Path.of(args[3]));

        Path tarball = output.resolve("wazo-deb-" + version + ".tar.gz");
        try (StagingTree tree = StagingTree.create(output)) {
            tree.file("bin/wazo-deb", Launcher.script("../lib"), 0755).copy("lib/wazo-deb.jar", jar, 0644);
            Tarball.write(PayloadTree.scan(tree.root()), "wazo-deb-" + version, timestamp, tarball);
        }
        System.out.println("Wrote " + tarball);

        try (StagingTree tree = StagingTree.create(output)) {
            SelfPackage.stage(tree, jar);
            PolicyFiles.stage(tree, DebianVersion.of(version), timestamp, Path.of(args[4]));
            DebFile deb = SelfPackage.write(PayloadTree.scan(tree.root()), DebianVersion.of(version), timestamp, output);
            System.out.println("Wrote " + deb.path() + " (sha256 " + deb.sha256() + ")");
        }
    }
}
