package io.github.wazodeb.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.provd.content.ContentEntry;
import io.github.wazodeb.provd.content.CopyTarget;
import io.github.wazodeb.provd.content.ExternalLinks;
import io.github.wazodeb.provd.content.PluginContent;
import io.github.wazodeb.provd.content.ScriptTarget;
import io.github.wazodeb.provd.model.PluginInfoReader;
import io.github.wazodeb.provd.model.TargetRecipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds targets in memory: copy-only ones in-process, the others through Python; then reads each one's
 * {@code plugin-info}. A target that fails stops the build, naming it; plugin-info problems are gathered and
 * reported together.
 */
public final class PluginBuilder {

    private final ProvdListener listener;
    private final boolean allowExternalLinks;

    /** @param allowExternalLinks whether links that leave a plugin or the tree are only warned about */
    public PluginBuilder(ProvdListener listener, boolean allowExternalLinks) {
        this.listener = listener;
        this.allowExternalLinks = allowExternalLinks;
    }

    /**
     * The plugins built, the problems of those whose plugin-info could not be read and of their links, and what
     * every target built, keyed by plugin id (those whose plugin-info is wrong too, so their other files can be
     * checked all the same).
     */
    public record Result(List<BuiltPlugin> built, List<Problem> problems, Map<String, PluginContent> contents) {

        public Result {
            built = List.copyOf(built);
            problems = List.copyOf(problems);
            contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
        }
    }

    /** Builds every target; fails only when one cannot be read. */
    public List<BuiltPlugin> build(List<ProvdTree.Target> targets) throws ProvdBuildException, InvalidPluginException {
        Result result = buildAll(targets);
        if (!result.problems().isEmpty()) {
            throw new InvalidPluginException(result.problems());
        }
        return result.built();
    }

    /** Receives each target's result as it is built, so a caller need not keep every plugin's files at once. */
    @FunctionalInterface
    public interface Sink {

        /** @param plugin the plugin, or null when its plugin-info cannot be read */
        void accept(ProvdTree.Target target, PluginContent content, BuiltPlugin plugin) throws ProvdBuildException;
    }

    /** Builds every target, keeping those whose plugin-info reads, and the problems of the others. */
    public Result buildAll(List<ProvdTree.Target> targets) throws ProvdBuildException {
        List<BuiltPlugin> built = new ArrayList<>();
        Map<String, PluginContent> contents = new LinkedHashMap<>();
        List<Problem> problems = each(targets, (target, content, plugin) -> {
            contents.put(target.declaration().pluginId(), content);
            if (plugin != null) {
                built.add(plugin);
            }
        });
        return new Result(built, problems, contents);
    }

    /**
     * Builds the targets one after the other, handing each result to {@code sink}; returns the problems of
     * plugin-info files and links.
     */
    public List<Problem> each(List<ProvdTree.Target> targets, Sink sink) throws ProvdBuildException {
        List<Problem> problems = new ArrayList<>();
        ExternalLinks links = new ExternalLinks(allowExternalLinks);
        for (ProvdTree.Target target : targets) {
            PluginContent content = content(target, links);
            Optional<ContentEntry> info = content.entry("plugin-info");
            if (info.isEmpty() || info.get().type() != ContentEntry.Type.FILE) {
                problems.add(new Problem(Severity.ERROR, target.family().script().file(), target.declaration().line(), 0,
                        "target", target.declaration().id(), "builds no plugin-info file at the top of its output"));
                sink.accept(target, content, null);
                continue;
            }
            String infoFile = info.get().origin().isEmpty() ? target.declaration().pluginId() + "/plugin-info"
                    : info.get().origin();
            PluginInfoReader.Result read = PluginInfoReader.read(info.get().data(), infoFile);
            problems.addAll(read.problems());
            sink.accept(target, content, read.info().map(pluginInfo -> new BuiltPlugin(target, content, pluginInfo,
                    infoFile)).orElse(null));
        }
        for (Problem link : links.found()) {
            if (link.severity() == Severity.WARNING) {
                listener.warning(link.format());
            } else {
                problems.add(link);
            }
        }
        return problems;
    }

    /** What one target builds (its links checked only by {@link #buildAll}). */
    public PluginContent content(ProvdTree.Target target) throws ProvdBuildException {
        return content(target, new ExternalLinks(true));
    }

    private PluginContent content(ProvdTree.Target target, ExternalLinks links) throws ProvdBuildException {
        TargetRecipe recipe = target.declaration().recipe();
        if (recipe instanceof TargetRecipe.Copy copy) {
            listener.progress(target.name() + " (" + target.declaration().pluginId() + "): copying in-process");
            return CopyTarget.build(target.family().folder(), target.family().name(), target.declaration(), copy, links);
        }
        TargetRecipe.Script script = (TargetRecipe.Script) recipe;
        listener.progress(target.name() + " (" + target.declaration().pluginId() + "): running its build.py with python3 ("
                + script.reason() + ")");
        return ScriptTarget.build(target.family().folder(), target.family().name(), target.declaration(), script, links,
                listener);
    }
}
