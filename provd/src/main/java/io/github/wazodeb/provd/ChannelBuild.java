package io.github.wazodeb.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginArchive;
import io.github.wazodeb.provd.channel.PluginsIndex;
import io.github.wazodeb.provd.channel.PublishedArchives;
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
 * before anything is written, so a failing target leaves the channel as it was; an archive the channel already
 * holds under the same name with other content is refused (see {@link PublishedArchives}).
 */
public final class ChannelBuild {

    /** One archive of the channel: written now, or already published with the same content. */
    public record Published(String pluginId, String version, Path archive, long size, String sha1sum, boolean written) {
    }

    private final Path tree;
    private final Path channel;
    private final List<String> names;
    private final Instant timestamp;
    private final ProvdListener listener;
    private final boolean allowExternalLinks;

    /**
     * @param names families, family/target pairs or plugin ids to build; empty for all
     * @param timestamp every entry's mtime (see {@link BuildTime})
     */
    public ChannelBuild(Path tree, Path channel, List<String> names, Instant timestamp, ProvdListener listener) {
        this(tree, channel, names, timestamp, listener, false);
    }

    private ChannelBuild(Path tree, Path channel, List<String> names, Instant timestamp, ProvdListener listener,
            boolean allowExternalLinks) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.names = List.copyOf(names);
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.allowExternalLinks = allowExternalLinks;
    }

    /** This build, with links that leave a plugin or the tree published (a warning each) instead of refused. */
    public ChannelBuild allowingExternalLinks(boolean allow) {
        return new ChannelBuild(tree, channel, names, timestamp, listener, allow);
    }

    public List<Published> run() throws InvalidPluginException, ProvdBuildException {
        ProvdTree provdTree = ProvdTree.read(tree);
        List<BuiltPlugin> built = new PluginBuilder(listener, allowExternalLinks).build(provdTree.targets(names));
        List<byte[]> archives = new ArrayList<>();
        for (BuiltPlugin plugin : built) {
            try {
                archives.add(PluginArchive.write(plugin.pluginId(), plugin.content(), timestamp));
            } catch (IOException e) {
                throw new ProvdBuildException("cannot write the archive of " + plugin.target().name() + ": "
                        + e.getMessage(), e);
            }
        }
        List<PublishedArchives.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            BuiltPlugin plugin = built.get(i);
            decisions.add(PublishedArchives.decide(channel, plugin.pluginId(), plugin.archiveName(), archives.get(i),
                    plugin.content()));
        }
        PublishedArchives.refuseOtherContent(decisions);
        try {
            Files.createDirectories(channel);
        } catch (IOException e) {
            throw new ProvdBuildException("cannot create " + channel + ": " + e.getMessage(), e);
        }
        List<Published> published = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            BuiltPlugin plugin = built.get(i);
            PublishedArchives.Decision decision = decisions.get(i);
            Path archive = decision.published();
            if (decision.verdict() == PublishedArchives.Verdict.NEW) {
                Channel.writeAtomically(archive, archives.get(i));
            } else {
                listener.progress(archive + " is already published with the same content: nothing to do");
            }
            published.add(new Published(plugin.pluginId(), plugin.info().version().text(), archive,
                    Channel.size(archive), Channel.sha1(archive), decision.verdict() == PublishedArchives.Verdict.NEW));
        }
        PluginsIndex index = Channel.writeIndex(channel);
        listener.progress("wrote " + channel.resolve(Channel.INDEX) + " (" + index.entries().size() + " plugins)");
        return published;
    }
}
