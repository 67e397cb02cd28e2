package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command's {@code --help} reads cleanly at 80 columns. The commands are found the way a user finds
 * them, from each help's {@code Commands:} list, so a command added later is checked too.
 *
 * <p>picocli wraps each description element itself; a hard line break inside one (an element cut in two,
 * or a {@code %n}) comes out as a line that ends early, then a continuation that would have fit on it.
 * That is what {@link #raggedLines} finds. Paragraphs of a description are separate elements with an empty
 * element between them, so they show as paragraphs: a blank line, not a short line.
 */
class HelpLayoutTest {

    private static final int WIDTH = 80;

    /** picocli fills a line to one column short of the width: the longest a wrapped line gets. */
    private static final int FILLED = WIDTH - 1;

    /** The deepest indent of a row's first line in picocli's lists ({@code "      --json"}); deeper continues a row. */
    private static final int ROW_INDENT = 6;

    /** A row of the Commands: list: two spaces, the name, two or more spaces. */
    private static final Pattern COMMAND_ROW = Pattern.compile("^  (\\S+) {2,}\\S.*");

    @Test
    void everyCommandsHelpFitsEightyColumnsWithoutRaggedParagraphs() {
        List<String> problems = new ArrayList<>();
        List<List<String>> visited = new ArrayList<>();
        walk(List.of(), visited, problems);

        assertThat(visited).as("the commands walked").contains(List.of("package"), List.of("inspect"),
                List.of("provd", "check"));
        assertThat(problems).as("help layout problems").isEmpty();
    }

    @Test
    void aHardLineBreakInADescriptionIsFoundRagged() {
        List<String> help = List.of(
                "Usage: wazo-deb demo [-hV]",
                "Builds the tree in memory and compares each plugin with an earlier state: every",
                "plugin whose built",
                "content changed must have a higher version.",
                "  -h, --help      Show this help message and exit.",
                "      --update    Write the files' size and sha1sum into",
                "                    PKGS_DB.");

        assertThat(raggedLines(help)).hasSize(2);
    }

    @Test
    void wrappedParagraphsRowsAndBlankSeparatedParagraphsAreNotRagged() {
        List<String> help = List.of(
                "Usage: wazo-deb demo [-hV] [--compression=gzip|xz|zstd|none]",
                "                     [--maintainer=NAME]",
                "Builds the tree in memory and compares each plugin with an earlier state: every",
                "plugin whose built content changed must have a higher version.",
                "",
                "Prints one line per problem.",
                "      --compression=gzip|xz|zstd|none",
                "                            How both tar members are compressed (default: xz).",
                "  -h, --help      Show this help message and exit.",
                "  -V, --version   Print version information and exit.",
                "Commands:",
                "  build     Builds every target.",
                "  check     Checks a tree against an earlier state: every plugin whose built",
                "              content changed must have a higher version.");

        assertThat(raggedLines(help)).isEmpty();
    }

    /** Checks {@code wazo-deb COMMAND... --help}, then every command its help lists. */
    private static void walk(List<String> command, List<List<String>> visited, List<String> problems) {
        visited.add(command);
        List<String> help = help(command);
        String name = String.join(" ", List.of("wazo-deb", String.join(" ", command))).strip();
        for (String line : help) {
            if (line.length() > WIDTH) {
                problems.add(name + " --help: " + line.length() + " columns: " + line);
            }
        }
        for (String ragged : raggedLines(help)) {
            problems.add(name + " --help: " + ragged);
        }
        for (String subcommand : subcommands(help)) {
            // picocli's own help command: its two-line text is picocli's, not a description of ours.
            if (!subcommand.equals("help")) {
                List<String> next = new ArrayList<>(command);
                next.add(subcommand);
                walk(next, visited, problems);
            }
        }
    }

    private static List<String> help(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = WazoDebCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(exitCode).as(args + ": " + err).isZero();
        return out.toString().lines().toList();
    }

    private static List<String> subcommands(List<String> help) {
        List<String> names = new ArrayList<>();
        boolean inList = false;
        for (String line : help) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && !line.startsWith(" ")) {
                inList = false;
            } else if (inList) {
                Matcher row = COMMAND_ROW.matcher(line);
                if (row.matches()) {
                    names.add(row.group(1));
                }
            }
        }
        return names;
    }

    /**
     * Lines after which the next line of the same paragraph would have fit: its first word, after a space,
     * stays within {@link #FILLED}. Two lines are of one paragraph when both are description text (no
     * indent, neither blank, the second no heading such as {@code Commands:}), or when the second continues
     * a row of a list (indented past {@link #ROW_INDENT}) and the first holds text to continue: a
     * continuation itself, or a row's first line with a description beside its name (a long option's
     * name stands alone on its line, its description starting below).
     */
    static List<String> raggedLines(List<String> help) {
        List<String> ragged = new ArrayList<>();
        boolean inSynopsis = false;
        for (int i = 0; i + 1 < help.size(); i++) {
            String line = help.get(i);
            String next = help.get(i + 1);
            inSynopsis = line.startsWith("Usage:") || inSynopsis && indent(line) > ROW_INDENT;
            if (inSynopsis || line.isBlank() || next.isBlank()) {
                continue; // picocli lays the synopsis out itself; a blank line ends a paragraph
            }
            boolean description = indent(line) == 0 && indent(next) == 0 && !next.endsWith(":");
            boolean rowContinuation = indent(next) > ROW_INDENT
                    && (indent(line) > ROW_INDENT || line.strip().contains("  "));
            if ((description || rowContinuation) && line.length() + 1 + firstWord(next).length() <= FILLED) {
                ragged.add("\"" + line.strip() + "\" ends early: \"" + firstWord(next) + "\" would fit on it"
                        + " (a hard line break in a description? picocli wraps the text itself; separate"
                        + " paragraphs with an empty element)");
            }
        }
        return ragged;
    }

    private static int indent(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }

    private static String firstWord(String line) {
        String text = line.strip();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
