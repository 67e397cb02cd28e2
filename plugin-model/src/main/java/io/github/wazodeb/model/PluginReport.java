package io.github.wazodeb.model;

import java.util.List;
import java.util.Optional;

/**
 * What reading a plugin directory found: the descriptor when there is no error, and every problem.
 *
 * @param descriptor present exactly when {@link #errors()} is empty
 * @param problems errors and warnings, in file order
 */
public record PluginReport(Optional<PluginDescriptor> descriptor, List<Problem> problems) {

    public PluginReport {
        problems = List.copyOf(problems);
        if (descriptor.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a descriptor comes exactly when there is no error");
        }
    }

    public boolean isValid() {
        return descriptor.isPresent();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The descriptor, or an {@link InvalidPluginException} carrying every error. */
    public PluginDescriptor descriptorOrThrow() throws InvalidPluginException {
        return descriptor.orElseThrow(() -> new InvalidPluginException(errors()));
    }
}
