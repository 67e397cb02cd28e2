package io.github.wazodeb.model;

/** How much a {@link Problem} matters: errors refuse the plugin, warnings never stop a build. */
public enum Severity {
    ERROR,
    WARNING
}
