package io.github.wazodeb.cli.provd;

import io.github.wazodeb.provd.ChannelDiff;
import io.github.wazodeb.provd.ProvdBuildException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb provd diff CHANNEL CHANNEL}. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
                "Says what differs between two channel folders, one line per plugin on standard output.",
                "",
                "Each line starts with a mark: + added, - removed, ~ version changed, ! content changed "
                        + "without a version change, = same content in different archive bytes."})
final class ProvdDiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "The earlier channel.")
    private Path first;

    @Parameters(index = "1", paramLabel = "CHANNEL", description = "The later channel.")
    private Path second;

    @Override
    public Integer call() throws ProvdBuildException {
        List<ChannelDiff.Difference> differences = ChannelDiff.between(first, second);
        PrintWriter out = spec.commandLine().getOut();
        differences.forEach(difference -> out.println(difference.description()));
        out.flush();
        return ProvdCommand.DONE;
    }
}
