package io.github.wazodeb.repo;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One package of the repository, as its {@code Packages} stanza describes it.
 *
 * @param fileName the file's path from the repository's root: its name in a flat repository, its
 *     {@code pool/...} path in a standard one
 * @param controlFields its control file's fields, in file order; continuation lines stay in their value
 * @param size the file's size in bytes
 * @param md5 the file's MD5, lower-case hex
 * @param sha256 the file's SHA-256, lower-case hex
 * @param newestFileTime the latest modification time of the files it installs (its build time, for a
 *     reproducible package)
 */
public record PackageEntry(String fileName, Map<String, String> controlFields, long size, String md5,
        String sha256, Instant newestFileTime) {

    public PackageEntry {
        controlFields = Collections.unmodifiableMap(new LinkedHashMap<>(controlFields));
    }

    /** The same package at another path of the repository. */
    public PackageEntry at(String path) {
        return new PackageEntry(path, controlFields, size, md5, sha256, newestFileTime);
    }

    public String name() {
        return controlFields.get("Package");
    }

    public String version() {
        return controlFields.get("Version");
    }

    public String architecture() {
        return controlFields.get("Architecture");
    }
}
