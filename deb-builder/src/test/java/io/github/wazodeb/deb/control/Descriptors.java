package io.github.wazodeb.deb.control;

import io.github.wazodeb.model.DebianRelation;
import io.github.wazodeb.model.DebianRelation.Alternative;
import io.github.wazodeb.model.DebianRelation.Operator;
import io.github.wazodeb.model.DebianRelation.VersionConstraint;
import io.github.wazodeb.model.PluginDependency;
import io.github.wazodeb.model.PluginDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Descriptors as the plugin reader would produce them, built with the record's constructor. The named
 * ones are the golden cases: each has a folder of expected files under {@code src/test/resources/golden}.
 */
final class Descriptors {

    static final String MAINTAINER = "Wazo Maintainers <dev+pkg@wazo.community>";

    private Descriptors() {
    }

    /** Golden case name to descriptor, in a stable order. */
    static Map<String, PluginDescriptor> goldenCases() {
        Map<String, PluginDescriptor> cases = new LinkedHashMap<>();
        cases.put("format0-minimal", minimal());
        cases.put("format0-described", described());
        cases.put("format1-full", full());
        cases.put("format2-long-synopsis", longSynopsis());
        cases.put("wazo-min", withWazoRange("gate-min", Optional.of("25.01"), Optional.empty()));
        cases.put("wazo-max", withWazoRange("gate-max", Optional.empty(), Optional.of("23.10")));
        cases.put("wazo-range", withWazoRange("gate-range", Optional.of("20.10"), Optional.of("1:25.01~rc1")));
        return cases;
    }

    /** Format 2 with {@code min_wazo_version} and/or {@code max_wazo_version}: the package gets a preinst. */
    static PluginDescriptor withWazoRange(Optional<String> min, Optional<String> max) {
        return withWazoRange("gate", min, max);
    }

    static PluginDescriptor withWazoRange(String name, Optional<String> min, Optional<String> max) {
        return new PluginDescriptor(name, "demo", "1.0", Optional.empty(), 2, List.of(), List.of(), min, max, Map.of());
    }

    /** Format 0, no description, no dependency of any kind. */
    static PluginDescriptor minimal() {
        return plugin("hello", "demo", "1.0", Optional.empty(), 0, List.of(), List.of());
    }

    /** Format 0, a one-line description, plugin dependencies only. */
    static PluginDescriptor described() {
        return plugin("admin-ui-conference", "official", "0.0.7",
                Optional.of("Conference rooms in the Wazo admin UI"), 0,
                List.of(new PluginDependency("admin-ui-core", "official", Optional.of("0.1")),
                        new PluginDependency("confd-conference", "official", Optional.empty())),
                List.of());
    }

    /** Format 1, a multi-paragraph description with a list, an epoch, both kinds of dependencies. */
    static PluginDescriptor full() {
        String description = """
                Call logs exported to a CRM
                
                Sends every call log of the stack to the CRM configured in
                /etc/wazo-crm-export/config.yml, once the call has ended. A line this long is folded at a word boundary by the control file writer, as lintian asks.
                
                Features:
                  - retries with back-off
                  - one CRM per tenant
                .dotfiles are left alone
                """;
        return plugin("crm-export", "acme", "1:2.10-3", Optional.of(description), 1,
                List.of(new PluginDependency("calld-events", "acme", Optional.empty())),
                List.of(relation(simple("python3-requests", ">=", "2.0")),
                        new DebianRelation(List.of(simple("curl", null, null), simple("wget", null, null))),
                        new DebianRelation(List.of(new Alternative("python3", Optional.of("any"), Optional.empty())))));
    }

    /** Format 2, a first line over 80 characters, a plugin dependency that repeats a Debian relation. */
    static PluginDescriptor longSynopsis() {
        return plugin("sounds-fr", "wazo", "20.10",
                Optional.of("French prompts for the voicemail, the conference rooms, the queues and the IVRs of every tenant\n"
                        + "Installs the prompts under /usr/share/asterisk/sounds/fr_FR."),
                2,
                List.of(new PluginDependency("sounds-base", "wazo", Optional.empty())),
                List.of(relation(simple("wazo-plugind-sounds-base-wazo", null, null)), relation(simple("asterisk", null, null))));
    }

    static PluginDescriptor plugin(String name, String namespace, String version, Optional<String> description,
            int format, List<PluginDependency> depends, List<DebianRelation> debianDepends) {
        return new PluginDescriptor(name, namespace, version, description, format, depends, debianDepends,
                Optional.empty(), Optional.empty(), Map.of());
    }

    static PluginDescriptor withDescription(String description) {
        return plugin("hello", "demo", "1.0", Optional.of(description), 1, List.of(), List.of());
    }

    static PluginDescriptor withFormat(int format) {
        return plugin("hello", "demo", "1.0", Optional.empty(), format, List.of(), List.of());
    }

    static DebianRelation relation(Alternative alternative) {
        return new DebianRelation(List.of(alternative));
    }

    static Alternative simple(String packageName, String operator, String version) {
        Optional<VersionConstraint> constraint = operator == null
                ? Optional.empty()
                : Optional.of(new VersionConstraint(Operator.fromSymbol(operator).orElseThrow(), version));
        return new Alternative(packageName, Optional.empty(), constraint);
    }
}
