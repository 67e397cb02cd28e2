package io.github.wazodeb.dist;

import java.nio.charset.StandardCharsets;

/** The {@code wazo-deb} shell script, for one layout: where the jar sits relative to the script. */
final class Launcher {

    private static final String TEMPLATE = "wazo-deb.sh";

    private Launcher() {
    }

    /**
     * The script's bytes.
     *
     * @param libraryFromBin the jar's directory relative to the script's, e.g. {@code ../lib}
     */
    static byte[] script(String libraryFromBin) {
        if (!libraryFromBin.matches("[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("library path \"" + libraryFromBin + "\" must need no shell quoting");
        }
        String template = new String(Resources.bytes(TEMPLATE), StandardCharsets.UTF_8);
        return template.replace("@LIB_DIR@", libraryFromBin).getBytes(StandardCharsets.UTF_8);
    }
}
