package io.github.wazodeb.provd;

import io.github.wazodeb.provd.content.PluginContent;
import io.github.wazodeb.provd.model.PluginInfo;
import java.util.List;

/**
 * A target's result: what it built, and the {@code plugin-info} at its top.
 *
 * @param infoFile the source file the {@code plugin-info} came from, as messages name it
 */
public record BuiltPlugin(ProvdTree.Target target, PluginContent content, PluginInfo info, String infoFile) {

    /** This plugin without its files, for what is kept once it is archived. */
    public BuiltPlugin withoutContent() {
        return new BuiltPlugin(target, new PluginContent(List.of()), info, infoFile);
    }

    public String pluginId() {
        return target.declaration().pluginId();
    }

    /** {@code <plugin id with _ turned into ->-<version>.tar.bz2}, the name the reference build gives it. */
    public String archiveName() {
        return target.declaration().archiveBaseName() + "-" + info.version().text() + ".tar.bz2";
    }
}
