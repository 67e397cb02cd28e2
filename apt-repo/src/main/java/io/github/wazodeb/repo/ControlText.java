package io.github.wazodeb.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads deb822 paragraphs (a package's control file, our own indexes) as strictly as dpkg does: a field name
 * is printable ASCII without {@code :}, not starting with {@code #} or {@code -}; a continuation line starts
 * with a space or a tab and is never blank (a blank one would end the paragraph for apt); no field twice,
 * whatever its case; no control character but the tab. A value copied from here into an index therefore
 * cannot start a field or a paragraph of its own. Written by hand: deb-builder's reader is lenient on
 * purpose (it shows whatever a package holds), and no library we use reads this format.
 */
final class ControlText {

    private ControlText() {
    }

    /** The fields of each paragraph in order, or the first reason the text is not valid. */
    static Parsed paragraphs(String text) {
        List<Map<String, String>> paragraphs = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        Map<String, String> namesSeen = new LinkedHashMap<>();
        String field = null;
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int number = 1; number <= count; number++) {
            String line = lines[number - 1];
            Optional<String> control = controlCharacter(line);
            if (control.isPresent()) {
                return Parsed.problem("line " + number + " holds " + control.get());
            }
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new LinkedHashMap<>();
                    namesSeen.clear();
                }
                field = null;
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (field == null) {
                    return Parsed.problem("line " + number + " continues a field but no field is open");
                }
                if (line.isBlank()) {
                    return Parsed.problem("line " + number + " is a blank continuation line in field " + field);
                }
                current.put(field, current.get(field) + "\n" + line);
            } else {
                int colon = line.indexOf(':');
                String name = colon < 0 ? line : line.substring(0, colon);
                Optional<String> nameProblem = colon < 0 ? Optional.of("has no ':' after a field name")
                        : nameProblem(name);
                if (nameProblem.isPresent()) {
                    return Parsed.problem("line " + number + " " + nameProblem.get());
                }
                String previous = namesSeen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                if (previous != null) {
                    return Parsed.problem("field " + name + " is given twice (line " + number + ")");
                }
                field = name;
                current.put(name, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return new Parsed(paragraphs, Optional.empty());
    }

    private static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("has an empty field name");
        }
        if (name.startsWith("#") || name.startsWith("-")) {
            return Optional.of("has a field name that starts with '" + name.charAt(0) + "'");
        }
        for (char c : name.toCharArray()) {
            if (c <= ' ' || c > '~') {
                return Optional.of("has a field name with a character other than printable ASCII");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> controlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\t' && (c < ' ' || c == 0x7f)) {
                return Optional.of(String.format(Locale.ROOT, "the control character U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    /** Either the paragraphs or the one problem that makes the text unusable. */
    record Parsed(List<Map<String, String>> paragraphs, Optional<String> problem) {

        static Parsed problem(String problem) {
            return new Parsed(List.of(), Optional.of(problem));
        }
    }
}
