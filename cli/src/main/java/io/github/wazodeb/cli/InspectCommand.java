package io.github.wazodeb.cli;

import io.github.wazodeb.deb.archive.FileNames;
import io.github.wazodeb.deb.inspect.DebContents;
import io.github.wazodeb.deb.inspect.DebInspector;
import io.github.wazodeb.deb.inspect.InvalidPackageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wazo-deb inspect FILE.deb [--scripts] [--json]}: shows a package's members, control file and contents,
 * without dpkg; for people by default, for programs with {@code --json}.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Shows a package's members, control fields, maintainer scripts and contents on standard output.")
final class InspectCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.deb", description = "The package to read.")
    private Path deb;

    @Option(names = "--scripts", description = "Also show the text of the maintainer scripts.")
    private boolean scripts;

    @Option(names = "--json", description = "Write one JSON object instead: fields, files, scripts, md5sums, "
            + "conffiles.")
    private boolean json;

    @Override
    public Integer call() throws UsageException, IOException {
        if (Files.isDirectory(deb)) {
            throw new UsageException(deb + ": a folder, not a package: name a .deb file");
        }
        if (!Files.isRegularFile(deb)) {
            throw new UsageException(deb + ": no such file");
        }
        DebContents contents;
        try {
            contents = DebInspector.inspect(deb);
        } catch (InvalidPackageException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            InspectJson.write(contents, out);
            return ExitCodes.DONE;
        }
        out.println(deb.getFileName() + ": " + Files.size(deb) + " bytes");
        out.println("Members:");
        for (DebContents.Member member : contents.members()) {
            out.printf(Locale.ROOT, " %-20s %10d%n", FileNames.display(member.name()), member.size());
        }
        out.println("Control:");
        for (Map.Entry<String, String> field : contents.controlFields().entrySet()) {
            out.println(" " + field.getKey() + ": " + field.getValue().replace("\n", "\n "));
        }
        out.println("Control files:");
        for (Map.Entry<String, byte[]> file : contents.controlFiles().entrySet()) {
            out.printf(Locale.ROOT, " %-20s %10d%n", FileNames.display(file.getKey()), file.getValue().length);
        }
        out.println("Contents:");
        for (DebContents.DataEntry entry : contents.dataEntries()) {
            out.printf(Locale.ROOT, " %c%s %s/%s %12d %s %s%s%n", entry.type() == 'h' ? '-' : entry.type(),
                    permissions(entry.mode()), entry.owner(), entry.group(), entry.size(),
                    TIME.format(entry.modified()), FileNames.display(entry.name()), link(entry));
        }
        if (scripts) {
            printScripts(contents.scripts(), out);
        }
        out.flush();
        return ExitCodes.DONE;
    }

    /** Each script under its name, indented; a control character other than a tab shown as an escape. */
    private static void printScripts(Map<String, String> scripts, PrintWriter out) {
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            out.println("Script " + script.getKey() + ":");
            script.getValue().lines().forEach(line -> out.println(" " + FileNames.display(line.replace("\t", "    "))));
        }
    }

    private static String link(DebContents.DataEntry entry) {
        return switch (entry.type()) {
            case 'l' -> " -> " + FileNames.display(entry.linkTarget());
            case 'h' -> " link to " + FileNames.display(entry.linkTarget());
            default -> "";
        };
    }

    /** {@code rwxr-xr-x}, with s/S and t/T as ls shows them. */
    static String permissions(int mode) {
        char[] text = "rwxrwxrwx".toCharArray();
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << (8 - bit))) == 0) {
                text[bit] = '-';
            }
        }
        special(text, 2, (mode & 04000) != 0, 's');
        special(text, 5, (mode & 02000) != 0, 's');
        special(text, 8, (mode & 01000) != 0, 't');
        return new String(text);
    }

    private static void special(char[] text, int index, boolean set, char letter) {
        if (set) {
            text[index] = text[index] == 'x' ? letter : Character.toUpperCase(letter);
        }
    }
}
