package io.github.wazodeb.deb.inspect;

/**
 * Text read from a file someone else made (a package's member names, its control fields), made safe to put
 * in a one-line message: a terminal shows it as it is, whatever bytes the file held.
 */
public final class PrintableText {

    private static final int MAX_CODE_POINTS = 200;

    private PrintableText() {
    }

    /** {@code text} with anything but printable ASCII shown as {@code ?}, cut at 200 characters. */
    public static String of(String text) {
        StringBuilder clean = new StringBuilder();
        text.codePoints().limit(MAX_CODE_POINTS).forEach(c -> clean.append(c >= ' ' && c <= '~' ? (char) c : '?'));
        return clean.toString();
    }
}
