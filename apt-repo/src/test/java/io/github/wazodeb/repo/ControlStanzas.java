package io.github.wazodeb.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the stanzas of a Packages or Release text back, for the tests' checks. */
final class ControlStanzas {

    private ControlStanzas() {
    }

    /** Each stanza's fields in order; continuation lines joined to their field with newlines. */
    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String field = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    stanzas.add(current);
                    current = new LinkedHashMap<>();
                }
            } else if (line.startsWith(" ") && field != null) {
                current.merge(field, "\n" + line.substring(1), String::concat);
            } else {
                int colon = line.indexOf(':');
                field = line.substring(0, colon);
                current.put(field, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            stanzas.add(current);
        }
        return stanzas;
    }
}
