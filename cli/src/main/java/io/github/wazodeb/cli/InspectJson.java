package io.github.wazodeb.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.wazodeb.deb.inspect.DebContents;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wazo-deb inspect --json}: one JSON object with the names SPEC section 5 fixes ({@code fields},
 * {@code files}, {@code scripts}, {@code md5sums}, {@code conffiles}).
 */
final class InspectJson {

    /**
     * Every character past ASCII written as a {@code \\u} escape: the output then means the same whatever
     * encoding the JVM gives standard output (a {@code C} locale writes {@code é} as {@code ?}).
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private InspectJson() {
    }

    static void write(DebContents contents, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            writeStrings(json, "fields", contents.controlFields());
            json.writeArrayFieldStart("files");
            for (DebContents.DataEntry entry : contents.dataEntries()) {
                writeFile(json, entry);
            }
            json.writeEndArray();
            writeStrings(json, "scripts", contents.scripts());
            writeStrings(json, "md5sums", contents.md5sums());
            json.writeArrayFieldStart("conffiles");
            for (String conffile : contents.conffiles()) {
                json.writeString(conffile);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeFile(JsonGenerator json, DebContents.DataEntry entry) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", entry.name());
        json.writeStringField("type", typeName(entry.type()));
        // Octal text, as chmod takes it: the number 2541 would mean nothing to a reader.
        json.writeStringField("mode", String.format(Locale.ROOT, "%04o", entry.mode()));
        json.writeStringField("owner", entry.owner());
        json.writeStringField("group", entry.group());
        json.writeNumberField("size", entry.size());
        if (entry.type() == 'l' || entry.type() == 'h') {
            json.writeStringField("target", entry.linkTarget());
        }
        json.writeEndObject();
    }

    static String typeName(char type) {
        return switch (type) {
            case 'd' -> "directory";
            case '-' -> "file";
            case 'l' -> "symlink";
            case 'h' -> "hardlink";
            case 'c' -> "character-device";
            case 'b' -> "block-device";
            case 'p' -> "fifo";
            default -> "other";
        };
    }

    private static void writeStrings(JsonGenerator json, String name, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            json.writeStringField(value.getKey(), value.getValue());
        }
        json.writeEndObject();
    }
}
