package io.github.wazodeb.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Debian version, {@code [epoch:]upstream[-revision]}, as deb-version(7) and dpkg's parser define it.
 * The parts keep their text exactly, so {@link #text()} gives back what was parsed.
 *
 * @param epoch the digits before the first {@code :}, if any
 * @param upstream starts with a digit; letters, digits and {@code . + ~}, plus {@code -} when there is a
 *     revision and {@code :} when there is an epoch
 * @param revision the part after the last {@code -}, if any: letters, digits and {@code . + ~}
 */
public record DebianVersion(Optional<String> epoch, String upstream, Optional<String> revision) {

    /** dpkg refuses epochs above {@code INT_MAX}. */
    private static final long MAX_EPOCH = Integer.MAX_VALUE;

    public DebianVersion {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(revision, "revision");
        String text = epoch.map(e -> e + ":").orElse("") + upstream + revision.map(r -> "-" + r).orElse("");
        Optional<String> problem = problem(text);
        if (problem.isPresent() || !parsed(text).splitAs(epoch, upstream, revision)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid Debian version: "
                    + problem.orElse("its parts are split wrongly"));
        }
    }

    /** The version, or an {@link IllegalArgumentException} whose message says what is wrong. */
    public static DebianVersion parse(String text) {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid Debian version: " + problem.get());
        }
        Parts parts = parsed(text);
        return new DebianVersion(parts.epoch, parts.upstream, parts.revision);
    }

    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /**
     * Why {@code text} is not a Debian version, as a sentence fragment ({@code it must start with a
     * digit}), or empty when it is one.
     */
    public static Optional<String> problem(String text) {
        if (text.isEmpty()) {
            return Optional.of("it is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("it must not contain spaces or line breaks");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("it must not contain control characters");
            }
        }
        Parts parts = parsed(text);
        if (parts.epoch.isPresent()) {
            String epoch = parts.epoch.get();
            if (epoch.isEmpty()) {
                return Optional.of("the epoch before ':' is empty");
            }
            if (!epoch.chars().allMatch(DebianVersion::isDigit)) {
                return Optional.of("the epoch before ':' must be a number");
            }
            if (epoch.length() > 10 || Long.parseLong(epoch) > MAX_EPOCH) {
                return Optional.of("the epoch before ':' is too big");
            }
        }
        if (parts.upstream.isEmpty()) {
            return Optional.of("the upstream version is empty");
        }
        if (!isDigit(parts.upstream.charAt(0))) {
            return Optional.of("it must start with a digit" + (parts.epoch.isPresent() ? " after the epoch" : ""));
        }
        for (char c : parts.upstream.toCharArray()) {
            boolean allowed = isAlphanumeric(c) || c == '.' || c == '+' || c == '~'
                    || (c == '-' && parts.revision.isPresent()) || (c == ':' && parts.epoch.isPresent());
            if (!allowed) {
                return Optional.of("'" + c + "' is not allowed in the upstream version (letters, digits and . + ~"
                        + (c == ':' ? "; ':' only after an epoch" : "") + ")");
            }
        }
        if (parts.revision.isPresent()) {
            String revision = parts.revision.get();
            if (revision.isEmpty()) {
                return Optional.of("the revision after the last '-' is empty");
            }
            for (char c : revision.toCharArray()) {
                if (!(isAlphanumeric(c) || c == '.' || c == '+' || c == '~')) {
                    return Optional.of("'" + c + "' is not allowed in the revision after the last '-' "
                            + "(letters, digits and . + ~)");
                }
            }
        }
        return Optional.empty();
    }

    /** The version as written. */
    public String text() {
        return epoch.map(e -> e + ":").orElse("") + upstream + revision.map(r -> "-" + r).orElse("");
    }

    /** The version without its epoch, as a {@code .deb} file name carries it. */
    public String withoutEpoch() {
        return upstream + revision.map(r -> "-" + r).orElse("");
    }

    @Override
    public String toString() {
        return text();
    }

    private record Parts(Optional<String> epoch, String upstream, Optional<String> revision) {

        /*
         * Compared part by part rather than with the record's equals, whose first call is bootstrapped
         * through method handles that Java 17's class-data sharing cannot keep (milliseconds of every run).
         */
        boolean splitAs(Optional<String> otherEpoch, String otherUpstream, Optional<String> otherRevision) {
            return epoch.equals(otherEpoch) && upstream.equals(otherUpstream) && revision.equals(otherRevision);
        }
    }

    /** Splits as dpkg does: the epoch at the first ':', the revision at the last '-'. */
    private static Parts parsed(String text) {
        int colon = text.indexOf(':');
        Optional<String> epoch = colon < 0 ? Optional.empty() : Optional.of(text.substring(0, colon));
        String rest = text.substring(colon + 1);
        int dash = rest.lastIndexOf('-');
        Optional<String> revision = dash < 0 ? Optional.empty() : Optional.of(rest.substring(dash + 1));
        String upstream = dash < 0 ? rest : rest.substring(0, dash);
        return new Parts(epoch, upstream, revision);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
