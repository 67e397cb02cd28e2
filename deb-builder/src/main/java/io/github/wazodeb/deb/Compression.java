package io.github.wazodeb.deb;

import java.util.Locale;
import java.util.Optional;

/** How the package's tar members are compressed. Every one is a form dpkg reads for both members. */
public enum Compression {
    /** java.util.zip's deflate; byte-identical only where the JVM's zlib is the same. */
    GZIP(".gz", 1, 9, 9),
    /** Pure-Java XZ (org.tukaani:xz), one stream: byte-identical on every machine. dpkg-deb's default. */
    XZ(".xz", 0, 9, 6),
    /** Zstandard through zstd-jni's bundled libzstd, one frame: byte-identical for the same zstd-jni. */
    ZSTD(".zst", 1, 19, 3),
    /** Plain tar. */
    NONE("", 0, 0, 0);

    private final String suffix;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    Compression(String suffix, int minLevel, int maxLevel, int defaultLevel) {
        this.suffix = suffix;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    /** The member name suffix after {@code .tar}: {@code .xz}, or empty for {@link #NONE}. */
    public String suffix() {
        return suffix;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    public int defaultLevel() {
        return defaultLevel;
    }

    /**
     * Checks that {@code level} is within this compression's range.
     *
     * @return the level
     * @throws IllegalArgumentException naming the range
     */
    public int requireLevel(int level) {
        if (level < minLevel || level > maxLevel) {
            throw new IllegalArgumentException("compression level " + level + " is outside " + minLevel + ".."
                    + maxLevel + " for " + userName());
        }
        return level;
    }

    /** The name users type: {@code gzip}, {@code xz}, {@code zstd}, {@code none}. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's spelling, case-insensitively; {@code gz} and {@code zst} are accepted too. */
    public static Optional<Compression> fromUserName(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (Compression compression : values()) {
            if (compression.userName().equals(lower) || compression.suffix.equals("." + lower)) {
                return Optional.of(compression);
            }
        }
        return Optional.empty();
    }
}
