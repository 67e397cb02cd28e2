package io.github.wazodeb.cli.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.VersionCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb provd check TREE --against CHANNEL_OR_GIT_REF}. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
                "Checks a provd plugins tree against an earlier state: every plugin whose built content "
                        + "changed must have a higher version.",
                "",
                "Builds the tree in memory and compares each plugin with the earlier state; versions are "
                        + "compared part by part as numbers. Also checks each plugin-info and pkgs/pkgs.db. One "
                        + "line per problem on standard error; exits 2 when there is one."})
final class ProvdCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TREE", description = "The plugins tree.")
    private Path tree;

    @Option(names = "--against", paramLabel = "CHANNEL_OR_GIT_REF", required = true,
            description = "A channel folder (with its plugins.db), or a git ref of the tree's repository (main, v1.2, HEAD~3).")
    private String against;

    @Option(names = {"-q", "--quiet"}, description = "Only problems and the result.")
    private boolean quiet;

    @Override
    public Integer call() throws InvalidPluginException, ProvdBuildException {
        PrintWriter err = spec.commandLine().getErr();
        VersionCheck.Report report = new VersionCheck(tree, against, new StderrProgress(err, quiet)).run();
        for (Problem problem : report.problems()) {
            err.println(problem.format());
        }
        err.println("wazo-deb: " + report.plugins() + " plugins checked against " + against + ", " + report.changed()
                + " changed: " + (report.passed() ? "every change carries a higher version"
                        : report.problems().size() + (report.problems().size() == 1 ? " problem" : " problems")));
        err.flush();
        return report.passed() ? ProvdCommand.DONE : ProvdCommand.INVALID_INPUT;
    }
}
