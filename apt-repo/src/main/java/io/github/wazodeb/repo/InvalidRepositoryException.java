package io.github.wazodeb.repo;

import java.util.List;

/**
 * The folder cannot become a repository as it is: a file named {@code .deb} is no package, two files are the
 * same package, the folder is missing. Nothing was written.
 */
public final class InvalidRepositoryException extends Exception {

    private final List<String> problems;

    public InvalidRepositoryException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming the file it is about. */
    public List<String> problems() {
        return problems;
    }
}
