package io.github.wazodeb.provd.channel;

import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.content.PluginContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A published plugin is immutable: wazo-provd trusts an archive's name and checks only the SHA-1 its
 * {@code plugins.db} gives, so an archive of a channel is never replaced by other content under the same name
 * (bump the plugin's version instead). The same content is nothing to do, and the published bytes stay, even
 * when a later build wrapped them in other archive bytes (another time, another compressor run).
 */
public final class PublishedArchives {

    /** What the channel holds under an archive's name, compared with what would be written. */
    public enum Verdict {
        /** Nothing of that name: write it. */
        NEW,
        /** The same bytes, or the same content in other bytes: keep the published archive. */
        SAME,
        /** Other content: refuse. */
        OTHER_CONTENT
    }

    /** The verdict for one archive, with both SHA-1s when the channel holds one of that name. */
    public record Decision(String pluginId, Path published, Verdict verdict, String publishedSha1, String newSha1) {

        /** The one line that refuses it. */
        public String refusal() {
            return pluginId + ": " + published.getFileName() + " is already in " + published.getParent()
                    + " with other content (sha1 " + publishedSha1 + " there, " + newSha1
                    + " now): a published plugin is immutable, bump its version";
        }
    }

    private PublishedArchives() {
    }

    /**
     * @param channel the channel folder, which may not exist yet
     * @param bytes the archive that would be written
     * @param content what it holds
     */
    public static Decision decide(Path channel, String pluginId, String archiveName, byte[] bytes, PluginContent content)
            throws ProvdBuildException {
        Path published = channel.resolve(archiveName);
        String newSha1 = Channel.sha1(bytes);
        if (!Files.isRegularFile(published)) {
            return new Decision(pluginId, published, Verdict.NEW, null, newSha1);
        }
        String publishedSha1 = Channel.sha1(published);
        if (publishedSha1.equals(newSha1)) {
            return new Decision(pluginId, published, Verdict.SAME, publishedSha1, newSha1);
        }
        PluginArchive.Contents before = PluginArchive.read(published);
        boolean same = before.topFolder().equals(pluginId) && content.changesSince(before.content()).isEmpty();
        return new Decision(pluginId, published, same ? Verdict.SAME : Verdict.OTHER_CONTENT, publishedSha1, newSha1);
    }

    /** Fails with one line per archive refused; does nothing when none is. */
    public static void refuseOtherContent(List<Decision> decisions) throws ProvdBuildException {
        List<String> refusals = decisions.stream().filter(decision -> decision.verdict() == Verdict.OTHER_CONTENT)
                .map(Decision::refusal).toList();
        if (!refusals.isEmpty()) {
            throw new ProvdBuildException(String.join("\n", refusals));
        }
    }
}
