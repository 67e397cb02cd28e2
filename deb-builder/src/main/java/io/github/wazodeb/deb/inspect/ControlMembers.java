package io.github.wazodeb.deb.inspect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the control member's small text files: maintainer scripts, {@code md5sums}, {@code conffiles}. */
final class ControlMembers {

    /** The maintainer scripts deb(5) and deb-maintscripts(5) name, in the order dpkg runs them on install. */
    static final List<String> SCRIPT_NAMES = List.of("preinst", "postinst", "prerm", "postrm", "config");

    private ControlMembers() {
    }

    static Map<String, String> scripts(Map<String, byte[]> controlFiles) {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String name : SCRIPT_NAMES) {
            byte[] text = controlFiles.get(name);
            if (text != null) {
                scripts.put(name, new String(text, StandardCharsets.UTF_8));
            }
        }
        return scripts;
    }

    /**
     * {@code md5sums} as path to digest, in the file's order. Each line is {@code DIGEST  PATH} (two spaces,
     * as md5sum writes it); the path is kept as the file spells it (relative, no {@code ./}).
     */
    static Map<String, String> md5sums(Map<String, byte[]> controlFiles) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : lines(controlFiles.get("md5sums"))) {
            int space = line.indexOf(' ');
            if (space > 0) {
                String path = line.substring(space).stripLeading();
                sums.put(path.startsWith("*") ? path.substring(1) : path, line.substring(0, space));
            }
        }
        return sums;
    }

    /** {@code conffiles}, one entry a line (flags such as {@code remove-on-upgrade} kept), blank lines left out. */
    static List<String> conffiles(Map<String, byte[]> controlFiles) {
        List<String> conffiles = new ArrayList<>();
        for (String line : lines(controlFiles.get("conffiles"))) {
            if (!line.isBlank()) {
                conffiles.add(line.strip());
            }
        }
        return conffiles;
    }

    private static List<String> lines(byte[] file) {
        if (file == null) {
            return List.of();
        }
        return new String(file, StandardCharsets.UTF_8).lines().toList();
    }
}
