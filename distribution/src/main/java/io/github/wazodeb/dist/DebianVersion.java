package io.github.wazodeb.dist;

/** The Debian version of a wazo-deb release, from its Maven version. */
final class DebianVersion {

    private DebianVersion() {
    }

    /**
     * Maven's {@code -} becomes {@code ~}: dpkg would read {@code 0.1.0-SNAPSHOT} as upstream 0.1.0 with a
     * Debian revision, newer than 0.1.0, where {@code 0.1.0~SNAPSHOT} sorts before it, as a snapshot should.
     * The pom's antrun step names the attached package the same way.
     */
    static String of(String mavenVersion) {
        if (mavenVersion.isEmpty() || !Character.isDigit(mavenVersion.charAt(0))
                || !mavenVersion.matches("[A-Za-z0-9.+~-]+")) {
            throw new IllegalArgumentException("version \"" + mavenVersion
                    + "\" cannot be a Debian version: it must start with a digit and hold only letters, digits and . + ~ -");
        }
        return mavenVersion.replace('-', '~');
    }
}
