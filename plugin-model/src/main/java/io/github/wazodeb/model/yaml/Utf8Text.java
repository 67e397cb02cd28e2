package io.github.wazodeb.model.yaml;

import io.github.wazodeb.model.report.ProblemList;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decodes a file's bytes as strict UTF-8, reporting where it is not. Internal to plugin-model. */
public final class Utf8Text {

    private static final char BOM = '\uFEFF';

    private Utf8Text() {
    }

    /** The text without a leading byte order mark, or empty after reporting the first invalid byte. */
    public static Optional<String> decode(byte[] bytes, ProblemList problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            problems.error(positionOf(out.flip()), "", null, String.format(
                    "is not valid UTF-8 (byte 0x%02x at offset %d): save the file as UTF-8", bytes[offset] & 0xff, offset));
            return Optional.empty();
        }
        return Optional.of(withoutBom(out.flip().toString()));
    }

    /** A byte order mark is allowed at the start, and not part of the YAML text. */
    public static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The position just after the text decoded so far, where the bad byte is. */
    private static Position positionOf(CharSequence decoded) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                column = 1;
            } else if (i > 0 || decoded.charAt(i) != BOM) {
                column++;
            }
        }
        return new Position(line, column);
    }
}
