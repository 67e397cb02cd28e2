package io.github.wazodeb.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/** WholeTextReader gives snakeyaml's parser the same events, at the same places, as snakeyaml's own reader. */
class WholeTextReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "name: hello\nnamespace: acme\nversion: \"1.0\"\n",
        "a: 1\r\nb: [x, y]\r\n",
        "a: 1\rb: 2\r",
        "a: one\u0085b: two\u2028c: three\u2029d: four\n",
        "\uFEFFa: b\n",
        "emoji: \ud83d\ude00\ud83d\ude00 x\nnext: \u00e9t\u00e9\n",
        "text: |\n  line one\n    indented\n  last\nfolded: >-\n  a\n  b\n\nx: 'it''s'\n",
        "d: \"esc \\t \\u00e9 \\x41 \\\n  continued\"\n# comment\nlist:\n- &a one\n- *a\n- {k: v, ? complex : 1}\n",
        "key: value\n\ttab: bad\n",
        "a: [1, 2\nb: c\n",
        "a: b\r",
        "long: \"",
        ""})
    void eventsAndMarksAreTheSameAsSnakeyamlsReader(String text) {
        assertThat(events(text, WholeTextReader::new)).isEqualTo(events(text, t -> new StreamReader(new StringReader(t))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: b\u0000c\n", "x: \u0007\n", "ok: 1\nbad: \ud800\n"})
    void aCharacterYamlDoesNotAllowIsRefusedAtItsIndex(String text) {
        assertThat(readerProblem(text, WholeTextReader::new))
                .isEqualTo(readerProblem(text, t -> new StreamReader(new StringReader(t))));
    }

    /** Each event as its type, value and marks, then the syntax error if any, with its mark. */
    private static List<String> events(String text, Function<String, StreamReader> reader) {
        List<String> seen = new ArrayList<>();
        try {
            ParserImpl parser = new ParserImpl(reader.apply(text), new LoaderOptions());
            while (true) {
                Event event = parser.getEvent();
                String value = event instanceof ScalarEvent scalar ? scalar.getValue() : "";
                seen.add(event.getEventId() + " " + value + " " + mark(event.getStartMark()) + " " + mark(event.getEndMark()));
                if (event.getEventId() == Event.ID.StreamEnd) {
                    return seen;
                }
            }
        } catch (MarkedYAMLException e) {
            seen.add(e.getProblem() + " " + mark(e.getProblemMark()) + " " + e.getContext() + " " + mark(e.getContextMark()));
            return seen;
        }
    }

    private static String readerProblem(String text, Function<String, StreamReader> reader) {
        try {
            ParserImpl parser = new ParserImpl(reader.apply(text), new LoaderOptions());
            while (parser.getEvent().getEventId() != Event.ID.StreamEnd) {
                // read to the end
            }
            return "no problem";
        } catch (ReaderException e) {
            return e.getPosition() + " " + Integer.toHexString(e.getCodePoint());
        }
    }

    private static String mark(Mark mark) {
        return mark == null ? "-" : mark.getLine() + ":" + mark.getColumn() + "@" + mark.getIndex();
    }
}
