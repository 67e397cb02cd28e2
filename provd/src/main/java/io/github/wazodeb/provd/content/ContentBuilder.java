package io.github.wazodeb.provd.content;

import io.github.wazodeb.provd.ProvdBuildException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's output folder while it is being filled: later copies overlay earlier ones as rsync does (a file
 * replaces a file or link, a folder merges into a folder or replaces a file), and a file never replaces a
 * folder that holds something, which rsync refuses too.
 */
final class ContentBuilder {

    /** The folders the reference build adds to every target unless it says {@code std_dirs=False}. */
    static final List<String> STANDARD_DIRECTORIES =
            List.of("var", "var/cache", "var/installed", "var/templates", "var/tftpboot");

    private final String target;
    private final TreeMap<String, ContentEntry> entries = new TreeMap<>(PluginContent.PATH_ORDER);

    /** @param target the target, as failures name it */
    ContentBuilder(String target) {
        this.target = target;
    }

    void put(ContentEntry entry) throws ProvdBuildException {
        ContentEntry existing = entries.get(entry.path());
        if (existing != null && existing.type() == ContentEntry.Type.DIRECTORY) {
            if (entry.type() == ContentEntry.Type.DIRECTORY) {
                return;
            }
            if (holdsAnything(entry.path())) {
                throw new ProvdBuildException(target + ": " + entry.origin() + " cannot replace the folder "
                        + entry.path() + (existing.origin().isEmpty() ? "" : " copied from " + existing.origin())
                        + ", which is not empty");
            }
        }
        entries.put(entry.path(), entry);
    }

    /** Adds the standard folders where missing, as {@code os.makedirs(..., exist_ok=True)} does. */
    void addStandardDirectories() throws ProvdBuildException {
        for (String path : STANDARD_DIRECTORIES) {
            ContentEntry existing = entries.get(path);
            if (existing == null) {
                entries.put(path, ContentEntry.directory(path, ""));
            } else if (existing.type() != ContentEntry.Type.DIRECTORY) {
                throw new ProvdBuildException(target + ": " + path + " must be a folder, but " + existing.origin()
                        + " makes it a " + existing.type().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    PluginContent build() {
        return new PluginContent(entries.values());
    }

    private boolean holdsAnything(String folder) {
        Map.Entry<String, ContentEntry> next = entries.higherEntry(folder);
        return next != null && next.getKey().startsWith(folder + "/");
    }
}
