package io.github.wazodeb.deb.shapes;

import io.github.wazodeb.deb.testing.DpkgDeb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dpkg-deb --contents}, parsed into entries with tar's quoting undone, so that tests can compare
 * names, modes, owners and link targets with what the package step staged.
 */
final class ContentsListing {

    /** {@code mode owner/group size date time name}, as {@code tar -tv} prints each entry. */
    private static final Pattern CONTENTS_LINE =
            Pattern.compile("(\\S{10}) (\\S+)/(\\S+) +(\\d+) \\S+ \\S+ (.*)");

    private ContentsListing() {
    }

    /**
     * One line of {@code dpkg-deb --contents}.
     *
     * @param mode as {@code ls -l} shows it, e.g. {@code lrwxrwxrwx}
     * @param path without the leading {@code ./} nor a directory's trailing {@code /}
     * @param linkTarget a symbolic link's target, else null
     */
    record Entry(String mode, String owner, String group, long size, String path, String linkTarget) {

        boolean isDirectory() {
            return mode.startsWith("d");
        }

        boolean isSymlink() {
            return mode.startsWith("l");
        }
    }

    /** {@code dpkg-deb --contents DEB}, parsed. */
    static List<Entry> of(Path deb) {
        String listing = DpkgDeb.contents(deb);
        List<Entry> entries = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = CONTENTS_LINE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalStateException("unexpected dpkg-deb --contents line: " + line);
            }
            String mode = matcher.group(1);
            String name = matcher.group(5);
            String target = null;
            if (mode.startsWith("l")) {
                int arrow = name.indexOf(" -> ");
                target = unescape(name.substring(arrow + 4));
                name = name.substring(0, arrow);
            }
            entries.add(new Entry(mode, matcher.group(2), matcher.group(3), Long.parseLong(matcher.group(4)),
                    trim(unescape(name)), target));
        }
        return entries;
    }

    private static String trim(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Undoes tar's quoting: in the C locale dpkg-deb's tar prints each byte of a non-ASCII name as a
     * backslash and three octal digits, and a backslash as two.
     */
    static String unescape(String quoted) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] in = quoted.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\\' && isOctal(in, i + 1, 3)) {
                bytes.write(Integer.parseInt(new String(in, i + 1, 3, StandardCharsets.US_ASCII), 8));
                i += 3;
            } else if (in[i] == '\\' && i + 1 < in.length && in[i + 1] == '\\') {
                bytes.write('\\');
                i += 1;
            } else {
                bytes.write(in[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte[] in, int from, int count) {
        if (from + count > in.length) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (in[i] < '0' || in[i] > '7') {
                return false;
            }
        }
        return true;
    }
}
