package io.github.wazodeb.provd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A provisioning plugin's version as {@code plugin-info} writes it ({@code 1.0.10}, {@code 3.3.1-SP4},
 * {@code 0.2.5.1}). Compared part by part, splitting on {@code .} and {@code -}: digits as numbers (so
 * {@code 1.0.10} is newer than {@code 1.0.9}, which the reference build script gets wrong), other text
 * in runs of digits and text; a missing part counts as {@code 0} ({@code 1.1} equals
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

    /**
     * Compares two parts run by run ({@code SP10} is {@code SP} then {@code 10}): digits as numbers, text as text;
     * where one has digits and the other text, the number is newer (1.0 after 1.0-dev, as the reference script
     * orders them); a part that runs out first is older.
     */
    private static int comparePart(String a, String b) {
        List<String> x = runs(a);
        List<String> y = runs(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            boolean numberX = isDigit(x.get(i).charAt(0));
            boolean numberY = isDigit(y.get(i).charAt(0));
            int order = numberX && numberY ? compareNumbers(x.get(i), y.get(i))
                    : numberX != numberY ? (numberX ? 1 : -1) : x.get(i).compareTo(y.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<String> runs(String part) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= part.length(); i++) {
            if (i == part.length() || isDigit(part.charAt(i)) != isDigit(part.charAt(i - 1))) {
                runs.add(part.substring(start, i));
                start = i;
            }
        }
        return runs;
    }

    /** Compares two digit strings as numbers of any length, without overflow. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return text;
    }
}
