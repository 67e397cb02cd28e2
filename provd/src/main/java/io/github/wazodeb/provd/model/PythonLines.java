package io.github.wazodeb.provd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits Python source into logical lines of tokens: enough of Python's lexical rules (comments, strings
 * with their prefixes and escapes, implicit joining inside brackets, backslash continuations, indentation)
 * to read a {@code build.py}'s declarations without running Python. Written by hand because no Java
 * library reads Python source, and a build must not need Python for the targets it copies itself.
 */
final class PythonLines {

    enum Kind { NAME, STRING, FSTRING, NUMBER, OP }

    /** A token; for a string, {@code text} is its value with escapes decoded. */
    record Token(Kind kind, String text, int line) {

        boolean is(Kind expected, String value) {
            return kind == expected && text.equals(value);
        }

        boolean isOp(String value) {
            return is(Kind.OP, value);
        }
    }

    /** A logical line: its first physical line, its indentation in columns, its tokens. */
    record Line(int number, int indent, List<Token> tokens) {
    }

    /** The source breaks Python's lexical rules (an unterminated string, unbalanced brackets). */
    static final class SyntaxException extends Exception {

        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private final String source;
    private int pos;
    private int line = 1;

    private PythonLines(String source) {
        this.source = source;
    }

    static List<Line> split(String source) throws SyntaxException {
        return new PythonLines(source).lines();
    }

    private List<Line> lines() throws SyntaxException {
        List<Line> lines = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int indent = 0;
        int start = 1;
        boolean atLineStart = true;
        while (pos < source.length()) {
            if (atLineStart) {
                indent = indentation();
                start = line;
                atLineStart = false;
            }
            char c = source.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                if (depth == 0) {
                    if (!tokens.isEmpty()) {
                        lines.add(new Line(start, indent, List.copyOf(tokens)));
                        tokens.clear();
                    }
                    atLineStart = true;
                }
            } else if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\'' || c == '"') {
                tokens.add(string(""));
            } else if (Character.isLetter(c) || c == '_') {
                String word = word();
                if (pos < source.length() && (source.charAt(pos) == '\'' || source.charAt(pos) == '"')
                        && word.toLowerCase(Locale.ROOT).matches("r|u|b|f|rb|br|fr|rf")) {
                    tokens.add(string(word.toLowerCase(Locale.ROOT)));
                } else {
                    tokens.add(new Token(Kind.NAME, word, line));
                }
            } else if (Character.isDigit(c)) {
                tokens.add(new Token(Kind.NUMBER, word(), line));
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (--depth < 0) {
                        throw new SyntaxException(line, "unmatched '" + c + "'");
                    }
                }
                tokens.add(new Token(Kind.OP, String.valueOf(c), line));
                pos++;
            }
        }
        if (depth > 0) {
            throw new SyntaxException(line, "a bracket is never closed");
        }
        if (!tokens.isEmpty()) {
            lines.add(new Line(start, indent, List.copyOf(tokens)));
        }
        return lines;
    }

    /** Skips the indentation of a physical line and returns its width (a tab goes to the next multiple of 8). */
    private int indentation() {
        int width = 0;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width = (width / 8 + 1) * 8;
            } else if (c != '\f') {
                break;
            }
            pos++;
        }
        return width;
    }

    private String word() {
        int begin = pos;
        while (pos < source.length()
                && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_'
                        || (source.charAt(pos) == '.' && Character.isDigit(source.charAt(begin))))) {
            pos++;
        }
        return source.substring(begin, pos);
    }

    private Token string(String prefix) throws SyntaxException {
        int startLine = line;
        char quote = source.charAt(pos);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        boolean raw = prefix.contains("r");
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= source.length()) {
                throw new SyntaxException(startLine, "a string is never closed");
            }
            char c = source.charAt(pos);
            if (c == quote && (!triple || source.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                break;
            }
            if (c == '\n') {
                if (!triple) {
                    throw new SyntaxException(startLine, "a string is never closed on its line");
                }
                line++;
            }
            if (c == '\\' && pos + 1 < source.length()) {
                char next = source.charAt(pos + 1);
                pos += 2;
                if (next == '\n') {
                    line++;
                    if (raw) {
                        value.append('\\').append(next);
                    }
                } else if (raw) {
                    value.append('\\').append(next);
                } else {
                    escape(next, value);
                }
                continue;
            }
            value.append(c);
            pos++;
        }
        return new Token(prefix.contains("f") ? Kind.FSTRING : Kind.STRING, value.toString(), startLine);
    }

    private void escape(char next, StringBuilder value) {
        switch (next) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case '0' -> value.append('\0');
            case '\\', '\'', '"' -> value.append(next);
            case 'x' -> {
                if (pos + 2 <= source.length() && source.substring(pos, pos + 2).matches("[0-9a-fA-F]{2}")) {
                    value.append((char) Integer.parseInt(source.substring(pos, pos + 2), 16));
                    pos += 2;
                } else {
                    value.append("\\x");
                }
            }
            default -> value.append('\\').append(next);
        }
    }
}
