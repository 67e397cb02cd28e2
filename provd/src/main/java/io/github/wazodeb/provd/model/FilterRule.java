package io.github.wazodeb.provd.model;

import java.util.Objects;

/**
 * One {@code --include} or {@code --exclude} rule of an rsync call, as written. rsync tries a call's rules in
 * order and the first whose pattern matches a path decides; a path no rule matches is copied.
 *
 * @param include true for {@code --include}, false for {@code --exclude}
 * @param pattern the pattern as given, such as {@code .*}, {@code /templates/*} or {@code cache/}
 */
public record FilterRule(boolean include, String pattern) {

    public FilterRule {
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String toString() {
        return (include ? "--include " : "--exclude ") + pattern;
    }
}
