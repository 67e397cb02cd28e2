package io.github.wazodeb.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.model.IniDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code provd firmware}: compares the {@code size} and {@code sha1sum} of a {@code pkgs.db}'s
 * {@code [file_*]} sections with local copies of the firmware files, matched by file name (the section's
 * {@code filename}, else the last part of its {@code url}); with update, writes the right values in place,
 * the rest of the file untouched.
 */
public final class FirmwareSums {

    /** A value that differs from the local file's: {@code section.key} on {@code line}, written and actual. */
    public record Difference(String section, String key, int line, String written, String actual, Path file) {
    }

    private final Path pkgsDb;
    private final List<Path> files;

    public FirmwareSums(Path pkgsDb, List<Path> files) {
        this.pkgsDb = pkgsDb;
        this.files = List.copyOf(files);
    }

    /** The values that differ; none when the file is right. */
    public List<Difference> verify() throws InvalidPluginException, ProvdBuildException {
        return differences(read());
    }

    /** Writes the right values into the file (only when some differ); returns what changed. */
    public List<Difference> update() throws InvalidPluginException, ProvdBuildException {
        IniDocument document = read();
        List<Difference> differences = differences(document);
        for (Difference difference : differences) {
            document = document.with(difference.section(), difference.key(), difference.actual());
        }
        if (!differences.isEmpty()) {
            Channel.writeAtomically(pkgsDb, document.text().getBytes(StandardCharsets.UTF_8));
        }
        return differences;
    }

    private IniDocument read() throws InvalidPluginException, ProvdBuildException {
        try {
            return IniDocument.parse(Files.readString(pkgsDb, StandardCharsets.UTF_8));
        } catch (IniDocument.SyntaxException e) {
            throw new InvalidPluginException(List.of(new Problem(Severity.ERROR, pkgsDb.toString(), e.line(), 0, "", null,
                    e.getMessage())));
        } catch (IOException e) {
            throw new InvalidPluginException(List.of(new Problem(Severity.ERROR, pkgsDb.toString(), 0, 0, "", null,
                    "cannot be read: " + e.getMessage())));
        }
    }

    private List<Difference> differences(IniDocument document) throws InvalidPluginException, ProvdBuildException {
        List<Difference> differences = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(Severity.ERROR, file.toString(), 0, 0, "", null, "is not a file"));
                continue;
            }
            String name = file.getFileName().toString();
            List<IniDocument.Section> sections = document.sections().stream()
                    .filter(section -> section.name().startsWith("file_") && name.equals(fileName(section))).toList();
            if (sections.isEmpty()) {
                problems.add(new Problem(Severity.ERROR, pkgsDb.toString(), 0, 0, "", name,
                        "is the name of no [file_*] section (its filename, or the last part of its url)"));
                continue;
            }
            String size = String.valueOf(Channel.size(file));
            String sha1 = Channel.sha1(file);
            for (IniDocument.Section section : sections) {
                compare(section, "size", size, file, differences);
                compare(section, "sha1sum", sha1, file, differences);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(problems);
        }
        return differences;
    }

    private static void compare(IniDocument.Section section, String key, String actual, Path file,
            List<Difference> differences) {
        IniDocument.Option option = section.option(key).orElse(null);
        if (option == null || !option.value().equalsIgnoreCase(actual)) {
            differences.add(new Difference(section.name(), key, option == null ? section.line() : option.line(),
                    option == null ? null : option.value(), actual, file));
        }
    }

    /** The section's {@code filename}, else the last part of its URL's path, as the firmware installer names it. */
    static String fileName(IniDocument.Section section) {
        return section.option("filename").map(IniDocument.Option::value).orElseGet(() -> {
            String url = section.option("url").map(IniDocument.Option::value).orElse("");
            String path;
            try {
                path = URI.create(url).getPath();
            } catch (IllegalArgumentException e) {
                path = url;
            }
            path = path == null ? url : path;
            return path.substring(path.lastIndexOf('/') + 1);
        });
    }
}
