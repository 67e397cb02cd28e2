package io.github.wazodeb.model.yaml;

/**
 * Where a node starts in the YAML text, 1-based as editors count; {@link #NONE} when there is no place to
 * point at (a missing key, a whole-file problem).
 */
public record Position(int line, int column) {

    public static final Position NONE = new Position(0, 0);
}
