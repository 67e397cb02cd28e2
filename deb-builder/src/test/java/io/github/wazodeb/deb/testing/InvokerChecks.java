package io.github.wazodeb.deb.testing;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What every invoker {@code verify.groovy} (the examples, the Maven plugin's integration tests) checks about
 * the package its build wrote, so that each script shows only what is particular to its project. Groovy
 * calls these as statics; a failed check throws {@link AssertionError}, which fails the invoker build as a
 * Groovy {@code assert} does.
 */
public final class InvokerChecks {

    /** Where the examples' second execution ({@code wazo:package -Dwazo.outputDirectory=...}) writes. */
    static final String SECOND_RUN = "second-run";

    private InvokerChecks() {
    }

    /** The package file at {@code relativePath} under the project's {@code basedir}, which must exist. */
    public static File packageIn(File basedir, String relativePath) {
        File deb = new File(basedir, relativePath);
        if (!deb.isFile()) {
            throw new AssertionError("the build wrote no " + deb + "; the packages beside it: " + packagesBeside(deb));
        }
        return deb;
    }

    /**
     * The package the second, lone {@code mvn wazo:package} wrote to {@code second-run/} beside {@code deb}
     * must exist and have the very same bytes: the build is reproducible.
     */
    public static void sameBytesAsSecondRun(File deb) {
        File secondRun = new File(new File(deb.getParentFile(), SECOND_RUN), deb.getName());
        if (!secondRun.isFile()) {
            throw new AssertionError("the second build wrote no " + secondRun);
        }
        if (!Arrays.equals(bytesOf(secondRun), bytesOf(deb))) {
            throw new AssertionError(secondRun + " differs from " + deb
                    + ": a second build of the same plugin must give the same bytes");
        }
    }

    /** The {@code .deb} that {@code mvn install} put in the local repository, which must exist. */
    public static File installedInLocalRepository(File localRepositoryPath, String groupId, String artifactId,
            String version) {
        return installedInLocalRepository(localRepositoryPath, groupId, artifactId, version, "deb");
    }

    /** The artifact with that {@code extension} that {@code mvn install} put in the local repository; it must exist. */
    public static File installedInLocalRepository(File localRepositoryPath, String groupId, String artifactId,
            String version, String extension) {
        File folder = new File(localRepositoryPath, groupId.replace('.', '/') + "/" + artifactId + "/" + version);
        File artifact = new File(folder, artifactId + "-" + version + "." + extension);
        if (!artifact.isFile()) {
            throw new AssertionError("mvn install did not put the ." + extension + " in " + artifact);
        }
        return artifact;
    }

    /**
     * Whether the machine has all of {@code needed} for the {@code checks} that follow. Where something is
     * missing it prints {@code SKIPPED <checks>: <what is missing>} and answers false, for the script to
     * return early; with {@code WAZODEB_REQUIRE_DPKG=1} (CI) it fails instead, so CI cannot pass by skipping.
     */
    public static boolean toolsAvailable(String checks, Requirement... needed) {
        return toolsAvailable(checks, EnumSet.copyOf(Arrays.asList(needed)));
    }

    /** As {@link #toolsAvailable(String, Requirement...)}, for a set such as {@link Requirements#SANDBOX}. */
    public static boolean toolsAvailable(String checks, Set<Requirement> needed) {
        return available(checks, Requirements.missing(needed), System.getenv(Requirements.REQUIRE_VARIABLE),
                System.out);
    }

    /** The decision, apart from the machine: {@code requireValue} is the variable's value, or null. */
    static boolean available(String checks, List<String> missing, String requireValue, PrintStream out) {
        if (missing.isEmpty()) {
            return true;
        }
        String reason = String.join("; ", missing);
        if ("1".equals(requireValue)) {
            throw new AssertionError(checks + " need " + reason + " (" + Requirements.REQUIRE_VARIABLE
                    + "=1 makes this a failure, not a skip)");
        }
        // The invoker sends a hook script's standard output to the project's build.log.
        out.println("SKIPPED " + checks + ": " + reason);
        return false;
    }

    /** One control field's value, as {@code dpkg-deb --field} prints it. */
    public static String field(File deb, String name) {
        return DpkgDeb.field(deb.toPath(), name);
    }

    /** Those control fields' values by name, in the order asked. */
    public static Map<String, String> fields(File deb, String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, field(deb, name));
        }
        return values;
    }

    /** The payload's entries as {@code tar -t} names them: {@code ./}, {@code ./etc/}, {@code ./etc/a.conf}, ... */
    public static List<String> pathsIn(File deb) {
        return Commands.shell("dpkg-deb --fsys-tarfile \"$1\" | tar -t -f -", deb.getPath()).lines().toList();
    }

    /**
     * The payload's entries as {@code tar -tv} lists them, times in UTC: mode, owner, size, time, name (and
     * {@code -> target} for a link).
     */
    public static List<String> listingOf(File deb) {
        return DpkgDeb.contents(deb.toPath()).lines().toList();
    }

    /** The payload extracted into a fresh {@code <package>.payload/} folder beside {@code deb}. */
    public static File payloadOf(File deb) {
        Path folder = freshFolderBeside(deb, "payload");
        DpkgDeb.extract(deb.toPath(), folder);
        return folder.toFile();
    }

    /**
     * The control members ({@code control}, {@code postinst}, ...) extracted into a fresh
     * {@code <package>.control/} folder beside {@code deb}.
     */
    public static File controlOf(File deb) {
        Path folder = freshFolderBeside(deb, "control");
        DpkgDeb.extractControl(deb.toPath(), folder);
        return folder.toFile();
    }

    /** Left in the project's target folder, not deleted: a failed check can be looked into. */
    private static Path freshFolderBeside(File deb, String what) {
        String name = deb.getName().replaceFirst("\\.deb$", "") + "." + what;
        Path folder = deb.toPath().resolveSibling(name);
        if (Files.exists(folder)) {
            FileTrees.delete(folder);
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> packagesBeside(File deb) {
        Path folder = deb.toPath().getParent();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".deb"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytesOf(File file) {
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
