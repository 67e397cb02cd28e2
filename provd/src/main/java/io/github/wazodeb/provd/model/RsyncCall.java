package io.github.wazodeb.provd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code rsync -rlp [rules] SOURCE... OUT} call of a copy-only target: the sources (relative to the
 * family folder; {@code common/} copies the folder's contents, {@code common} the folder itself), the
 * filter rules in order, and whether symbolic links are copied as links ({@code -l}; without it rsync
 * skips them).
 *
 * @param line the call's line in {@code build.py}
 */
public record RsyncCall(int line, boolean links, List<FilterRule> rules, List<String> sources) {

    public RsyncCall {
        rules = List.copyOf(rules);
        sources = List.copyOf(sources);
    }

    /**
     * The call an rsync command line makes, when it is one wazo-deb copies in-process.
     *
     * @param args the arguments after {@code rsync}; null stands for the target's output folder
     */
    public static Optional<RsyncCall> of(List<String> args) {
        List<RsyncCall> calls = new ArrayList<>();
        return RsyncOptions.read(args, 0, calls) == null ? Optional.of(calls.get(0))
                : Optional.empty();
    }
}
