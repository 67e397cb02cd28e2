package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throw-away root for the real dpkg: an empty package database and a busybox userland, so that
 * {@code dpkg --root=DIR} installs into it and chroots into it to run maintainer scripts with busybox's
 * {@code sh}, as on a small Debian system. One per test; {@link #close()} deletes it.
 *
 * <p>Every dpkg call is {@code dpkg --root=DIR --log=/dev/null ACTION}, in a clean environment with a
 * time limit. No {@code --force-*} option is needed: we are root, so dpkg may chroot, and the
 * programs dpkg looks for on the PATH before it acts (ldconfig, start-stop-daemon) are looked up on the
 * host. {@code --log=/dev/null} because dpkg's log file is not under {@code --root}: by default our test
 * installs would be written into the host's {@code /var/log/dpkg.log}. dpkg still reads the host's
 * {@code /etc/dpkg/dpkg.cfg.d}; there is no option to stop that, so a host {@code path-exclude} there would
 * show here.
 */
public final class DpkgSandbox implements AutoCloseable {

    private final Path root;

    private DpkgSandbox(Path root) {
        this.root = root;
    }

    /** Makes a new root in a fresh directory under the system's temporary directory. */
    public static DpkgSandbox create() {
        try {
            return create(Files.createTempDirectory("wazodeb-root"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the root in {@code directory}, which must be empty or absent. The caller should have checked
     * {@link Requirements#SANDBOX}.
     */
    public static DpkgSandbox create(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(root + " is not empty");
                }
            }
            layOut(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a dpkg root in " + root, e);
        }
        return new DpkgSandbox(root);
    }

    private static void layOut(Path root) throws IOException {
        Path admin = root.resolve("var/lib/dpkg");
        Files.createDirectories(admin.resolve("info"));
        Files.createDirectories(admin.resolve("updates"));
        Files.createFile(admin.resolve("status"));
        Files.createFile(admin.resolve("available"));
        for (String directory : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "var/log", "root", "dev")) {
            Files.createDirectories(root.resolve(directory));
        }
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        // As on any system; chmod because the sticky bit has no PosixFilePermission.
        run(List.of("chmod", "1777", tmp.toString()));

        Path busybox = root.resolve("bin/busybox");
        Files.copy(Requirement.BUSYBOX_PATH, busybox, StandardCopyOption.COPY_ATTRIBUTES);
        CommandResult applets = run(List.of(busybox.toString(), "--list"));
        for (String applet : applets.output().split("\n")) {
            // Relative links, so they resolve inside the chroot as well as from the host.
            if (!applet.isBlank() && !applet.equals("busybox") && !applet.contains("/")) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
            }
        }
        // Every real system has it, and maintainer scripts redirect to it; creating it needs CAP_MKNOD,
        // which root normally has (in Docker too).
        run(List.of("mknod", "-m", "666", root.resolve("dev/null").toString(), "c", "1", "3"));
    }

    private static CommandResult run(List<String> command) {
        CommandResult result = Commands.run(command);
        if (!result.succeeded()) {
            throw new IllegalStateException("preparing the dpkg root failed: " + result.describe());
        }
        return result;
    }

    /** The root directory on the host. */
    public Path root() {
        return root;
    }

    /** {@code dpkg --install} of one or more package files, in one call. */
    public CommandResult install(Path... debs) {
        List<String> arguments = new ArrayList<>(List.of("--install"));
        for (Path deb : debs) {
            arguments.add(deb.toAbsolutePath().toString());
        }
        return dpkg(arguments);
    }

    /** {@code dpkg --remove}: files go, the package stays known (config-files) while it has a postrm. */
    public CommandResult remove(String packageName) {
        return dpkg(List.of("--remove", packageName));
    }

    /** {@code dpkg --purge}: the package is forgotten, whether installed or removed. */
    public CommandResult purge(String packageName) {
        return dpkg(List.of("--purge", packageName));
    }

    /** Any other dpkg action against this root, e.g. {@code --configure -a}. */
    public CommandResult dpkg(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--log=/dev/null"));
        command.addAll(arguments);
        return Commands.run(command);
    }

    /** Whether dpkg has the package in state {@code installed} (unpacked and configured). */
    public boolean isInstalled(String packageName) {
        return status(packageName).map(fields -> fields.get("Status"))
                .filter(status -> status.endsWith(" installed"))
                .isPresent();
    }

    /**
     * The package's record in the database ({@code dpkg-query --status}), fields in file order
     * ({@code Status}, {@code Version}, {@code Section}, {@code Depends}, ...), continuation lines joined
     * with newlines; empty when dpkg does not know the package (never installed, or purged).
     */
    public Optional<Map<String, String>> status(String packageName) {
        CommandResult result = Commands.run(List.of("dpkg-query", "--root=" + root, "--status", packageName));
        if (!result.succeeded()) {
            if (result.output().contains("is not installed")) {
                return Optional.empty();
            }
            throw new IllegalStateException(result.describe());
        }
        return Optional.of(parseFields(result.output()));
    }

    private static Map<String, String> parseFields(String stanza) {
        Map<String, String> fields = new LinkedHashMap<>();
        String current = null;
        for (String line : stanza.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                fields.merge(current, "\n" + line.substring(1), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    current = line.substring(0, colon);
                    fields.put(current, line.substring(colon + 1).strip());
                }
            }
        }
        return fields;
    }

    /**
     * Where {@code absolutePathInside} (as the installed system sees it, e.g. {@code /etc/foo.conf}) is on
     * the host. Resolved by name only: {@code ..} cannot climb out of the root, but a symbolic link inside it
     * is followed by whoever opens the path, as on the host.
     */
    public Path path(String absolutePathInside) {
        if (!absolutePathInside.startsWith("/")) {
            throw new IllegalArgumentException("\"" + absolutePathInside + "\" is not absolute");
        }
        Path inside = root.resolve(absolutePathInside.substring(1)).normalize();
        if (!inside.startsWith(root)) {
            throw new IllegalArgumentException("\"" + absolutePathInside + "\" leaves the root");
        }
        return inside;
    }

    /** The lines of a file inside the root; none when it does not exist (a log nobody wrote to). */
    public List<String> readLines(String absolutePathInside) {
        Path file = path(absolutePathInside);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the whole root, never following links out of it. */
    @Override
    public void close() {
        FileTrees.delete(root);
    }

    @Override
    public String toString() {
        return "DpkgSandbox[" + root + "]";
    }
}
