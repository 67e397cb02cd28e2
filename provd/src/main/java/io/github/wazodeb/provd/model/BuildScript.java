package io.github.wazodeb.provd.model;

import java.util.List;
import java.util.Optional;

/**
 * A family's {@code build.py}, as far as wazo-deb reads it: its targets in file order.
 *
 * @param file the file as messages name it (relative to the tree)
 */
public record BuildScript(String file, List<TargetDeclaration> targets) {

    public BuildScript {
        targets = List.copyOf(targets);
    }

    public Optional<TargetDeclaration> target(String id) {
        return targets.stream().filter(target -> target.id().equals(id)).findFirst();
    }
}
