package io.github.wazodeb.deb.archive;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File names as the bytes they are on disk, whatever the JVM's locale.
 *
 * <p>With {@code LANG} unset or {@code C}, the JVM decodes file names as ASCII: {@code café.txt} reads as
 * {@code caf??.txt}, and that string opens no file. A {@link Path} obtained from a directory listing still
 * holds the true bytes, and {@link Path#toUri()} percent-encodes exactly those bytes, while
 * {@link Path#of(URI)} decodes them back: no JDK API gives the bytes more directly, and no library does
 * this better, hence this small class.
 */
public final class FileNames {

    private static final boolean UTF8_PLATFORM =
            "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", ""));

    private FileNames() {
    }

    /** The last name of {@code file} (a path from a listing) as UTF-8 text; refused when it is not UTF-8. */
    public static String utf8Name(Path file) throws InvalidNameException {
        Path name = file.getFileName();
        String text = name.toString();
        if (UTF8_PLATFORM && text.indexOf('\uFFFD') < 0) {
            return text;
        }
        byte[] bytes = lastNameBytes(file);
        return decode(bytes);
    }

    /** A symbolic link target, read as its bytes. */
    public static String utf8Target(Path target) throws InvalidNameException {
        String text = target.toString();
        if (UTF8_PLATFORM && text.indexOf('\uFFFD') < 0) {
            return text;
        }
        // toUri resolves a relative path against the working directory first; resolving it against the
        // root instead keeps its bytes at a known place (no normalisation happens on the way).
        boolean absolute = target.isAbsolute();
        Path anchored = absolute ? target : target.getFileSystem().getPath("/").resolve(target);
        byte[] bytes = uriPathBytes(anchored);
        int from = absolute ? 0 : 1;
        int to = bytes.length;
        // toUri appends '/' when the path names an existing directory; a Path itself never ends in '/'.
        if (to - from > 1 && bytes[to - 1] == '/') {
            to--;
        }
        byte[] exact = new byte[to - from];
        System.arraycopy(bytes, from, exact, 0, exact.length);
        return decode(exact);
    }

    /** A path for UTF-8 {@code relative} under {@code base}, right whatever the JVM's locale. */
    public static Path resolve(Path base, String relative) {
        if (UTF8_PLATFORM || relative.chars().allMatch(c -> c < 0x80)) {
            return base.resolve(relative);
        }
        String uri = base.toAbsolutePath().toUri().getRawPath();
        StringBuilder encoded = new StringBuilder(uri.endsWith("/") ? uri : uri + "/");
        for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return Path.of(URI.create("file://" + encoded));
    }

    /**
     * {@code name} with every control character written as an escape ({@code \n}, {@code \t}, {@code \x1b}),
     * so that a file name cannot break a message's line or drive the terminal.
     */
    public static String display(String name) {
        if (name.chars().noneMatch(Character::isISOControl)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : c);
            }
        }
        return out.toString();
    }

    private static byte[] lastNameBytes(Path file) {
        byte[] all = uriPathBytes(file.toAbsolutePath());
        int end = all.length;
        if (end > 1 && all[end - 1] == '/') {
            end--;
        }
        int start = end;
        while (start > 0 && all[start - 1] != '/') {
            start--;
        }
        byte[] name = new byte[end - start];
        System.arraycopy(all, start, name, 0, name.length);
        return name;
    }

    private static byte[] uriPathBytes(Path absolute) {
        String raw = absolute.toUri().getRawPath();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** {@code bytes} as UTF-8 text, strictly: a name that is not UTF-8 is refused, never patched. */
    public static String decode(byte[] bytes) throws InvalidNameException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidNameException(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** A name whose bytes are not UTF-8; {@link #shown()} has U+FFFD where bytes did not decode. */
    public static final class InvalidNameException extends Exception {
        private final String shown;

        InvalidNameException(String shown) {
            super(shown);
            this.shown = shown;
        }

        public String shown() {
            return shown;
        }
    }
}
