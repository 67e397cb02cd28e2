package io.github.wazodeb.provd.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code plugin-info} file and checks what wazo-provd and its plugin server need of it: a JSON object
 * with a {@code version} string, a {@code description} string and a {@code capabilities} object (the keys the
 * reference build script refuses to index without).
 */
public final class PluginInfoReader {

    /** What a read gives: the plugin-info when it is usable, and every problem found. */
    public record Result(Optional<PluginInfo> info, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PluginInfoReader() {
    }

    /** @param file the file as messages name it (relative to the tree) */
    public static Result read(byte[] json, String file) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return invalid(file, 1, "", "must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                lines.put(key, parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                fields.put(key, MAPPER.readValue(parser, Object.class));
            }
            if (parser.nextToken() != null) {
                return invalid(file, parser.currentTokenLocation().getLineNr(), "", "holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            return invalid(file, lineOfMistake(json, e.getLocation()), "", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return invalid(file, 0, "", "cannot be read: " + e.getMessage());
        }
        List<Problem> problems = new ArrayList<>();
        requireString(fields, lines, file, "version", problems);
        requireString(fields, lines, file, "description", problems);
        if (!(fields.get("capabilities") instanceof Map)) {
            problems.add(error(file, lines.getOrDefault("capabilities", 0), "capabilities",
                    fields.containsKey("capabilities") ? "must be an object keyed \"Vendor, Model, version\""
                            : "is missing: wazo-provd lists a plugin by its capabilities"));
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new PluginInfo(PluginVersion.of((String) fields.get("version")), fields, lines)),
                List.of());
    }

    /**
     * The line a person must change. A parser notices a missing comma, or a comma before a closing bracket, only
     * at the next token, which is often on the next line: then the mistake is on the line of the token before
     * (or of the stray comma).
     */
    private static int lineOfMistake(byte[] json, JsonLocation where) {
        int reported = where == null ? 0 : where.getLineNr();
        long lastEnd = -1;
        try (JsonParser parser = MAPPER.createParser(json)) {
            while (parser.nextToken() != null) {
                parser.finishToken(); // a string's end is read only on demand
                lastEnd = parser.currentLocation().getByteOffset();
            }
        } catch (IOException e) {
            // Expected: the scan stops where the read stopped, after the last good token.
        }
        if (lastEnd <= 0 || lastEnd > json.length) {
            return reported;
        }
        int next = skipSpace(json, (int) lastEnd);
        int comma = -1;
        if (next < json.length && json[next] == ',') {
            comma = next;
            next = skipSpace(json, next + 1);
        }
        if (next >= json.length) {
            return reported;
        }
        if (comma >= 0) {
            // A comma before a closing bracket is the mistake; anything else after a comma is wrong where it is.
            return lineAt(json, json[next] == '}' || json[next] == ']' ? comma : next);
        }
        boolean separator = json[next] == ':' || json[next] == '}' || json[next] == ']';
        return lineAt(json, separator ? next : (int) lastEnd - 1);
    }

    private static int skipSpace(byte[] json, int from) {
        int i = from;
        while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\r' || json[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static int lineAt(byte[] json, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < json.length; i++) {
            if (json[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void requireString(Map<String, Object> fields, Map<String, Integer> lines, String file, String key,
            List<Problem> problems) {
        Object value = fields.get(key);
        if (value == null) {
            problems.add(error(file, lines.getOrDefault(key, 0), key,
                    fields.containsKey(key) ? "must be a string, not null" : "is missing"));
        } else if (!(value instanceof String text) || text.isBlank()) {
            problems.add(error(file, lines.getOrDefault(key, 0), key, "must be a non-empty string"));
        }
    }

    private static Result invalid(String file, int line, String key, String rule) {
        return new Result(Optional.empty(), List.of(error(file, line, key, rule)));
    }

    static Problem error(String file, int line, String key, String rule) {
        return new Problem(Severity.ERROR, file, line, 0, key, null, rule);
    }
}
