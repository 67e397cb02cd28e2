package io.github.wazodeb.repo;

import io.github.wazodeb.model.DebianVersion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where things are in a standard repository: the packages under {@code pool/main/}, as Debian's archive
 * keeps them, each suite's indexes under {@code dists/SUITE/main/binary-all/}, and wazo-deb's own lock and
 * cache under {@code .wazo-deb/}, which apt never reads.
 */
final class RepositoryLayout {

    /** The component and the one architecture folder of every suite: plugins are {@code Architecture: all}. */
    static final String BINARY_DIRECTORY = "main/binary-all";

    private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path root;

    RepositoryLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path lockFile() {
        return root.resolve(".wazo-deb/lock");
    }

    Path poolCache() {
        return root.resolve(".wazo-deb/pool.cache");
    }

    /** The by-hash names each recent index of {@code suite} used, newest last. */
    Path byHashHistory(String suite) {
        return root.resolve(".wazo-deb/by-hash").resolve(suite);
    }

    Path distributions() {
        return root.resolve("dists");
    }

    Path suiteDirectory(String suite) {
        return distributions().resolve(suite);
    }

    Path packagesIndex(String suite) {
        return suiteDirectory(suite).resolve(BINARY_DIRECTORY).resolve("Packages");
    }

    /**
     * {@code pool/main/w/NAME/NAME_VERSION_ARCH.deb}, as Debian's archive names them: the folder is the
     * name's first letter ({@code libX} for libraries), the version is without its epoch. Safe as a path: the
     * package reader accepted only dpkg's characters in the name, version and architecture.
     */
    static String poolPath(PackageEntry entry) {
        String name = entry.name();
        String prefix = name.startsWith("lib") && name.length() > 3 ? name.substring(0, 4) : name.substring(0, 1);
        return "pool/main/" + prefix + "/" + name + "/" + name + "_"
                + DebianVersion.parse(entry.version()).withoutEpoch() + "_" + entry.architecture() + ".deb";
    }

    /** Why {@code suite} cannot name a suite (it becomes a folder name and a word of sources.list). */
    static Optional<String> suiteProblem(String suite) {
        return SUITE.matcher(suite).matches() ? Optional.empty() : Optional.of("suite \"" + suite
                + "\" is not a valid suite name (letters, digits and . _ -, starting with a letter or digit)");
    }
}
