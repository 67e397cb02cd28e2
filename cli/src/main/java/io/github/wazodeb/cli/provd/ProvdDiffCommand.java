package io.github.wazodeb.cli.provd;

import io.github.wazodeb.provd.ChannelDiff;
import io.github.wazodeb.provd.ProvdBuildException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb provd diff [--exit-code] CHANNEL CHANNEL}. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
                "Says what differs between two channel folders, one line per plugin on standard output.",
                "",
                "Each line starts with a mark: + added, - removed, ~ version changed, ! content changed "
                        + "without a version change, = same content in different archive bytes.",
                "",
                "Exits 1 when a plugin's content changed without a version change (a CI gate), and with "
                        + "--exit-code on any difference, as git diff --exit-code does; else 0."})
final class ProvdDiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "The earlier channel.")
    private Path first;

    @Parameters(index = "1", paramLabel = "CHANNEL", description = "The later channel.")
    private Path second;

    @Option(names = "--exit-code", description = "Exit 1 when the channels differ at all, 0 when they do not.")
    private boolean exitCode;

    @Override
    public Integer call() throws ProvdBuildException {
        List<ChannelDiff.Difference> differences = ChannelDiff.between(first, second);
        PrintWriter out = spec.commandLine().getOut();
        differences.forEach(difference -> out.println(difference.description()));
        out.flush();
        boolean unbumped = differences.stream()
                .anyMatch(difference -> difference.kind() == ChannelDiff.Kind.CONTENT_CHANGED_SAME_VERSION);
        return unbumped || (exitCode && !differences.isEmpty()) ? ProvdCommand.DIFFERENT : ProvdCommand.DONE;
    }
}
