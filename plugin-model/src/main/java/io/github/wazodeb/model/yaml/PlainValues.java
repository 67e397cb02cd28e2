package io.github.wazodeb.model.yaml;

import io.github.wazodeb.model.report.ProblemList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@link YamlNode} into the plain Java value YAML 1.1 gives it: {@link String}, {@link Long},
 * {@link Double}, {@link Boolean}, {@code null}, and unmodifiable {@link List} / {@link Map} of those.
 * Integers too big for a long and dates stay as their text. Internal to plugin-model.
 */
public final class PlainValues {

    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private PlainValues() {
    }

    /**
     * The value, or empty after reporting why it has none (an explicitly tagged scalar that is not its
     * type, a refused node inside it).
     */
    public static Optional<Holder> of(YamlNode node, String path, ProblemList problems) {
        return Optional.ofNullable(convert(node, path, problems));
    }

    /** Wraps a value that may be {@code null}, which an {@link Optional} cannot hold. */
    public record Holder(Object value) {
    }

    private static Holder convert(YamlNode node, String path, ProblemList problems) {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar(scalar, path, problems);
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<Object> items = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < sequence.items().size(); i++) {
                Holder item = convert(sequence.items().get(i), path + "[" + i + "]", problems);
                ok &= item != null;
                items.add(item == null ? null : item.value());
            }
            return ok ? new Holder(Collections.unmodifiableList(items)) : null;
        }
        if (node instanceof YamlNode.Mapping mapping) {
            Map<String, Object> entries = new LinkedHashMap<>();
            boolean ok = true;
            for (YamlNode.Entry entry : mapping.entries()) {
                Holder value = convert(entry.value(), path + "." + entry.key(), problems);
                ok &= value != null;
                entries.put(entry.key(), value == null ? null : value.value());
            }
            return ok ? new Holder(Collections.unmodifiableMap(entries)) : null;
        }
        return null; // Rejected: its problem is already reported
    }

    private static Holder scalar(YamlNode.Scalar scalar, String path, ProblemList problems) {
        String text = scalar.text();
        Optional<Object> value = switch (scalar.kind()) {
            case STRING, TIMESTAMP -> Optional.of(text);
            case NULL -> Optional.of(Holder.class); // marker for null, replaced below
            case BOOL -> bool(text).map(Object.class::cast);
            case INT -> integer(text).map(Object.class::cast);
            case FLOAT -> floating(text).map(Object.class::cast);
        };
        if (value.isEmpty()) {
            problems.error(scalar.position(), path, text, "is tagged as " + scalar.kind().description()
                    + " but is not one");
            return null;
        }
        return new Holder(value.get() == Holder.class ? null : value.get());
    }

    /** As PyYAML's constructor reads an explicit {@code !!bool}: it fails on {@code y} and {@code n}. */
    static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(Boolean.TRUE);
            case "false", "no", "off" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** YAML 1.1 integers: decimal, 0b binary, 0x hex, 0o or leading-0 octal, base 60 with ':', '_' ignored. */
    public static Optional<Object> integer(String text) {
        return bigInteger(text).map(value -> value.bitLength() < 64 ? (Object) value.longValue() : text);
    }

    /** The integer a YAML 1.1 int scalar stands for, whatever its size; empty when it is not one. */
    static Optional<BigInteger> bigInteger(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (digits.startsWith("-") || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        try {
            BigInteger value;
            if (digits.contains(":")) {
                value = BigInteger.ZERO;
                for (String part : digits.split(":", -1)) {
                    value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part, 10));
                }
            } else if (digits.startsWith("0b")) {
                value = new BigInteger(digits.substring(2), 2);
            } else if (digits.startsWith("0x")) {
                value = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0o")) {
                value = new BigInteger(digits.substring(2), 8);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                value = new BigInteger(digits.substring(1), 8);
            } else {
                value = new BigInteger(digits, 10);
            }
            if (value.signum() < 0 || digits.chars().anyMatch(c -> c == '-' || c == '+')) {
                return Optional.empty();
            }
            return Optional.of(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** YAML 1.1 floats: decimal with optional exponent, base 60 with ':', .inf and .nan, '_' ignored. */
    static Optional<Double> floating(String text) {
        String digits = text.replace("_", "");
        String lower = digits.toLowerCase(Locale.ROOT);
        switch (lower) {
            case ".inf", "+.inf" -> {
                return Optional.of(Double.POSITIVE_INFINITY);
            }
            case "-.inf" -> {
                return Optional.of(Double.NEGATIVE_INFINITY);
            }
            case ".nan" -> {
                return Optional.of(Double.NaN);
            }
            default -> {
                // fall through to the numeric forms
            }
        }
        if (digits.contains(":")) {
            boolean negative = digits.startsWith("-");
            String[] parts = digits.replaceFirst("^[-+]", "").split(":", -1);
            double value = 0;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                boolean last = i == parts.length - 1;
                if (!(last ? DECIMAL_FLOAT.matcher(part).matches() : part.matches("[0-9]+"))) {
                    return Optional.empty();
                }
                value = value * 60 + Double.parseDouble(part);
            }
            return Optional.of(negative ? -value : value);
        }
        return DECIMAL_FLOAT.matcher(digits).matches() ? Optional.of(Double.parseDouble(digits)) : Optional.empty();
    }
}
