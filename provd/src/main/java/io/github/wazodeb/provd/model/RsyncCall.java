package io.github.wazodeb.provd.model;

import java.util.List;

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
}
