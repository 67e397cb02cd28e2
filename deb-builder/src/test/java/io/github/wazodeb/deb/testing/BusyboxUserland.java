package io.github.wazodeb.deb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The whole userland of a throw-away chroot: the host's static busybox as {@code /bin/busybox} and a link
 * to it for every applet, so that {@code /bin/sh}, {@code cp}, {@code rm}, ... work inside as on a small
 * Debian system. Check {@link Requirement#BUSYBOX} first.
 */
public final class BusyboxUserland {

    private BusyboxUserland() {
    }

    /** Puts busybox and its applet links into {@code root}'s {@code /bin}, creating it if missing. */
    public static void installInto(Path root) {
        try {
            Path bin = Files.createDirectories(root.resolve("bin"));
            Path busybox = bin.resolve("busybox");
            Files.copy(Requirement.BUSYBOX_PATH, busybox, StandardCopyOption.COPY_ATTRIBUTES);
            CommandResult applets = Commands.run(List.of(busybox.toString(), "--list"));
            if (!applets.succeeded()) {
                throw new IllegalStateException("cannot list busybox's applets: " + applets.describe());
            }
            for (String applet : applets.output().split("\n")) {
                // Relative links, so they resolve inside the chroot as well as from the host.
                if (!applet.isBlank() && !applet.equals("busybox") && !applet.contains("/")) {
                    Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put busybox into " + root, e);
        }
    }
}
