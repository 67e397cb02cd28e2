package io.github.wazodeb.cli;

import io.github.wazodeb.cli.provd.ProvdCommand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wazo-deb}: the entry point; the work is in the subcommands. */
@Command(
        name = "wazo-deb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns a Wazo Platform plugin into a Debian package, as wazo-plugind would build it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:the build failed (a rules step, I/O)",
                "2:invalid input or usage",
                "130:cancelled by SIGINT (Ctrl-C); nothing was written or left behind",
                "143:cancelled by SIGTERM; nothing was written or left behind"})
public final class WazoDebCommand implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("package", PackageCommand::new);
        SUBCOMMANDS.put("validate", ValidateCommand::new);
        SUBCOMMANDS.put("inspect", InspectCommand::new);
        SUBCOMMANDS.put("new", NewCommand::new);
        SUBCOMMANDS.put("repo", RepoCommand::new);
        SUBCOMMANDS.put("publish", PublishCommand::new);
        SUBCOMMANDS.put("promote", PromoteCommand::new);
        SUBCOMMANDS.put("provd", ProvdCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * picocli's documented setting for the built-in converters it must not register. It registers one for
     * every java.sql and java.time type by reflection as it starts, loading and initialising those classes
     * (10-15 ms of every run, measured under load); the options of wazo-deb that take a java.time type
     * have converters of their own, and none takes a java.sql type.
     */
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    public static void main(String[] args) {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new WazoDebCommand());
        addSubcommands(commandLine, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(WazoDebCommand::usageError);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            return FailureHandler.outOfMemory(err); // picocli passes Errors through its handlers
        }
    }

    /**
     * Adds only the subcommand the arguments name, none for {@code --version}, all of them otherwise (the
     * help, a usage error, {@code help}): picocli reads every option of every subcommand it is given by
     * reflection, a tenth of a second of a small plugin's package run before wazo-deb's own work starts.
     */
    private static void addSubcommands(CommandLine commandLine, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return;
        }
        Supplier<Object> named = args.length == 0 || args[0].equals("help") ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            commandLine.addSubcommand(named.get());
            return;
        }
        SUBCOMMANDS.values().forEach(subcommand -> commandLine.addSubcommand(subcommand.get()));
    }

    /** The command with every subcommand, as its help lists them: what the manual pages describe. */
    static CommandLine allCommands() {
        CommandLine commandLine = new CommandLine(new WazoDebCommand());
        SUBCOMMANDS.values().forEach(subcommand -> commandLine.addSubcommand(subcommand.get()));
        return commandLine;
    }

    /** A usage mistake: the message and where to look, not the whole help text. */
    private static int usageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("wazo-deb: " + problem.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(problem, err)) {
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        }
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    @Override
    public void run() {
        // `wazo-deb` alone: show what it can do, and say it was a usage error.
        List<String> commands = SUBCOMMANDS.keySet().stream().filter(name -> !name.equals("help")).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: "
                + String.join(", ", commands.subList(0, commands.size() - 1)) + " or " + commands.get(commands.size() - 1));
    }
}
