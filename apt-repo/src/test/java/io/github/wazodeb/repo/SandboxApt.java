package io.github.wazodeb.repo;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@code apt-get} working on a {@link DpkgSandbox}, with one source: a repository folder read through
 * {@code deb [signed-by=KEYRING] file:FOLDER ./}, as a Wazo server would list ours.
 *
 * <p>The combination that works: an {@code APT_CONFIG} file (apt reads it before anything else) that sets
 * {@code Dir} to the root, so apt's own configuration, sources, lists, cache, logs and the dpkg status it reads
 * are all the root's, and the host's {@code /etc/apt/apt.conf.d} (clean-up hooks, proxies) is never read;
 * {@code DPkg::Options} give every dpkg call apt makes {@code --root=ROOT}, so the host's dpkg installs into
 * the root and chroots into it for the maintainer scripts (busybox's sh), as {@link DpkgSandbox} itself
 * does, and {@code --log=/dev/null} keeps the host's dpkg.log clean. {@code Dir::Bin::dpkg} stays the
 * host's {@code /usr/bin/dpkg}: the root has no dpkg of its own. {@code APT::Sandbox::User "root"}: the
 * test's folders are private to root, and apt's {@code _apt} user could not read them. Setting {@code Dir=ROOT}
 * with {@code -o} on the command line instead is too late: the host's configuration parts are read first.
 */
public final class SandboxApt {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final DpkgSandbox sandbox;
    private final Path config;

    private SandboxApt(DpkgSandbox sandbox, Path config) {
        this.sandbox = sandbox;
        this.config = config;
    }

    /** apt in {@code sandbox}, its only source {@code repository}, trusted with the keys of {@code keyring}. */
    public static SandboxApt over(DpkgSandbox sandbox, Path repository, Path keyring) {
        return withSource(sandbox, "deb [signed-by=" + keyring.toAbsolutePath() + "] file:"
                + repository.toAbsolutePath() + " ./");
    }

    /** apt in {@code sandbox}, its only source the {@code sources.list} line {@code source}. */
    public static SandboxApt withSource(DpkgSandbox sandbox, String source) {
        Path root = sandbox.root();
        try {
            for (String directory : List.of("etc/apt/apt.conf.d", "etc/apt/preferences.d", "etc/apt/sources.list.d",
                    "etc/apt/trusted.gpg.d", "var/lib/apt/lists/partial", "var/cache/apt/archives/partial",
                    "var/log/apt")) {
                Files.createDirectories(root.resolve(directory));
            }
            Files.writeString(root.resolve("etc/apt/sources.list"), source + "\n");
            Path config = Files.writeString(root.resolveSibling(root.getFileName() + ".apt.conf"), String.join("\n",
                    "Dir \"" + root + "/\";",
                    "Dir::State::status \"" + root + "/var/lib/dpkg/status\";",
                    "Dir::Bin::dpkg \"/usr/bin/dpkg\";",
                    "DPkg::Options { \"--root=" + root + "\"; \"--log=/dev/null\"; };",
                    "APT::Sandbox::User \"root\";",
                    ""));
            return new SandboxApt(sandbox, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points apt at another source; the next {@link #update} reads it. */
    void changeSource(String source) {
        try {
            Files.writeString(sandbox.root().resolve("etc/apt/sources.list"), source + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CommandResult update() {
        return aptGet(List.of("update"));
    }

    public CommandResult install(String... packages) {
        List<String> arguments = new ArrayList<>(List.of("install", "--yes", "--no-install-recommends"));
        arguments.addAll(List.of(packages));
        return aptGet(arguments);
    }

    DpkgSandbox sandbox() {
        return sandbox;
    }

    private CommandResult aptGet(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(arguments);
        return Commands.run(command, Map.of("APT_CONFIG", config.toString(), "DEBIAN_FRONTEND", "noninteractive"),
                TIMEOUT);
    }

    /** Deletes the configuration file beside the root; the root itself goes with the sandbox. */
    void close() {
        try {
            Files.deleteIfExists(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
