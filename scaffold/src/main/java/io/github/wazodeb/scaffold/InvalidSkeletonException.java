package io.github.wazodeb.scaffold;

import java.util.List;

/** The skeleton cannot be written as asked: each problem is one line a person can act on. */
public final class InvalidSkeletonException extends Exception {

    private final List<String> problems;

    InvalidSkeletonException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line each, in the words of the command's options ({@code --name "Foo" must match ...}). */
    public List<String> problems() {
        return problems;
    }
}
