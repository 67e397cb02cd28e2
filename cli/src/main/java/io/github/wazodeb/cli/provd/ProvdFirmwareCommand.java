package io.github.wazodeb.cli.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.FirmwareSums;
import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.firmware.FirmwareDownload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wazo-deb provd firmware PKGS_DB FILE... [--update]} and
 * {@code wazo-deb provd firmware TREE --download [--cache DIR] [--update]}.
 */
@Command(
        name = "firmware",
        mixinStandardHelpOptions = true,
        description = {
                "Compares the size and sha1sum of the pkgs.db [file_*] sections with local firmware files.",
                "",
                "Files are matched by name (the section's filename, else its url's last part). Exits 2 when "
                        + "one differs; with --update, writes the right values in place instead, keeping the "
                        + "rest of the file as written.",
                "",
                "With --download, fetches the file of every [file_*] url of the tree's pkgs.db files "
                        + "(redirects followed, several at once, a progress line each) and compares them: exits 1 "
                        + "naming each mismatch and dead link; with --update, writes the values of what it "
                        + "downloaded (dead links still exit 1)."})
final class ProvdFirmwareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PKGS_DB|TREE",
            description = "The plugin's pkgs/pkgs.db; with --download, the plugins tree.")
    private Path pkgsDb;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "Local copies of the firmware files.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--update", description = "Write the files' size and sha1sum into the pkgs.db files.")
    private boolean update;

    @Option(names = "--download", description = "Fetch every [file_*] url of the tree and compare with what it serves.")
    private boolean download;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "With --download: keep the files in DIR (DIR/<host>/<path>) and reuse those already there.")
    private Path cache;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --download: the time allowed to connect, and to fetch each file (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws InvalidPluginException, ProvdBuildException {
        if (download) {
            if (!files.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--download fetches the files itself: give the tree only");
            }
            return download();
        }
        if (files.isEmpty() || cache != null) {
            throw new ParameterException(spec.commandLine(), cache != null ? "--cache goes with --download"
                    : "Missing the firmware FILEs to compare with (or --download)");
        }
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

    private int download() throws InvalidPluginException, ProvdBuildException {
        PrintWriter err = spec.commandLine().getErr();
        FirmwareDownload.Report report = new FirmwareDownload(pkgsDb, Optional.ofNullable(cache),
                Duration.ofSeconds(timeoutSeconds), new StderrProgress(err, false)).run(update);
        report.mismatches().forEach(mismatch -> err.println(mismatch.describe()
                + (update ? " (updated)" : "")));
        report.deadLinks().forEach(dead -> err.println(dead.describe()));
        err.println("wazo-deb: " + report.files() + " firmware files: " + report.verified() + " verified against their"
                + " download, " + report.withoutUrl() + " without a url (checked by form only), "
                + report.deadLinks().size() + " dead links, " + report.mismatches().size()
                + (update ? " values updated" : " values differ"));
        err.flush();
        return report.deadLinks().isEmpty() && (update || report.mismatches().isEmpty()) ? ProvdCommand.DONE
                : ProvdCommand.DIFFERENT;
    }
}
