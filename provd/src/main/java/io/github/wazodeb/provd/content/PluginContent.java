package io.github.wazodeb.provd.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a target built: its entries, sorted so that a folder comes before what it holds and siblings by
 * name, the order the archive is written in.
 */
public final class PluginContent {

    /** Component by component, so {@code a/b} sorts before {@code a-b} and a folder before its children. */
    public static final Comparator<String> PATH_ORDER = (a, b) -> {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int order = x[i].compareTo(y[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private final Map<String, ContentEntry> entries;

    public PluginContent(Collection<ContentEntry> entries) {
        TreeMap<String, ContentEntry> sorted = new TreeMap<>(PATH_ORDER);
        entries.forEach(entry -> sorted.put(entry.path(), entry));
        this.entries = Collections.unmodifiableMap(sorted);
    }

    /** The entries in archive order. */
    public List<ContentEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<ContentEntry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /**
     * The paths whose content differs from {@code earlier}'s (added, removed or changed), sorted; each named
     * by this content's origin where it has one, so a change in {@code common/} reads as such.
     */
    public List<String> changesSince(PluginContent earlier) {
        TreeSet<String> paths = new TreeSet<>(PATH_ORDER);
        paths.addAll(entries.keySet());
        paths.addAll(earlier.entries.keySet());
        List<String> changed = new ArrayList<>();
        for (String path : paths) {
            ContentEntry now = entries.get(path);
            ContentEntry before = earlier.entries.get(path);
            if (now == null) {
                changed.add(path + " (removed)");
            } else if (before == null) {
                changed.add(describe(now) + " (added)");
            } else if (!now.sameContentAs(before)) {
                changed.add(describe(now));
            }
        }
        return changed;
    }

    private static String describe(ContentEntry entry) {
        return entry.origin().isEmpty() ? entry.path() : entry.origin();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginContent content && content.changesSince(this).isEmpty();
    }

    @Override
    public int hashCode() {
        return entries.keySet().hashCode();
    }

    @Override
    public String toString() {
        return entries.values().toString();
    }
}
