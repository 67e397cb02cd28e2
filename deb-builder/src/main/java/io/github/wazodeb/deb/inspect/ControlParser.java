package io.github.wazodeb.deb.inspect;

import java.util.LinkedHashMap;
import java.util.Map;

/** Splits a control paragraph into fields; continuation lines stay in their field's value. */
final class ControlParser {

    private ControlParser() {
    }

    static Map<String, String> fields(String control) {
        Map<String, String> fields = new LinkedHashMap<>();
        String current = null;
        for (String line : control.split("\n")) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                fields.put(current, fields.get(current) + "\n" + line);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current = line.substring(0, colon);
                fields.put(current, line.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
