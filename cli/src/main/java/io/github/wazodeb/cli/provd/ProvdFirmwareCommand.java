package io.github.wazodeb.cli.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.FirmwareSums;
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

/** {@code wazo-deb provd firmware PKGS_DB FILE... [--update]}. */
@Command(
        name = "firmware",
        mixinStandardHelpOptions = true,
        description = {
                "Compares the size and sha1sum of the pkgs.db [file_*] sections with local firmware files.",
                "",
                "Files are matched by name (the section's filename, else its url's last part). Exits 2 when "
                        + "one differs; with --update, writes the right values in place instead, keeping the "
                        + "rest of the file as written."})
final class ProvdFirmwareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PKGS_DB", description = "The plugin's pkgs/pkgs.db.")
    private Path pkgsDb;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Local copies of the firmware files.")
    private List<Path> files;

    @Option(names = "--update", description = "Write the files' size and sha1sum into PKGS_DB.")
    private boolean update;

    @Override
    public Integer call() throws InvalidPluginException, ProvdBuildException {
        FirmwareSums sums = new FirmwareSums(pkgsDb, files);
        List<FirmwareSums.Difference> differences = update ? sums.update() : sums.verify();
        PrintWriter err = spec.commandLine().getErr();
        for (FirmwareSums.Difference difference : differences) {
            String where = pkgsDb + ":" + difference.line() + ": " + difference.section() + "." + difference.key() + " ";
            if (update) {
                err.println(where + (difference.written() == null ? "added" : "\"" + difference.written() + "\" ->")
                        + " " + difference.actual() + " (" + difference.file().getFileName() + ")");
            } else {
                err.println(where + (difference.written() == null ? "is missing" : "\"" + difference.written() + "\"")
                        + ": " + difference.file().getFileName() + " has " + difference.actual());
            }
        }
        err.println("wazo-deb: " + pkgsDb + ": " + (differences.isEmpty() ? "every size and sha1sum matches"
                : differences.size() + (update ? " values updated" : " values differ (--update writes them)")));
        err.flush();
        return differences.isEmpty() || update ? ProvdCommand.DONE : ProvdCommand.INVALID_INPUT;
    }
}
