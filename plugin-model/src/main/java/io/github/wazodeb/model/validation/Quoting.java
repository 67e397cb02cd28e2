package io.github.wazodeb.model.validation;

/** The fix for a value YAML reads as another type than the user meant, written as the line to type. */
final class Quoting {

    private Quoting() {
    }

    /**
     * {@code quote it: version: "1.10"}, naming the last key of {@code path}; for a list item
     * ({@code tags[1]}) just the quoted value.
     */
    static String quoteIt(String path, String text) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "quote it: " + (key.isEmpty() || key.endsWith("]") ? quoted : key + ": " + quoted);
    }
}
