package io.github.wazodeb.cli.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.Promotion;
import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginsIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb provd promote FROM TO PLUGIN_ID...}. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = {
                "Copies the named plugins' archives from one channel folder to another and regenerates its "
                        + "plugins.db.",
                "",
                "A published plugin is immutable: an archive TO holds under the same name with other content is "
                        + "refused (exit 1: bump the plugin's version); the same content is nothing to do."})
final class ProvdPromoteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The channel to promote from (testing).")
    private Path from;

    @Parameters(index = "1", paramLabel = "TO", description = "The channel to promote to (stable); created if missing.")
    private Path to;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "PLUGIN_ID", description = "The plugins to promote.")
    private List<String> pluginIds;

    @Override
    public Integer call() throws InvalidPluginException, ProvdBuildException {
        PluginsIndex index = new Promotion(from, to, pluginIds,
                new StderrProgress(spec.commandLine().getErr(), false)).run();
        PrintWriter out = spec.commandLine().getOut();
        for (String id : pluginIds) {
            out.println(to.resolve(index.entries().get(id).filename()));
        }
        out.flush();
        spec.commandLine().getErr().println("wazo-deb: wrote " + to.resolve(Channel.INDEX) + " ("
                + index.entries().size() + " plugins)");
        spec.commandLine().getErr().flush();
        return ProvdCommand.DONE;
    }
}
