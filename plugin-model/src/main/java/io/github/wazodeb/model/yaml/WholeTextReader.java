package io.github.wazodeb.model.yaml;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * snakeyaml's reader over a text already in memory, read once into code points. Written by hand because
 * snakeyaml's own {@link StreamReader} refills a 1,024-character window and copies everything from the
 * start of the token being scanned at each refill: one long scalar costs the square of its length (a
 * 400 KB string took ~0.5 s of CPU and ~300 MB of copies here), which alone kept an 850 KB alias bomb from
 * being refused in well under a second. Every public method of the parent is overridden, with its
 * behaviour: lines end at {@code \n}, at a {@code \r} not followed by {@code \n}, and at U+0085, U+2028 and
 * U+2029; a byte order mark takes no column; past the end, {@code peek} reads {@code \0}; a character YAML
 * does not allow is a {@link ReaderException} at its code point index. Internal to plugin-model.
 */
final class WholeTextReader extends StreamReader {

    private static final String NAME = "'reader'";

    private final int[] codePoints;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String text) {
        super(new StringReader("")); // the parent's window is never used: every public method is overridden
        this.codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (!isPrintable(codePoints[i])) {
                throw new ReaderException(NAME, i, codePoints[i], "special characters are not allowed");
            }
        }
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            index++;
            documentIndex++;
            boolean lineBreak = c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
                    || (c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n');
            if (lineBreak) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        return pointer + offset < codePoints.length ? codePoints[pointer + offset] : '\0';
    }

    @Override
    public String prefix(int length) {
        return new String(codePoints, pointer, Math.max(0, Math.min(length, codePoints.length - pointer)));
    }

    /** As the parent's: only called on text without line breaks, so only the column moves. */
    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
