package io.github.wazodeb.deb.inspect;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Why a file cannot be read as a {@code .deb}, in a person's words. The archive libraries' own messages can
 * quote the file's raw bytes ("Invalid header" and what it read) or be missing ("null"), so they are never
 * shown; the inspector's own sentences ("member ...", "control file ...") are, made printable.
 */
final class UnreadablePackage {

    private static final byte[] AR_MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);

    private UnreadablePackage() {
    }

    static String reason(Path deb, IOException failure) throws IOException {
        if (!startsAsAnArArchive(deb)) {
            return notAnArArchive();
        }
        if (failure instanceof EOFException || failure.getMessage() == null) {
            return "truncated or damaged: the file ends inside one of its members (an interrupted copy?)";
        }
        String message = failure.getMessage();
        if (message.startsWith("member ") || message.startsWith("control file ")) {
            return PrintableText.of(message);
        }
        return "damaged: one of its members cannot be read as a tar archive or a compressed stream";
    }

    static String notAnArArchive() {
        return "not a Debian package (a .deb is an ar archive, and this file does not start as one)";
    }

    static boolean startsAsAnArArchive(Path deb) throws IOException {
        try (InputStream in = Files.newInputStream(deb)) {
            return Arrays.equals(in.readNBytes(AR_MAGIC.length), AR_MAGIC);
        }
    }
}
