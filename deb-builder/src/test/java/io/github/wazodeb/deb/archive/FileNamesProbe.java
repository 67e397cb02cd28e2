package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link FileNamesTest} in a JVM of its own, started without a locale: it prints, in ASCII (the only
 * output such a JVM writes faithfully), what {@link FileNames} makes of the names in the folder it is given.
 */
public final class FileNamesProbe {

    private FileNamesProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        System.out.println("sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding"));
        List<String> lines = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            for (Path file : listing) {
                try {
                    lines.add("name " + escaped(FileNames.utf8Name(file)));
                } catch (FileNames.InvalidNameException e) {
                    lines.add("not UTF-8 " + escaped(e.shown()));
                }
                if (Files.isSymbolicLink(file)) {
                    try {
                        lines.add("target " + escaped(FileNames.utf8Target(Files.readSymbolicLink(file))));
                    } catch (FileNames.InvalidNameException e) {
                        lines.add("target not UTF-8 " + escaped(e.shown()));
                    }
                }
            }
        }
        lines.stream().sorted().forEach(System.out::println);
        // The names the test wrote, given as UTF-8 text: do they open the files?
        System.out.println("resolve caf\\u00e9.txt exists="
                + Files.isRegularFile(FileNames.resolve(dir, "caf\u00e9.txt")));
        System.out.println("resolve sub/\\u65e5\\u672c.txt exists="
                + Files.isRegularFile(FileNames.resolve(dir, "sub/\u65e5\u672c.txt")));
    }

    /** Non-ASCII characters as {@code \\uXXXX}, so that the output is ASCII whatever the JVM's encoding. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}
