package io.github.wazodeb.cli.provd;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wazo-deb provd}: the phone-provisioning plugins of wazo-provd; the work is in the subcommands. */
@Command(
        name = "provd",
        mixinStandardHelpOptions = true,
        description = "Builds, checks and publishes wazo-provd provisioning plugins (a provd plugins tree).",
        subcommands = {ProvdBuildCommand.class, ProvdCheckCommand.class, ProvdFirmwareCommand.class,
                ProvdPromoteCommand.class, ProvdDiffCommand.class})
public final class ProvdCommand implements Runnable {

    /** The exit codes of SPEC section 5, as the other commands use them. */
    static final int DONE = 0;
    /** {@code diff}'s "the channels differ", as {@code git diff --exit-code} says it. */
    static final int DIFFERENT = 1;
    static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a provd command: build, check, firmware, promote or diff");
    }
}
