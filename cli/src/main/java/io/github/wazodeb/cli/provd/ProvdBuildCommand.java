package io.github.wazodeb.cli.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.ChannelBuild;
import io.github.wazodeb.provd.ProvdBuildException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb provd build TREE -o CHANNEL [NAME...]}. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
                "Builds a provd plugins tree into a channel folder: one reproducible .tar.bz2 per plugin and "
                        + "the channel's plugins.db.",
                "",
                "Builds every target of the tree, or only the families, family/target pairs or plugin ids "
                        + "named. Copy-only targets are built in-process as their rsync rules say; others run "
                        + "their build.py with python3.",
                "",
                "Entry times come from SOURCE_DATE_EPOCH, else a fixed default. Prints each archive written."})
final class ProvdBuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TREE", description = "The plugins tree (the folder of the families, or the repository).")
    private Path tree;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Families, family/target pairs or plugin ids to build (default: all).")
    private List<String> names = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "CHANNEL", required = true,
            description = "The channel folder to write (created if missing).")
    private Path channel;

    @Option(names = {"-q", "--quiet"}, description = "Only the archives' paths and errors.")
    private boolean quiet;

    @Override
    public Integer call() throws InvalidPluginException, ProvdBuildException {
        PrintWriter err = spec.commandLine().getErr();
        List<ChannelBuild.Published> published = new ChannelBuild(tree, channel, names,
                ChannelBuild.timestampFromEnvironment(), new StderrProgress(err, quiet)).run();
        PrintWriter out = spec.commandLine().getOut();
        for (ChannelBuild.Published plugin : published) {
            out.println(plugin.archive());
            if (!quiet) {
                err.println("wazo-deb: built " + plugin.pluginId() + " " + plugin.version() + " (" + plugin.size()
                        + " bytes, sha1 " + plugin.sha1sum() + ")");
            }
        }
        out.flush();
        err.flush();
        return ProvdCommand.DONE;
    }
}
