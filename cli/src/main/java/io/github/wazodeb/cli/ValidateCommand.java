package io.github.wazodeb.cli;

import io.github.wazodeb.model.PluginDescriptor;
import io.github.wazodeb.model.PluginReader;
import io.github.wazodeb.model.PluginReport;
import io.github.wazodeb.model.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wazo-deb validate [DIR]}: checks the plugin exactly as {@code package} would, runs nothing. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Checks wazo/plugin.yml and wazo/rules as the packager will, without running anything.",
                "",
                "Prints one line per problem on standard error; exits 2 when there is an error."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The plugin directory (default: ${DEFAULT-VALUE}).")
    private Path pluginDirectory;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PluginReport report = PluginReader.readDirectory(pluginDirectory);
        for (Problem problem : report.problems()) {
            err.println(problem.format());
        }
        if (report.descriptor().isEmpty()) {
            int errors = report.errors().size();
            err.println("wazo-deb: " + pluginDirectory + ": " + (errors == 1 ? "1 error" : errors + " errors"));
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        PluginDescriptor plugin = report.descriptor().get();
        err.println("wazo-deb: " + pluginDirectory + ": valid: " + plugin.namespace() + "/" + plugin.name() + " "
                + plugin.version() + " packages as " + plugin.debianPackageName()
                + (report.warnings().isEmpty() ? "" : " (" + report.warnings().size() + " warning"
                        + (report.warnings().size() == 1 ? ")" : "s)")));
        err.flush();
        return ExitCodes.DONE;
    }
}
