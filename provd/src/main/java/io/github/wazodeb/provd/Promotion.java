package io.github.wazodeb.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginArchive;
import io.github.wazodeb.provd.channel.PluginsIndex;
import io.github.wazodeb.provd.channel.PublishedArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code provd promote}: copies the current archive of each named plugin from one channel to another and
 * regenerates the second channel's {@code plugins.db}. Refuses, before copying anything, a plugin the first
 * channel does not list or whose version is older than the one the second already serves, and an archive the
 * second holds under the same name with other content (see {@link PublishedArchives}).
 */
public final class Promotion {

    private final Path from;
    private final Path to;
    private final List<String> pluginIds;
    private final ProvdListener listener;

    public Promotion(Path from, Path to, List<String> pluginIds, ProvdListener listener) {
        this.from = from;
        this.to = to;
        this.pluginIds = List.copyOf(pluginIds);
        this.listener = listener;
    }

    /** @return the index of the second channel after the promotion */
    public PluginsIndex run() throws InvalidPluginException, ProvdBuildException {
        Channel source = Channel.read(from);
        Optional<Channel> target = Files.isRegularFile(to.resolve(Channel.INDEX)) ? Optional.of(Channel.read(to))
                : Optional.empty();
        List<Problem> problems = new ArrayList<>();
        List<PluginsIndex.Entry> promoted = new ArrayList<>();
        for (String id : pluginIds) {
            Optional<PluginsIndex.Entry> entry = source.entry(id);
            if (entry.isEmpty()) {
                problems.add(new Problem(Severity.ERROR, from.resolve(Channel.INDEX).toString(), 0, 0, "", id,
                        "is not a plugin of this channel"));
                continue;
            }
            Optional<PluginsIndex.Entry> served = target.flatMap(channel -> channel.entry(id));
            if (served.isPresent() && served.get().version().isNewerThan(entry.get().version())) {
                problems.add(new Problem(Severity.ERROR, to.resolve(Channel.INDEX).toString(), 0, 0, "", id,
                        "already serves version " + served.get().version() + ", newer than " + entry.get().version()));
                continue;
            }
            promoted.add(entry.get());
        }
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(problems);
        }
        List<PublishedArchives.Decision> decisions = new ArrayList<>();
        List<byte[]> archives = new ArrayList<>();
        for (PluginsIndex.Entry entry : promoted) {
            Path archive = source.archive(entry);
            try {
                archives.add(Files.readAllBytes(archive));
            } catch (IOException e) {
                throw new ProvdBuildException("cannot read " + archive + ": " + e.getMessage(), e);
            }
            decisions.add(PublishedArchives.decide(to, entry.id(), entry.filename(), archives.get(archives.size() - 1),
                    PluginArchive.read(archive).content()));
        }
        PublishedArchives.refuseOtherContent(decisions);
        for (int i = 0; i < promoted.size(); i++) {
            PublishedArchives.Decision decision = decisions.get(i);
            if (decision.verdict() == PublishedArchives.Verdict.NEW) {
                Channel.writeAtomically(decision.published(), archives.get(i));
            } else {
                listener.progress(decision.published() + " is already published with the same content: nothing to do");
            }
        }
        return Channel.writeIndex(to);
    }
}
