package io.github.wazodeb.deb.control;

import io.github.wazodeb.model.PluginDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code preinst} that keeps a plugin off a Wazo server outside its {@code min_wazo_version} /
 * {@code max_wazo_version} range. It runs before dpkg unpacks anything, so a refusal leaves the server as it
 * was: nothing unpacked on a first install, the old version still installed on an upgrade.
 *
 * <p>The server's version is the first line of {@value #WAZO_VERSION_FILE}, compared with each bound by
 * {@code dpkg --compare-versions} on the literal texts, as the contract says (so {@code 20.10} is above
 * {@code 20.9}). Without that file the machine is not a Wazo server (a build host, a test root): the script
 * warns and lets the package in. Where dpkg cannot compare (a version it cannot read) it warns too, rather
 * than refuse on a guess.
 *
 * <p>The bounds reach the script only as single-quoted assignments and are then used as quoted variables
 * and {@code printf} arguments, so no text in them is ever read as shell.
 */
final class WazoVersionPreinst {

    /** Where a Wazo server says which version it runs. */
    static final String WAZO_VERSION_FILE = "/usr/share/wazo/WAZO-VERSION";

    /**
     * The comparison, defined once for both bounds. It reads the server's version from {@code $wazo_version}
     * and the package name from {@code $PACKAGE}; every value reaches {@code printf} as an argument, never as
     * its format, so a backslash or a percent sign in a version is printed as it is.
     */
    private static final String REFUSE_IF = """
            # Refuses the package when the server's version stands in relation $1 (lt, gt) to the bound $2;
            # $3 words the bound for the message. dpkg --compare-versions exits 0 when the relation holds,
            # 1 when it does not, and more when it cannot read a version: then warn, not refuse on a guess.
            refuse_if() {
                status=0
                dpkg --compare-versions "$wazo_version" "$1" "$2" || status=$?
                case "$status" in
                    0)
                        printf '%s: requires Wazo %s %s, this server runs %s\\n' \\
                            "$PACKAGE" "$3" "$2" "$wazo_version" >&2
                        exit 1
                        ;;
                    1)
                        ;;
                    *)
                        printf '%s: warning: cannot compare Wazo %s with %s (dpkg --compare-versions exited with status %s); not checked\\n' \\
                            "$PACKAGE" "$wazo_version" "$2" "$status" >&2
                        ;;
                esac
            }
            """;

    private WazoVersionPreinst() {
    }

    /** The script, or empty when the plugin has no Wazo version range. */
    static Optional<String> of(PluginDescriptor plugin) {
        Optional<String> min = plugin.minWazoVersion().map(v -> ControlValues.requireSingleLine("min_wazo_version", v));
        Optional<String> max = plugin.maxWazoVersion().map(v -> ControlValues.requireSingleLine("max_wazo_version", v));
        if (min.isEmpty() && max.isEmpty()) {
            return Optional.empty();
        }
        List<String> range = new ArrayList<>();
        min.ifPresent(v -> range.add(">= $MIN_WAZO_VERSION"));
        max.ifPresent(v -> range.add("<= $MAX_WAZO_VERSION"));

        StringBuilder script = new StringBuilder(MaintainerScripts.header("preinst", plugin))
                .append("PACKAGE=").append(MaintainerScripts.quoted(plugin.debianPackageName())).append('\n')
                .append("WAZO_VERSION_FILE=").append(MaintainerScripts.quoted(WAZO_VERSION_FILE)).append('\n');
        min.ifPresent(v -> script.append("MIN_WAZO_VERSION=").append(MaintainerScripts.quoted(v)).append('\n'));
        max.ifPresent(v -> script.append("MAX_WAZO_VERSION=").append(MaintainerScripts.quoted(v)).append('\n'));
        script.append('\n').append(REFUSE_IF).append('\n')
                .append("case \"$1\" in\n")
                .append("    install|upgrade)\n")
                .append("        if [ ! -e \"$WAZO_VERSION_FILE\" ]; then\n")
                .append("            printf '%s: warning: %s is missing, so this is not a Wazo server; not checking that"
                        + " it runs Wazo %s\\n' \\\n")
                .append("                \"$PACKAGE\" \"$WAZO_VERSION_FILE\" \"").append(String.join(" and ", range))
                .append("\" >&2\n")
                .append("        else\n")
                .append("            # The first line without its surrounding blanks (a carriage return included).\n")
                .append("            wazo_version=$(sed -n '1{s/^[[:space:]]*//;s/[[:space:]]*$//;p;}' \"$WAZO_VERSION_FILE\")\n")
                .append("            if [ -z \"$wazo_version\" ]; then\n")
                .append("                printf '%s: warning: %s holds no version; not checked\\n' \"$PACKAGE\""
                        + " \"$WAZO_VERSION_FILE\" >&2\n")
                .append("            else\n");
        min.ifPresent(v -> script.append("                refuse_if lt \"$MIN_WAZO_VERSION\" '>='\n"));
        max.ifPresent(v -> script.append("                refuse_if gt \"$MAX_WAZO_VERSION\" '<='\n"));
        script.append("            fi\n")
                .append("        fi\n")
                .append("        ;;\n")
                .append("    abort-upgrade)\n")
                .append("        ;;\n")
                .append(MaintainerScripts.footer("preinst"));
        return Optional.of(script.toString());
    }
}
