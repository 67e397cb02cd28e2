package io.github.wazodeb.provd.firmware;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.model.IniDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every {@code [file_*]} section of a tree's {@code pkgs/pkgs.db} files, with where it is. */
public final class FirmwareFiles {

    /**
     * One section.
     *
     * @param pkgsDb the file, as found under the tree
     * @param name the file as messages name it (relative to the tree)
     */
    public record Section(Path pkgsDb, String name, IniDocument.Section section) {

        public String url() {
            return section.option("url").map(IniDocument.Option::value).orElse("");
        }

        public String value(String key) {
            return section.option(key).map(IniDocument.Option::value).orElse(null);
        }

        public int line(String key) {
            return section.option(key).map(IniDocument.Option::line).orElse(section.line());
        }
    }

    private FirmwareFiles() {
    }

    /** The sections of every {@code pkgs/pkgs.db} under {@code tree}, in path order; dot folders left out. */
    public static List<Section> of(Path tree) throws InvalidPluginException, ProvdBuildException {
        List<Section> sections = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : pkgsDbs(tree)) {
            String name = tree.relativize(file).toString();
            try {
                IniDocument document = IniDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
                for (IniDocument.Section section : document.sections()) {
                    if (section.name().startsWith("file_")) {
                        sections.add(new Section(file, name, section));
                    }
                }
            } catch (IniDocument.SyntaxException e) {
                problems.add(new Problem(Severity.ERROR, name, e.line(), 0, "", null, e.getMessage()));
            } catch (IOException e) {
                throw new ProvdBuildException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(problems);
        }
        return sections;
    }

    private static List<Path> pkgsDbs(Path tree) throws ProvdBuildException {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(file -> file.getFileName().toString().equals("pkgs.db")
                            && file.getParent().getFileName().toString().equals("pkgs") && Files.isRegularFile(file))
                    .filter(file -> !tree.relativize(file).toString().startsWith(".")
                            && !tree.relativize(file).toString().contains("/."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ProvdBuildException("cannot list " + tree + ": " + e.getMessage(), e);
        }
    }
}
