package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the host's real {@code dpkg} into a busybox root, so that maintainer scripts run there can call
 * {@code dpkg --compare-versions}, as they can on a real server (where dpkg is what runs them). Busybox's own
 * {@code dpkg} applet has no {@code --compare-versions} ("unrecognized option", exit 1, which a script would
 * read as "the relation does not hold"), so {@link BusyboxUserland}'s {@code /bin/dpkg} link is replaced.
 *
 * <p>dpkg is dynamically linked: the libraries {@code ldd} lists, and the program interpreter, are copied to
 * the same paths inside the root. Check {@link Requirement#DPKG} and {@link Requirement#BUSYBOX} first.
 */
public final class HostDpkg {

    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)} or {@code /lib64/ld-linux-x86-64.so.2 (0x...)}. */
    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    private HostDpkg() {
    }

    /** Copies {@code dpkg} to {@code root}'s {@code /usr/bin} and {@code /bin} with the libraries it needs. */
    public static void installInto(Path root) {
        Path dpkg = Commands.locate("dpkg")
                .orElseThrow(() -> new IllegalStateException("dpkg is not on PATH " + Commands.PATH));
        try {
            for (Path library : libraries(dpkg)) {
                copy(library, root);
            }
            Path installed = copy(dpkg, root, "/usr/bin/dpkg");
            Path bin = Files.createDirectories(root.resolve("bin"));
            Files.deleteIfExists(bin.resolve("dpkg"));
            Files.copy(installed, bin.resolve("dpkg"), StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put dpkg into " + root, e);
        }
    }

    /** What {@code ldd} says {@code program} loads: every library and the program interpreter. */
    static List<Path> libraries(Path program) {
        CommandResult ldd = Commands.run(List.of("ldd", program.toString()));
        if (!ldd.succeeded()) {
            throw new IllegalStateException("cannot list the libraries of " + program + ": " + ldd.describe());
        }
        List<Path> libraries = new ArrayList<>();
        for (String line : ldd.output().split("\n")) {
            Matcher library = LIBRARY.matcher(line.strip());
            if (library.find()) {
                libraries.add(Path.of(library.group(1)));
            }
        }
        if (libraries.isEmpty()) {
            throw new IllegalStateException("ldd lists no library for " + program + ":\n" + ldd.output());
        }
        return libraries;
    }

    private static Path copy(Path hostFile, Path root) throws IOException {
        return copy(hostFile, root, hostFile.toString());
    }

    /** The file's content (links followed) at {@code pathInside}, executable as on the host. */
    private static Path copy(Path hostFile, Path root, String pathInside) throws IOException {
        Path target = root.resolve(pathInside.substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(hostFile, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return target;
    }
}
