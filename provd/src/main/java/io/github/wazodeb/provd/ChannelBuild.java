package io.github.wazodeb.provd;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginArchive;
import io.github.wazodeb.provd.channel.PluginsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code provd build}: builds a tree's targets (all, or those named) into a channel folder: one reproducible
 * archive each, then the channel's {@code plugins.db} from every archive it holds. Every target is built
 * before anything is written, so a failing target leaves the channel as it was.
 */
public final class ChannelBuild {

    /** The timestamp when none is given and {@code SOURCE_DATE_EPOCH} is not set: fixed, as for packages. */
    public static final Instant DEFAULT_TIMESTAMP = BuildOptions.DEFAULT_TIMESTAMP;

    /** One archive written. */
    public record Published(String pluginId, String version, Path archive, long size, String sha1sum) {
    }

    private final Path tree;
    private final Path channel;
    private final List<String> names;
    private final Instant timestamp;
    private final ProvdListener listener;

    /**
     * @param names families, family/target pairs or plugin ids to build; empty for all
     * @param timestamp every entry's mtime
     */
    public ChannelBuild(Path tree, Path channel, List<String> names, Instant timestamp, ProvdListener listener) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.names = List.copyOf(names);
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** {@code SOURCE_DATE_EPOCH} from the environment, else {@link #DEFAULT_TIMESTAMP}. */
    public static Instant timestampFromEnvironment() {
        return BuildOptions.sourceDateEpoch(System.getenv()).orElse(DEFAULT_TIMESTAMP);
    }

    public List<Published> run() throws InvalidPluginException, ProvdBuildException {
        ProvdTree provdTree = ProvdTree.read(tree);
        List<BuiltPlugin> built = new PluginBuilder(listener).build(provdTree.targets(names));
        List<byte[]> archives = new ArrayList<>();
        for (BuiltPlugin plugin : built) {
            try {
                archives.add(PluginArchive.write(plugin.pluginId(), plugin.content(), timestamp));
            } catch (IOException e) {
                throw new ProvdBuildException("cannot write the archive of " + plugin.target().name() + ": "
                        + e.getMessage(), e);
            }
        }
        try {
            Files.createDirectories(channel);
        } catch (IOException e) {
            throw new ProvdBuildException("cannot create " + channel + ": " + e.getMessage(), e);
        }
        List<Published> published = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            BuiltPlugin plugin = built.get(i);
            Path archive = channel.resolve(plugin.archiveName());
            Channel.writeAtomically(archive, archives.get(i));
            published.add(new Published(plugin.pluginId(), plugin.info().version().text(), archive,
                    archives.get(i).length, Channel.sha1(archives.get(i))));
        }
        PluginsIndex index = Channel.writeIndex(channel);
        listener.progress("wrote " + channel.resolve(Channel.INDEX) + " (" + index.entries().size() + " plugins)");
        return published;
    }
}
