package io.github.wazodeb.model.report;

import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.model.yaml.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one file. Checks run in whatever order is simplest; {@link #inFileOrder()}
 * puts them back in the order a person reads the file, problems without a position (a missing key)
 * last. Internal to plugin-model.
 */
public final class ProblemList {

    private static final Comparator<Problem> FILE_ORDER = Comparator
            .comparingInt((Problem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(Problem::column);

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Position> errorPositions = new HashSet<>();

    public ProblemList(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(Position at, String key, String value, String rule) {
        add(Severity.ERROR, at, key, value, rule);
    }

    public void warning(Position at, String key, String value, String rule) {
        add(Severity.WARNING, at, key, value, rule);
    }

    /** Whether an error already points at {@code at}: a later check need not name the same value again. */
    public boolean hasErrorAt(Position at) {
        return errorPositions.contains(at);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> inFileOrder() {
        return problems.stream().sorted(FILE_ORDER).toList();
    }

    private void add(Severity severity, Position at, String key, String value, String rule) {
        if (severity == Severity.ERROR) {
            errorPositions.add(at);
        }
        problems.add(new Problem(severity, file, at.line(), at.column(), key, value, oneLine(rule)));
    }

    /** Rules may quote text from snakeyaml or the file; a problem stays on one line whatever they hold. */
    static String oneLine(String rule) {
        StringBuilder out = new StringBuilder(rule.length());
        rule.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
