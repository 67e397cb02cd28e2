package io.github.wazodeb.model.validation;

import io.github.wazodeb.model.DebianRelation;
import io.github.wazodeb.model.DebianRelation.Alternative;
import io.github.wazodeb.model.DebianRelation.Operator;
import io.github.wazodeb.model.DebianRelation.VersionConstraint;
import io.github.wazodeb.model.DebianVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses ONE relation of a binary package's {@code Depends} field, as deb-control(5) defines it:
 * {@code pkg[:arch] [(op version)]}, alternatives joined by {@code |}. Everything else is refused with
 * the reason, including what would smuggle a second relation or a new line into the control file.
 * Internal to plugin-model.
 */
public final class DebianRelationParser {

    static final String PACKAGE_NAME_RULE = "[a-z0-9][a-z0-9+.-]+";
    private static final Pattern PACKAGE_NAME = Pattern.compile(PACKAGE_NAME_RULE);
    private static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9-]+");

    /** A relation, or why the text is not one. Exactly one of the two is present. */
    public record Result(Optional<DebianRelation> relation, Optional<String> problem) {
    }

    private final String text;
    private int index;

    private DebianRelationParser(String text) {
        this.text = text;
    }

    public static Result parse(String text) {
        try {
            return new Result(Optional.of(new DebianRelationParser(text).relation()), Optional.empty());
        } catch (Refused refused) {
            return new Result(Optional.empty(), Optional.of(refused.getMessage()));
        }
    }

    private DebianRelation relation() {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new Refused("must be on one line: a line break would add a line to the control file");
        }
        if (text.codePoints().anyMatch(cp -> cp != '\t' && Character.isISOControl(cp))) {
            throw new Refused("must not contain control characters");
        }
        if (text.indexOf(',') >= 0) {
            throw new Refused("holds a comma, which makes it two relations: write each relation as its own list item");
        }
        if (text.isBlank()) {
            throw new Refused("is empty: write a package name");
        }
        List<Alternative> alternatives = new ArrayList<>();
        while (true) {
            skipSpaces();
            alternatives.add(alternative());
            skipSpaces();
            if (atEnd()) {
                return new DebianRelation(alternatives);
            }
            if (peek() != '|') {
                throw unexpected("after " + alternatives.get(alternatives.size() - 1).text());
            }
            index++;
        }
    }

    private Alternative alternative() {
        if (atEnd() || peek() == '|') {
            throw new Refused("has an empty alternative: write a package name on each side of '|'");
        }
        String name = word();
        if (!PACKAGE_NAME.matcher(name).matches()) {
            throw new Refused("names package \"" + name + "\", which must match " + PACKAGE_NAME_RULE
                    + " (lower-case letters, digits, '+', '-' and '.', at least two characters)");
        }
        Optional<String> architecture = Optional.empty();
        if (!atEnd() && peek() == ':') {
            index++;
            String arch = word();
            if (!ARCHITECTURE.matcher(arch).matches()) {
                throw new Refused("has architecture qualifier \"" + arch
                        + "\" after ':', which must be any, native or an architecture name ([a-z0-9-]+)");
            }
            architecture = Optional.of(arch);
        }
        skipSpaces();
        Optional<VersionConstraint> constraint = Optional.empty();
        if (!atEnd() && peek() == '(') {
            index++;
            constraint = Optional.of(constraint());
            skipSpaces();
        }
        if (!atEnd() && peek() == '[') {
            throw new Refused("has an architecture restriction [...], which only source packages may use: remove it");
        }
        if (!atEnd() && peek() == '<') {
            throw new Refused("has a build profile <...>, which only source packages may use: remove it");
        }
        if (!atEnd() && peek() == '(') {
            throw new Refused("has a version constraint in the wrong place or twice: write pkg[:arch] (op version)");
        }
        return new Alternative(name, architecture, constraint);
    }

    private VersionConstraint constraint() {
        skipSpaces();
        int start = index;
        while (!atEnd() && "<>=".indexOf(peek()) >= 0) {
            index++;
        }
        String symbol = text.substring(start, index);
        if (symbol.equals("<") || symbol.equals(">")) {
            throw new Refused("uses the obsolete operator '" + symbol + "': write '" + symbol + symbol + "' or '"
                    + symbol + "='");
        }
        Operator operator = Operator.fromSymbol(symbol).orElseThrow(() -> new Refused(symbol.isEmpty()
                ? "has a version constraint without an operator: write (>= version), one of << <= = >= >>"
                : "uses operator '" + symbol + "', which must be one of << <= = >= >>"));
        skipSpaces();
        start = index;
        while (!atEnd() && peek() != ')' && peek() != ' ' && peek() != '\t') {
            index++;
        }
        String version = text.substring(start, index);
        Optional<String> versionProblem = DebianVersion.problem(version);
        if (versionProblem.isPresent()) {
            throw new Refused("has version \"" + version + "\", which is not a valid Debian version: "
                    + versionProblem.get());
        }
        skipSpaces();
        if (atEnd() || peek() != ')') {
            throw new Refused("has a version constraint that does not end with ')'");
        }
        index++;
        return new VersionConstraint(operator, version);
    }

    /** A package or architecture name: everything up to the next token or space, to report it whole. */
    private String word() {
        int start = index;
        while (!atEnd() && " \t:|()[]<>".indexOf(peek()) < 0) {
            index++;
        }
        return text.substring(start, index);
    }

    private Refused unexpected(String where) {
        return new Refused("has unexpected '" + peek() + "' " + where
                + ": a relation is pkg[:arch] [(op version)], alternatives joined by '|'");
    }

    private void skipSpaces() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            index++;
        }
    }

    private boolean atEnd() {
        return index >= text.length();
    }

    private char peek() {
        return text.charAt(index);
    }

    /** Carries the reason out of the recursive descent; never leaves this class. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
