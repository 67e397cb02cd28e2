package io.github.wazodeb.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginArchive;
import io.github.wazodeb.provd.channel.PluginsIndex;
import io.github.wazodeb.provd.channel.PublishedArchives;
import io.github.wazodeb.provd.content.PluginContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

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

    private record Archived(byte[] bytes, PublishedArchives.Decision decision) {
    }

    private Archived archive(BuiltPlugin plugin, PluginContent content) throws ProvdBuildException {
        byte[] archive;
        try {
            archive = PluginArchive.write(plugin.pluginId(), content, timestamp);
        } catch (IOException e) {
            throw new ProvdBuildException("cannot write the archive of " + plugin.target().name() + ": " + e.getMessage(),
                    e);
        }
        return new Archived(archive, PublishedArchives.decide(channel, plugin.pluginId(), plugin.archiveName(), archive,
                content));
    }

    private static void acquire(Semaphore semaphore) throws ProvdBuildException {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvdBuildException("interrupted while writing the archives", e);
        }
    }

    public List<Published> run() throws InvalidPluginException, ProvdBuildException {
        ProvdTree provdTree = ProvdTree.read(tree);
        // Each plugin is archived as soon as it is built, on another core while the next one builds, and only its
        // archive is kept until every target has built: memory follows the largest plugins, not the tree.
        List<BuiltPlugin> built = new ArrayList<>();
        List<Future<Archived>> archiving = new ArrayList<>();
        // One core builds, the others compress: bzip2 at level 9 holds 8 MiB per stream, so no more than that.
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        ExecutorService compressors = Executors.newFixedThreadPool(cores);
        Semaphore inFlight = new Semaphore(cores);
        List<byte[]> archives = new ArrayList<>();
        List<PublishedArchives.Decision> decisions = new ArrayList<>();
        try {
            List<Problem> problems = new PluginBuilder(listener, allowExternalLinks).each(provdTree.targets(names),
                    (target, content, plugin) -> {
                        if (plugin == null) {
                            return;
                        }
                        acquire(inFlight);
                        built.add(plugin.withoutContent());
                        archiving.add(compressors.submit(() -> {
                            try {
                                return archive(plugin, content);
                            } finally {
                                inFlight.release();
                            }
                        }));
                    });
            if (!problems.isEmpty()) {
                throw new InvalidPluginException(problems);
            }
            for (Future<Archived> archived : archiving) {
                Archived done = archived.get();
                archives.add(done.bytes());
                decisions.add(done.decision());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvdBuildException("interrupted while writing the archives", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProvdBuildException failure) {
                throw failure;
            }
            throw new ProvdBuildException("cannot write an archive: " + e.getCause(), e.getCause());
        } finally {
            compressors.shutdownNow();
        }
        PublishedArchives.refuseOtherContent(decisions);
        try {
            Files.createDirectories(channel);
        } catch (IOException e) {
            throw new ProvdBuildException("cannot create " + channel + ": " + e.getMessage(), e);
        }
        List<Published> published = new ArrayList<>();
        Map<String, Channel.Known> known = new HashMap<>();
        for (int i = 0; i < built.size(); i++) {
            BuiltPlugin plugin = built.get(i);
            PublishedArchives.Decision decision = decisions.get(i);
            Path archive = decision.published();
            if (decision.verdict() == PublishedArchives.Verdict.NEW) {
                Channel.writeAtomically(archive, archives.get(i));
            } else {
                listener.progress(archive + " is already published with the same content: nothing to do");
            }
            known.put(plugin.archiveName(), new Channel.Known(plugin.pluginId(), plugin.info()));
            published.add(new Published(plugin.pluginId(), plugin.info().version().text(), archive,
                    Channel.size(archive), Channel.sha1(archive), decision.verdict() == PublishedArchives.Verdict.NEW));
        }
        PluginsIndex index = Channel.writeIndex(channel, known);
        listener.progress("wrote " + channel.resolve(Channel.INDEX) + " (" + index.entries().size() + " plugins)");
        return published;
    }
}
