package io.github.wazodeb.provd.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code pkgs.db} file read as Python's {@code configparser.RawConfigParser} reads it (what wazo-provd's
 * firmware installer uses): {@code [section]} headers, {@code key: value} or {@code key = value} options
 * (keys lower-cased, values stripped), indented continuation lines, whole-line {@code #} and {@code ;}
 * comments, no interpolation, a repeated section or key an error. It keeps every line as written, so one
 * value can be changed and the rest of the file, comments and layout included, written back byte for byte.
 *
 * <p>Written by hand because the Java INI libraries rewrite the whole file when they save (ini4j, unmaintained
 * since 2015; Apache Commons Configuration's INIConfiguration, which also normalises separators and drops
 * comments in places): a maintainer's pkgs.db must change only in the values updated.
 */
public final class IniDocument {

    /** An option: its key, value, and where it is ({@code line} to {@code lastLine}, 1-based, continuations included). */
    public record Option(String key, String value, int line, int lastLine) {
    }

    /** A section: its name, header line and options in file order. */
    public record Section(String name, int line, Map<String, Option> options) {

        public Optional<Option> option(String key) {
            return Optional.ofNullable(options.get(key));
        }
    }

    /** The file breaks configparser's rules at {@code line}. */
    public static final class SyntaxException extends Exception {

        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final Pattern SECTION = Pattern.compile("\\[(.+)]");
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)");

    /** The lines with their terminators. */
    private final List<String> lines;
    private final Map<String, Section> sections;

    private IniDocument(List<String> lines, Map<String, Section> sections) {
        this.lines = List.copyOf(lines);
        this.sections = sections;
    }

    public static IniDocument parse(String text) throws SyntaxException {
        List<String> lines = splitKeepingEnds(text);
        Map<String, Section> sections = new LinkedHashMap<>();
        Map<String, Option> options = null;
        String optionKey = null;
        int optionIndent = 0;
        int blanks = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripEnd(lines.get(i));
            String stripped = line.strip();
            int number = i + 1;
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.isEmpty()) {
                // A blank line does not end a value: configparser keeps it when an indented line continues the value.
                blanks++;
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (options != null && optionKey != null && indent > optionIndent) {
                Option previous = options.get(optionKey);
                options.put(optionKey, new Option(previous.key(), previous.value() + "\n".repeat(blanks + 1) + stripped,
                        previous.line(), number));
                blanks = 0;
                continue;
            }
            blanks = 0;
            Matcher header = SECTION.matcher(stripped);
            if (header.matches()) {
                String name = header.group(1);
                if (sections.containsKey(name)) {
                    throw new SyntaxException(number, "section [" + name + "] is already defined on line "
                            + sections.get(name).line());
                }
                options = new LinkedHashMap<>();
                sections.put(name, new Section(name, number, options));
                optionKey = null;
                continue;
            }
            if (options == null) {
                throw new SyntaxException(number, "holds a value before any [section] header");
            }
            Matcher option = OPTION.matcher(stripped);
            if (!option.matches() || option.group(1).isEmpty()) {
                throw new SyntaxException(number, "is neither a [section], a key: value line nor a comment");
            }
            String key = option.group(1).strip().toLowerCase(Locale.ROOT);
            if (options.containsKey(key)) {
                throw new SyntaxException(number, "key " + key + " is already set on line " + options.get(key).line());
            }
            options.put(key, new Option(key, option.group(3).strip(), number, number));
            optionKey = key;
            optionIndent = indent;
        }
        Map<String, Section> frozen = new LinkedHashMap<>();
        sections.forEach((name, section) -> frozen.put(name,
                new Section(name, section.line(), Collections.unmodifiableMap(new LinkedHashMap<>(section.options())))));
        return new IniDocument(lines, frozen);
    }

    /** The sections in file order. */
    public List<Section> sections() {
        return List.copyOf(sections.values());
    }

    public Optional<Section> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /**
     * This document with {@code key} of {@code section} set to {@code value}: the option's line keeps its key
     * and separator as written and gets the new value; a missing key is added after the section's last line
     * in the style of the section's first option.
     */
    public IniDocument with(String section, String key, String value) {
        Section target = sections.get(section);
        if (target == null) {
            throw new IllegalArgumentException("no section [" + section + "]");
        }
        List<String> edited = new ArrayList<>(lines);
        Option existing = target.options().get(key);
        if (existing != null) {
            String line = edited.get(existing.line() - 1);
            String body = stripEnd(line);
            Matcher option = OPTION.matcher(body);
            option.matches();
            String head = body.substring(0, option.start(3) == option.end(3) ? option.end(2) : option.start(3));
            if (option.start(3) == option.end(3) && !head.endsWith(" ") && head.endsWith(":")) {
                head += " ";
            }
            edited.set(existing.line() - 1, head + value + line.substring(body.length()));
            for (int i = existing.lastLine(); i > existing.line(); i--) {
                edited.remove(i - 1);
            }
        } else {
            int last = target.options().values().stream().mapToInt(Option::lastLine).max().orElse(target.line());
            String separator = target.options().values().stream().min((a, b) -> Integer.compare(a.line(), b.line()))
                    .map(first -> separatorOf(stripEnd(edited.get(first.line() - 1)))).orElse(": ");
            String previous = edited.get(last - 1);
            if (!previous.endsWith("\n")) {
                edited.set(last - 1, previous + "\n");
            }
            edited.add(last, key + separator + value + lineEnd(previous));
        }
        try {
            return parse(String.join("", edited));
        } catch (SyntaxException e) {
            throw new IllegalStateException("an edit broke the file at line " + e.line() + ": " + e.getMessage(), e);
        }
    }

    /** The text, as read except where {@link #with} changed it. */
    public String text() {
        return String.join("", lines);
    }

    private static String separatorOf(String optionLine) {
        Matcher option = OPTION.matcher(optionLine.strip());
        option.matches();
        return optionLine.strip().substring(option.end(1), option.start(3));
    }

    private static String lineEnd(String line) {
        return line.substring(stripEnd(line).length()).isEmpty() ? "\n" : line.substring(stripEnd(line).length());
    }

    private static String stripEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
