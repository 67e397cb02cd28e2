package io.github.wazodeb.model.yaml;

/** The core-schema types a scalar may have: YAML resolved it so, or its tag says so explicitly. */
public enum ScalarKind {
    STRING("a string"),
    INT("a number"),
    FLOAT("a number"),
    BOOL("a boolean"),
    NULL("null"),
    TIMESTAMP("a date");

    private final String description;

    ScalarKind(String description) {
        this.description = description;
    }

    /** How a message names a value of this kind: {@code a number}. */
    public String description() {
        return description;
    }
}
