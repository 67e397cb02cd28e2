package io.github.wazodeb.provd;

import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginsIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code provd diff}: what differs between two channels, plugin by plugin: added, removed, version changed,
 * and content changed without a version change (the case wazo-provd cannot see: same name, new checksum).
 */
public final class ChannelDiff {

    /** How a plugin differs. */
    public enum Kind { ADDED, REMOVED, VERSION_CHANGED, CONTENT_CHANGED_SAME_VERSION, REBUILT_SAME_CONTENT }

    /** One difference, with the line the CLI prints. */
    public record Difference(String pluginId, Kind kind, String description) {
    }

    private ChannelDiff() {
    }

    public static List<Difference> between(Path first, Path second) throws ProvdBuildException {
        Channel a = Channel.read(first);
        Channel b = Channel.read(second);
        TreeSet<String> ids = new TreeSet<>(a.index().entries().keySet());
        ids.addAll(b.index().entries().keySet());
        List<Difference> differences = new ArrayList<>();
        for (String id : ids) {
            PluginsIndex.Entry before = a.index().entries().get(id);
            PluginsIndex.Entry after = b.index().entries().get(id);
            if (before == null) {
                differences.add(new Difference(id, Kind.ADDED, "+ " + id + " " + after.version()));
            } else if (after == null) {
                differences.add(new Difference(id, Kind.REMOVED, "- " + id + " " + before.version()));
            } else if (!before.version().text().equals(after.version().text())) {
                differences.add(new Difference(id, Kind.VERSION_CHANGED,
                        "~ " + id + " " + before.version() + " -> " + after.version()));
            } else if (!before.sha1sum().equals(after.sha1sum())) {
                List<String> changes = b.content(after).changesSince(a.content(before));
                differences.add(changes.isEmpty()
                        ? new Difference(id, Kind.REBUILT_SAME_CONTENT, "= " + id + " " + after.version()
                                + ": same content, different archive bytes (sha1 " + before.sha1sum() + " -> "
                                + after.sha1sum() + ")")
                        : new Difference(id, Kind.CONTENT_CHANGED_SAME_VERSION, "! " + id + " " + after.version()
                                + ": content changed without a version change: " + String.join(", ", changes)));
            }
        }
        return differences;
    }
}
