package io.github.wazodeb.model;

import java.util.List;
import java.util.stream.Collectors;

/** A plugin directory breaks the rules; {@link #problems()} says every way it does. */
public class InvalidPluginException extends Exception {

    private final transient List<Problem> problems;

    public InvalidPluginException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
