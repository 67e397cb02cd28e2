package io.github.wazodeb.provd.channel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wazodeb.provd.model.PluginVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A channel's {@code plugins.db}: one JSON object keyed by plugin id, each value the plugin's whole
 * {@code plugin-info} plus {@code filename}, {@code dsize} and {@code sha1sum} of its archive. Written as the
 * reference build writes it ({@code json.dump(..., sort_keys=True, separators=(',', ':'))}: keys sorted at
 * every level, no spaces, non-ASCII and control characters as lower-case {@code \\u} escapes), so the
 * files compare equal byte for byte.
 */
public final class PluginsIndex {

    /** One plugin's entry. */
    public record Entry(String id, Map<String, Object> fields) {

        public Entry {
            Objects.requireNonNull(id, "id");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String filename() {
            return String.valueOf(fields.get("filename"));
        }

        public String sha1sum() {
            return String.valueOf(fields.get("sha1sum"));
        }

        public long dsize() {
            return fields.get("dsize") instanceof Number size ? size.longValue() : -1;
        }

        public PluginVersion version() {
            return PluginVersion.of(String.valueOf(fields.get("version")));
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    static {
        MAPPER.getFactory().setCharacterEscapes(new PythonEscapes());
    }

    private final Map<String, Entry> entries;

    public PluginsIndex(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** An index entry: the plugin-info's fields with the archive's name, size and SHA-1 set. */
    public static Entry entry(String id, Map<String, Object> pluginInfo, String filename, long size, String sha1) {
        Map<String, Object> fields = new LinkedHashMap<>(pluginInfo);
        fields.put("filename", filename);
        fields.put("dsize", size);
        fields.put("sha1sum", sha1);
        return new Entry(id, fields);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public byte[] toJson() {
        Map<String, Object> json = new TreeMap<>();
        entries.forEach((id, entry) -> json.put(id, entry.fields()));
        try {
            // Every character beyond printable ASCII is escaped, so the text is ASCII.
            return MAPPER.writeValueAsString(json).getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }

    /** @throws IOException when the bytes are not a JSON object of objects */
    public static PluginsIndex parse(byte[] json) throws IOException {
        Map<String, Map<String, Object>> read = MAPPER.readValue(json, new TypeReference<>() {
        });
        Map<String, Entry> entries = new TreeMap<>();
        read.forEach((id, fields) -> entries.put(id, new Entry(id, fields)));
        return new PluginsIndex(entries);
    }

    /** Python's {@code ensure_ascii}: every character outside printable ASCII as {@code \\uXXXX}, lower-case hex. */
    private static final class PythonEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        PythonEscapes() {
            escapes = standardAsciiEscapesForJSON();
            for (int ch = 0; ch < 0x20; ch++) {
                if (escapes[ch] == ESCAPE_STANDARD) {
                    escapes[ch] = ESCAPE_CUSTOM;
                }
            }
            escapes[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '\n') {
                return new SerializedString("\\n");
            }
            if (ch == '\r') {
                return new SerializedString("\\r");
            }
            if (ch == '\t') {
                return new SerializedString("\\t");
            }
            if (ch == '\b') {
                return new SerializedString("\\b");
            }
            if (ch == '\f') {
                return new SerializedString("\\f");
            }
            return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
        }
    }
}
