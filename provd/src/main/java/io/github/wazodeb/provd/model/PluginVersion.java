package io.github.wazodeb.provd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A provisioning plugin's version as {@code plugin-info} writes it ({@code 1.0.10}, {@code 3.3.1-SP4},
 * {@code 0.2.5.1}). Compared part by part, splitting on {@code .} and {@code -}: digits as numbers (so
 * {@code 1.0.10} is newer than {@code 1.0.9}, which the reference build script gets wrong), other text
 * by its leading number and then as text; a missing part counts as {@code 0} ({@code 1.1} equals
 * {@code 1.1.0}).
 */
public record PluginVersion(String text) implements Comparable<PluginVersion> {

    public PluginVersion {
        Objects.requireNonNull(text, "text");
    }

    public static PluginVersion of(String text) {
        return new PluginVersion(text);
    }

    public boolean isNewerThan(PluginVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(PluginVersion other) {
        List<String> mine = parts(text);
        List<String> theirs = parts(other.text);
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            int order = comparePart(i < mine.size() ? mine.get(i) : "0", i < theirs.size() ? theirs.get(i) : "0");
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static List<String> parts(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : version.strip().split("[.-]", -1)) {
            parts.add(part);
        }
        return parts;
    }

    private static int comparePart(String a, String b) {
        int digitsA = leadingDigits(a);
        int digitsB = leadingDigits(b);
        if (digitsA > 0 && digitsB > 0) {
            int order = compareNumbers(a.substring(0, digitsA), b.substring(0, digitsB));
            if (order != 0) {
                return order;
            }
            return a.substring(digitsA).compareTo(b.substring(digitsB));
        }
        if (digitsA > 0 != digitsB > 0) {
            // A number is newer than a bare word: 1.0 after 1.0-dev, as the reference script orders them.
            return digitsA > 0 ? 1 : -1;
        }
        return a.compareTo(b);
    }

    /** Compares two digit strings as numbers of any length, without overflow. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static int leadingDigits(String part) {
        int count = 0;
        while (count < part.length() && part.charAt(count) >= '0' && part.charAt(count) <= '9') {
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return text;
    }
}
