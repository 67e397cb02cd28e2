package io.github.wazodeb.deb.control;

import io.github.wazodeb.model.PluginDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The value of the {@code Description} field: a synopsis, then the extended description folded as Debian
 * policy 5.6.13 says, so that no text a plugin author writes can end a field or start a new one.
 *
 * <ul>
 *   <li>Synopsis: the first non-blank line of the plugin's description, trimmed, whitespace collapsed; over
 *       80 characters it is cut at a word boundary and ends with {@code ...} (the whole line then opens the
 *       extended description, so nothing is lost). Without a description: {@code Wazo plugin <ns>/<name>}.
 *   <li>Extended description: the rest of the plugin's description, then a paragraph naming the plugin;
 *       the naming paragraph comes first instead where the extended description would otherwise open with
 *       the synopsis again (lintian: description-synopsis-is-duplicated), and the plain synopsis is used
 *       where the synopsis is that paragraph's own first line.
 *       Each line starts with one space; a blank line becomes {@code " ."}; runs of blank lines become one;
 *       a line whose text starts with {@code .} gets a second space, because policy reserves
 *       {@code " .x"} for future use; a line holding only {@code .} is a paragraph break, as it is in a
 *       Debian-style description; tabs are expanded to 8-column stops; trailing whitespace is dropped;
 *       {@code \r\n} and a lone {@code \r} are line breaks.
 *   <li>Long lines: a paragraph line (text starting without whitespace) is wrapped on spaces so each line
 *       is at most 80 characters with its leading space. Display tools re-flow paragraph lines anyway,
 *       so this changes nothing a reader sees, keeps {@code dpkg -s} readable and lintian's
 *       {@code extended-description-line-too-long} quiet. A line that starts with whitespace is shown
 *       verbatim by policy (code, tables), so it is kept whole, as is a single word longer than a line.
 *   <li>Any other control character is refused with {@link IllegalArgumentException}, never written.
 * </ul>
 */
final class DescriptionField {

    /** lintian's limit for the synopsis and for every extended line, leading space included. */
    static final int MAX_WIDTH = 80;
    private static final int TAB_STOP = 8;
    private static final String ELLIPSIS = "...";

    private DescriptionField() {
    }

    static String value(PluginDescriptor plugin) {
        List<String> lines = lines(plugin.description());
        int first = 0;
        while (first < lines.size() && isParagraphBreak(lines.get(first))) {
            first++;
        }
        String plain = "Wazo plugin " + plugin.namespace() + "/" + plugin.name();
        String naming = "This package wraps the " + plugin.namespace() + "/" + plugin.name()
                + " Wazo plugin, as wazo-plugind would build it; wazo-plugind lists and removes it"
                + " like any plugin it installed.";
        if (first == lines.size()) {
            return field(plain, List.of(naming));
        }
        String line = collapseWhitespace(lines.get(first));
        String synopsis = shortened(line);
        List<String> rest = new ArrayList<>();
        if (!synopsis.equals(line)) {
            rest.add(line);
            rest.add("");
        }
        rest.addAll(lines.subList(first + 1, lines.size()));
        List<String> whole = new ArrayList<>(List.of(line));
        whole.addAll(lines.subList(first + 1, lines.size()));

        // The layouts in order of preference; the first whose extended description does not open with the
        // synopsis again wins. A cut synopsis is repeated whole below it, and its first folded line can be
        // the synopsis without its "..."; a description can repeat its own first line. Then the paragraph
        // naming the plugin goes first; were the synopsis that very sentence, the plain synopsis is used and
        // the whole description follows it. One of the three always fits.
        List<Layout> layouts = List.of(
                new Layout(synopsis, joined(rest, naming)),
                new Layout(synopsis, joined(List.of(naming), rest)),
                new Layout(plain, joined(whole, naming)));
        return layouts.stream().filter(Layout::opensWithoutRepeatingTheSynopsis).findFirst()
                .map(layout -> field(layout.synopsis(), layout.extended())).orElseThrow();
    }

    /** A synopsis with the extended description's lines before folding. */
    private record Layout(String synopsis, List<String> extended) {

        /**
         * lintian's description-synopsis-is-duplicated: the first extended line equals the synopsis once
         * lower-cased and stripped of all but ASCII letters and digits. Both orders of those two steps are
         * tried, as lintian may see the text as characters or as bytes.
         */
        boolean opensWithoutRepeatingTheSynopsis() {
            String opening = folded(extended).get(0).strip();
            return !lettersAndDigits(opening).equals(lettersAndDigits(synopsis))
                    && !lowerCaseFirst(opening).equals(lowerCaseFirst(synopsis));
        }

        private static String lettersAndDigits(String text) {
            return text.replaceAll("[^a-zA-Z0-9]+", "").toLowerCase(Locale.ROOT);
        }

        private static String lowerCaseFirst(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^a-zA-Z0-9]+", "");
        }
    }

    private static List<String> joined(List<String> before, String paragraph) {
        return joined(before, List.of(paragraph));
    }

    /** Two runs of lines as paragraphs, a blank line between them. */
    private static List<String> joined(List<String> before, List<String> after) {
        List<String> lines = new ArrayList<>(before);
        lines.add("");
        lines.addAll(after);
        return lines;
    }

    private static String field(String synopsis, List<String> extended) {
        StringBuilder value = new StringBuilder(synopsis);
        for (String line : folded(extended)) {
            value.append('\n').append(line);
        }
        return value.toString();
    }

    /** The description split into lines, tabs expanded, trailing whitespace dropped; empty when absent. */
    private static List<String> lines(Optional<String> description) {
        if (description.isEmpty()) {
            return List.of();
        }
        String text = description.get().replace("\r\n", "\n").replace('\r', '\n');
        int bad = indexOfForbidden(text);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "description holds control character U+%04X at offset %d: \"%s\"",
                    text.codePointAt(bad), bad, ControlValues.printable(text)));
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(expandTabs(line).stripTrailing());
        }
        return lines;
    }

    private static int indexOfForbidden(String text) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp) && cp != '\n' && cp != '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = 0; i < line.length(); i = line.offsetByCodePoints(i, 1)) {
            int cp = line.codePointAt(i);
            if (cp == '\t') {
                int spaces = TAB_STOP - column % TAB_STOP;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else {
                out.appendCodePoint(cp);
                column++;
            }
        }
        return out.toString();
    }

    private static String collapseWhitespace(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /** The synopsis: the line itself when short enough, else cut at a word boundary and marked with "...". */
    private static String shortened(String line) {
        if (width(line) <= MAX_WIDTH) {
            return line;
        }
        int limit = line.offsetByCodePoints(0, MAX_WIDTH - ELLIPSIS.length());
        int cut = line.lastIndexOf(' ', limit);
        if (cut <= 0) {
            cut = limit;
        }
        return line.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /** Extended description lines: blank runs collapsed and trimmed at both ends, then folded. */
    private static List<String> folded(List<String> rest) {
        List<String> out = new ArrayList<>();
        boolean pendingBlank = false;
        for (String line : rest) {
            if (isParagraphBreak(line)) {
                pendingBlank = !out.isEmpty();
                continue;
            }
            if (pendingBlank) {
                out.add(" .");
                pendingBlank = false;
            }
            for (String piece : wrapped(line)) {
                out.add(piece.startsWith(".") ? "  " + piece : " " + piece);
            }
        }
        return out;
    }

    /**
     * A blank line, or one holding a lone {@code .}: that is how a Debian-style description separates
     * paragraphs, and kept as {@code "  ."} it would read as a broken control line (lintian calls it an
     * error: description-contains-invalid-control-statement).
     */
    private static boolean isParagraphBreak(String line) {
        String text = line.strip();
        return text.isEmpty() || text.equals(".");
    }

    /** A paragraph line wrapped on spaces to fit {@link #MAX_WIDTH} with its leading space. */
    private static List<String> wrapped(String line) {
        if (Character.isWhitespace(line.charAt(0))) {
            return List.of(line);
        }
        List<String> pieces = new ArrayList<>();
        String remaining = line;
        while (width(remaining) > room(remaining)) {
            int room = room(remaining);
            int limit = remaining.offsetByCodePoints(0, room);
            int cut = remaining.lastIndexOf(' ', limit);
            if (cut <= 0) {
                cut = remaining.indexOf(' ', limit);
            }
            if (cut < 0) {
                break;
            }
            pieces.add(remaining.substring(0, cut).stripTrailing());
            remaining = remaining.substring(cut).stripLeading();
        }
        pieces.add(remaining);
        return pieces;
    }

    /** Characters that fit on a line after its leading space, and the protecting second one before a dot. */
    private static int room(String piece) {
        return MAX_WIDTH - (piece.startsWith(".") ? 2 : 1);
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
