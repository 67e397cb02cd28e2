package io.github.wazodeb.deb.batch;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.batch.PluginSet.Member;
import io.github.wazodeb.model.InvalidPluginException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds several plugins in one go, as a Wazo server installs a plugin and what it depends on: every
 * plugin is validated first (nothing is built while any is invalid), then each is built with
 * {@link DebBuilder} in {@link BuildOrder}, one {@code .deb} each.
 *
 * <pre>{@code
 * new PluginBatch(options).build(PluginFinder.find(root), result -> System.out.println(result.debFile()));
 * }</pre>
 */
public final class PluginBatch {

    private final BuildOptions options;

    public PluginBatch(BuildOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads and orders the plugins without building anything.
     *
     * @throws InvalidPluginException every problem of every plugin, duplicates and dependency cycles
     */
    public BuildOrder plan(List<Path> pluginDirectories) throws InvalidPluginException {
        if (pluginDirectories.isEmpty()) {
            throw new IllegalArgumentException("no plugin directory to build");
        }
        return BuildOrder.of(PluginSet.read(pluginDirectories));
    }

    /**
     * Plans, then builds each plugin in order, stopping at the first that fails; the packages already
     * written stay (each is complete).
     *
     * @param onBuilt told of each package as soon as it is written
     * @return the packages, in build order
     */
    public List<BuildResult> build(List<Path> pluginDirectories, Consumer<BuildResult> onBuilt)
            throws InvalidPluginException, BuildException {
        BuildOrder order = plan(pluginDirectories);
        DebBuilder builder = new DebBuilder(options);
        List<BuildResult> results = new ArrayList<>();
        int count = order.plugins().size();
        for (Member member : order.plugins()) {
            options.listener().progress("Building " + member.id() + " (" + (results.size() + 1) + " of " + count
                    + ") from " + member.directory());
            BuildResult result = builder.build(member.directory());
            results.add(result);
            onBuilt.accept(result);
        }
        return results;
    }
}
