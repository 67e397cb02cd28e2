package io.github.wazodeb.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One entry of a Debian {@code Depends} field: one or more alternatives separated by {@code |}.
 *
 * @param alternatives at least one
 */
public record DebianRelation(List<Alternative> alternatives) {

    public DebianRelation {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a relation needs at least one alternative");
        }
    }

    /** The relation in Debian's canonical spelling, e.g. {@code libfoo (>= 1.0) | bar:any}. */
    public String text() {
        return alternatives.stream().map(Alternative::text).collect(Collectors.joining(" | "));
    }

    @Override
    public String toString() {
        return text();
    }

    // equals and hashCode here and in the records below are written out for start-up, as PluginDescriptor's
    // are (the reason is there).
    @Override
    public boolean equals(Object other) {
        return other instanceof DebianRelation that && alternatives.equals(that.alternatives);
    }

    @Override
    public int hashCode() {
        return alternatives.hashCode();
    }

    /** {@code <<}, {@code <=}, {@code =}, {@code >=}, {@code >>}. */
    public enum Operator {
        EARLIER("<<"),
        EARLIER_OR_EQUAL("<="),
        EXACTLY("="),
        LATER_OR_EQUAL(">="),
        LATER(">>");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static Optional<Operator> fromSymbol(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return Optional.of(operator);
                }
            }
            return Optional.empty();
        }
    }

    /** A version restriction: {@code (>= 1.0)}. */
    public record VersionConstraint(Operator operator, String version) {
        public VersionConstraint {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(version, "version");
        }

        public String text() {
            return "(" + operator.symbol() + " " + version + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof VersionConstraint that && operator == that.operator && version.equals(that.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(operator, version);
        }
    }

    /**
     * One package an alternative names.
     *
     * @param packageName a Debian package name
     * @param architecture the qualifier after {@code :} ({@code any}, {@code native}, {@code amd64}), if any
     * @param constraint the version restriction, if any
     */
    public record Alternative(String packageName, Optional<String> architecture, Optional<VersionConstraint> constraint) {
        public Alternative {
            Objects.requireNonNull(packageName, "packageName");
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(constraint, "constraint");
        }

        public String text() {
            StringBuilder text = new StringBuilder(packageName);
            architecture.ifPresent(arch -> text.append(':').append(arch));
            constraint.ifPresent(c -> text.append(' ').append(c.text()));
            return text.toString();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Alternative that && packageName.equals(that.packageName)
                    && architecture.equals(that.architecture) && constraint.equals(that.constraint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(packageName, architecture, constraint);
        }
    }
}
