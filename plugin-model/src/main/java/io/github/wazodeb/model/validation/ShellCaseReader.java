package io.github.wazodeb.model.validation;

import io.github.wazodeb.model.yaml.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the first {@code case} on the script's first argument ({@code case "$1" in}, {@code case $1 in},
 * {@code case "${1}" in}) in a shell script and reads the patterns of its branches, without running
 * anything. Only the shell grammar a case needs is read: words with their quotes, {@code $(...)} and
 * {@code ${...}}, comments, here-documents, operators and nested case statements. When the statement is not
 * readable that way (no {@code esac}, a branch that does not start with patterns and {@code )}), there is
 * no answer rather than a wrong one. Internal to plugin-model.
 */
final class ShellCaseReader {

    /** The case statement on {@code $1}: where its {@code case} word is, and its branches in order. */
    record CaseStatement(Position at, List<Branch> branches) {
        CaseStatement {
            branches = List.copyOf(branches);
        }
    }

    /** One branch: its patterns as written, quotes included ({@code "uninstall"}, {@code package}, {@code *}). */
    record Branch(List<String> patterns) {
        Branch {
            patterns = List.copyOf(patterns);
        }
    }

    private static final Set<String> FIRST_ARGUMENT = Set.of("\"$1\"", "$1", "\"${1}\"", "${1}");
    /** After these reserved words a command starts, so {@code case} and {@code esac} are keywords there. */
    private static final Set<String> COMMAND_STARTERS = Set.of("then", "do", "else", "elif", "if", "while", "until",
            "{", "!");
    private static final Set<String> REDIRECTIONS = Set.of("<", ">", ">>", "<&", ">&", "<>", ">|", "<<", "<<-");
    private static final Set<String> BRANCH_ENDS = Set.of(";;", ";&", ";;&", ";|");

    private ShellCaseReader() {
    }

    static Optional<CaseStatement> read(String script) {
        List<Token> tokens = new Lexer(script).tokens();
        boolean commandPosition = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (commandPosition && token.isWord("case") && i + 2 < tokens.size()
                    && FIRST_ARGUMENT.contains(tokens.get(i + 1).text()) && tokens.get(i + 2).isWord("in")) {
                return branches(tokens, i + 3).map(branches -> new CaseStatement(token.at(), branches));
            }
            commandPosition = startsCommand(token);
        }
        return Optional.empty();
    }

    /** The branches from just after {@code in} to the matching {@code esac}; empty when unreadable. */
    private static Optional<List<Branch>> branches(List<Token> tokens, int start) {
        List<Branch> branches = new ArrayList<>();
        int i = start;
        while (true) {
            while (i < tokens.size() && tokens.get(i).kind() == Kind.NEWLINE) {
                i++;
            }
            if (i >= tokens.size()) {
                return Optional.empty();
            }
            if (tokens.get(i).isWord("esac")) {
                return Optional.of(branches);
            }
            if (tokens.get(i).isOperator("(")) {
                i++;
            }
            List<String> patterns = new ArrayList<>();
            while (true) {
                if (i + 1 >= tokens.size() || tokens.get(i).kind() != Kind.WORD) {
                    return Optional.empty();
                }
                patterns.add(tokens.get(i).text());
                Token after = tokens.get(i + 1);
                i += 2;
                if (after.isOperator(")")) {
                    break;
                }
                if (!after.isOperator("|")) {
                    return Optional.empty();
                }
            }
            branches.add(new Branch(patterns));
            int end = endOfBranch(tokens, i);
            if (end < 0) {
                return Optional.empty();
            }
            if (tokens.get(end).isWord("esac")) {
                return Optional.of(branches);
            }
            i = end + 1;
        }
    }

    /**
     * The index of the {@code ;;} (or {@code ;&}, ...) ending the branch whose body starts at {@code i}, or
     * of the {@code esac} ending the whole statement; -1 when the text ends first.
     */
    private static int endOfBranch(List<Token> tokens, int i) {
        int nested = 0;
        boolean commandPosition = true;
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (commandPosition && token.isWord("case")) {
                nested++;
            } else if (commandPosition && token.isWord("esac")) {
                if (nested == 0) {
                    return i;
                }
                nested--;
            } else if (nested == 0 && token.kind() == Kind.OPERATOR && BRANCH_ENDS.contains(token.text())) {
                return i;
            }
            commandPosition = startsCommand(token);
        }
        return -1;
    }

    /** Whether the token after {@code token} is in command position. */
    private static boolean startsCommand(Token token) {
        return switch (token.kind()) {
            case NEWLINE -> true;
            case OPERATOR -> !REDIRECTIONS.contains(token.text());
            case WORD -> COMMAND_STARTERS.contains(token.text());
        };
    }

    private enum Kind { WORD, OPERATOR, NEWLINE }

    /** A word keeps its quotes; {@code at} is where it starts, 1-based. */
    private record Token(Kind kind, String text, Position at) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        boolean isOperator(String operator) {
            return kind == Kind.OPERATOR && text.equals(operator);
        }
    }

    /** Splits a script into words, operators and line ends, as the shell's token recognition does. */
    private static final class Lexer {

        private static final List<String> OPERATORS = List.of(";;&", "<<-", ";;", ";&", ";|", "&&", "||", "<<", ">>",
                "<&", ">&", "<>", ">|", ";", "&", "|", "(", ")", "<", ">");

        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        /** Delimiters of here-documents whose bodies start at the next line end, with whether tabs are stripped. */
        private final Deque<HereDocument> pendingHereDocuments = new ArrayDeque<>();
        private int pos;
        private int line = 1;
        private int lineStart;

        private record HereDocument(String delimiter, boolean stripTabs) {
        }

        Lexer(String text) {
            this.text = text;
        }

        List<Token> tokens() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    tokens.add(new Token(Kind.NEWLINE, "\n", here()));
                    newLine(pos + 1);
                    skipHereDocuments();
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    newLine(pos + 2); // a line continuation
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    Optional<String> operator = OPERATORS.stream().filter(op -> text.startsWith(op, pos)).findFirst();
                    if (operator.isPresent()) {
                        tokens.add(new Token(Kind.OPERATOR, operator.get(), here()));
                        pos += operator.get().length();
                        if (operator.get().startsWith("<<")) {
                            hereDocument(operator.get().equals("<<-"));
                        }
                    } else {
                        word();
                    }
                }
            }
            return tokens;
        }

        private Position here() {
            return new Position(line, pos - lineStart + 1);
        }

        private void newLine(int next) {
            pos = next;
            line++;
            lineStart = next;
        }

        private void word() {
            Position at = here();
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || ";&|()<>".indexOf(c) >= 0) {
                    break;
                }
                switch (c) {
                    case '\'' -> skipPast('\'', pos + 1);
                    case '"' -> doubleQuoted();
                    case '`' -> skipPast('`', pos + 1);
                    case '\\' -> pos = Math.min(text.length(), pos + 2);
                    case '$' -> dollar();
                    default -> pos++;
                }
            }
            tokens.add(new Token(Kind.WORD, text.substring(start, pos), at));
        }

        /** Moves past the next {@code end} from {@code from}, or to the end of the text. */
        private void skipPast(char end, int from) {
            int found = text.indexOf(end, from);
            pos = found < 0 ? text.length() : found + 1;
            countLines(from);
        }

        private void doubleQuoted() {
            int from = pos;
            pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                pos += text.charAt(pos) == '\\' ? 2 : 1;
            }
            pos = Math.min(text.length(), pos + 1);
            countLines(from);
        }

        /** {@code $(...)}, {@code $((...))} and {@code ${...}} are part of the word, line ends and all. */
        private void dollar() {
            int from = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '(' || text.charAt(pos) == '{')) {
                char open = text.charAt(pos);
                char close = open == '(' ? ')' : '}';
                int depth = 0;
                while (pos < text.length()) {
                    char c = text.charAt(pos);
                    if (c == '\'' && open == '(') {
                        skipPast('\'', pos + 1);
                        continue;
                    }
                    if (c == '\\') {
                        pos += 2;
                        continue;
                    }
                    if (c == open) {
                        depth++;
                    } else if (c == close && --depth == 0) {
                        pos++;
                        break;
                    }
                    pos++;
                }
                pos = Math.min(pos, text.length());
            }
            countLines(from);
        }

        /** Keeps line numbers right after a quoted or substituted span that held line ends. */
        private void countLines(int from) {
            for (int i = from; i < pos; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
        }

        /** Remembers the delimiter word after {@code <<}; the body is skipped at the next line end. */
        private void hereDocument(boolean stripTabs) {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
            int start = pos;
            while (pos < text.length() && " \t\r\n;&|()<>".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String delimiter = text.substring(start, pos).replace("'", "").replace("\"", "").replace("\\", "");
            if (!delimiter.isEmpty()) {
                pendingHereDocuments.add(new HereDocument(delimiter, stripTabs));
            }
        }

        /** Skips the bodies of the here-documents begun on the line just ended, delimiter lines included. */
        private void skipHereDocuments() {
            while (!pendingHereDocuments.isEmpty() && pos < text.length()) {
                HereDocument document = pendingHereDocuments.poll();
                while (pos < text.length()) {
                    int end = text.indexOf('\n', pos);
                    String bodyLine = text.substring(pos, end < 0 ? text.length() : end);
                    String compared = document.stripTabs() ? bodyLine.replaceFirst("^\t+", "") : bodyLine;
                    newLine(end < 0 ? text.length() : end + 1);
                    if (compared.stripTrailing().equals(document.delimiter())) {
                        break;
                    }
                }
            }
            pendingHereDocuments.clear();
        }
    }
}
