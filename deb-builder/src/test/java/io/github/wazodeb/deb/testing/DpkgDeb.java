package io.github.wazodeb.deb.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a package file with the real {@code dpkg-deb}, the reader every Debian tool trusts. Each call must
 * succeed, or the test fails with what dpkg-deb said; check {@link Requirement#DPKG_DEB} first.
 */
public final class DpkgDeb {

    private DpkgDeb() {
    }

    /**
     * {@code dpkg-deb --build --root-owner-group TREE DEB}: packs {@code tree} (payload and {@code DEBIAN/}),
     * checking its control file and scripts as it goes.
     *
     * @return what dpkg-deb warned about on standard error, empty when nothing
     */
    public static String build(Path tree, Path deb) {
        SplitResult result = run("--build", "--root-owner-group", tree.toString(), deb.toString());
        if (!result.succeeded()) {
            throw new AssertionError(result.describe());
        }
        return result.stderr();
    }

    /**
     * One control field's value as {@code dpkg-deb --field} prints it (continuation lines included), less
     * the newline that ends it; empty when the package has no such field.
     */
    public static String field(Path deb, String name) {
        String printed = Commands.stdoutOf("dpkg-deb", "--field", deb.toString(), name);
        if (!printed.endsWith("\n")) {
            throw new AssertionError("dpkg-deb --field " + name + " printed no line: \"" + printed + "\"");
        }
        return printed.substring(0, printed.length() - 1);
    }

    /** The payload listing of {@code dpkg-deb --contents}, one {@code tar -tv} line an entry, as printed. */
    public static String contents(Path deb) {
        return Commands.stdoutOf("dpkg-deb", "--contents", deb.toString());
    }

    /** {@code dpkg-deb --info}: the summary, or with {@code members} those control members' text. */
    public static String info(Path deb, String... members) {
        List<String> command = new ArrayList<>(List.of("dpkg-deb", "--info", deb.toString()));
        command.addAll(List.of(members));
        return Commands.stdoutOf(Commands.DEFAULT_TIMEOUT, command);
    }

    /** {@code dpkg-deb --extract}: the payload into {@code directory}, modes and links as packed. */
    public static void extract(Path deb, Path directory) {
        Commands.stdoutOf("dpkg-deb", "--extract", deb.toString(), directory.toString());
    }

    /** {@code dpkg-deb --control}: the control members into {@code directory}. */
    public static void extractControl(Path deb, Path directory) {
        Commands.stdoutOf("dpkg-deb", "--control", deb.toString(), directory.toString());
    }

    private static SplitResult run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(arguments));
        return Commands.runSplit(command);
    }
}
