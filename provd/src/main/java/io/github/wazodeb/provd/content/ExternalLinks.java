package io.github.wazodeb.provd.content;

import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Links that leave a plugin: a link in its content whose target is absolute or climbs above the plugin's top
 * folder (on a phone server it points at whatever is there), and a source folder the build reaches through a
 * link out of the tree (whose files would then ship in the plugin). Each is refused, or with
 * {@code --allow-external-links} a warning. Collected per build, so every one is named at once.
 */
public final class ExternalLinks {

    private final boolean allowed;
    private final List<Problem> found = new ArrayList<>();

    /** @param allowed whether they are only warned about */
    public ExternalLinks(boolean allowed) {
        this.allowed = allowed;
    }

    public boolean allowed() {
        return allowed;
    }

    /** What was found: errors, or warnings when allowed. */
    public synchronized List<Problem> found() {
        return List.copyOf(found);
    }

    /**
     * Records a source folder reached through a link out of the tree.
     *
     * @return whether to copy it anyway
     */
    synchronized boolean sourceOutside(String source, Path real, String pluginId) {
        add(source, "is reached through a link to " + real + ", outside the tree: its files would ship in " + pluginId);
        return allowed;
    }

    /** Records every link of {@code content} whose target leaves the plugin. */
    synchronized void checkContent(PluginContent content, String pluginId) {
        for (ContentEntry entry : content.entries()) {
            if (entry.type() == ContentEntry.Type.SYMLINK && leaves(entry.path(), entry.linkTarget())) {
                String file = entry.origin().isEmpty() ? pluginId + "/" + entry.path() : entry.origin();
                add(file, "is a link to " + entry.linkTarget() + ", outside the plugin " + pluginId);
            }
        }
    }

    /** Whether {@code target}, read from the folder holding {@code path}, is absolute or climbs above the top. */
    static boolean leaves(String path, String target) {
        if (target.startsWith("/")) {
            return true;
        }
        int depth = path.split("/").length - 1;
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private void add(String file, String rule) {
        found.add(new Problem(allowed ? Severity.WARNING : Severity.ERROR, file, 0, 0, "", null,
                allowed ? rule + " (allowed by --allow-external-links)" : rule
                        + " (refused; --allow-external-links publishes it as it is)"));
    }
}
