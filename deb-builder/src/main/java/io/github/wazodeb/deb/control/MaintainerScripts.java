package io.github.wazodeb.deb.control;

import io.github.wazodeb.model.PluginDescriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code postinst}, {@code prerm} and {@code postrm} of a plugin's package: they run the installed
 * {@code wazo/rules} the way wazo-plugind's own packages do. A plugin with a Wazo version range also gets a
 * {@code preinst} that refuses a server outside it ({@link WazoVersionPreinst}). Each is a POSIX {@code sh}
 * script (dash and busybox run it), {@code set -e}, every path quoted, to be installed with mode 0755.
 *
 * <p>Two things are better than wazo-plugind's reference scripts: {@code prerm} creates the backup
 * directory when it is missing, and {@code postrm} succeeds on the purge that follows a remove (the
 * backup is gone by then) and when the plugin's {@code postrm} step fails (the files are already gone,
 * and a failing {@code postrm} would leave dpkg unable to finish the removal).
 */
public final class MaintainerScripts {

    /** Where wazo-plugind keeps each plugin's rules copy between {@code prerm} and {@code postrm}. */
    public static final String BACKUP_DIRECTORY = "/var/lib/wazo-plugind/rules";

    private final Optional<String> preinst;
    private final String postinst;
    private final String prerm;
    private final String postrm;

    private MaintainerScripts(Optional<String> preinst, String postinst, String prerm, String postrm) {
        this.preinst = preinst;
        this.postinst = postinst;
        this.prerm = prerm;
        this.postrm = postrm;
    }

    /** The scripts, with the Wazo version check when the plugin has a range. */
    public static MaintainerScripts of(PluginDescriptor plugin) {
        return of(plugin, true);
    }

    /**
     * The scripts; {@code wazoVersionCheck} false leaves the {@code preinst} out even when the plugin has a
     * Wazo version range, so the package installs on any server.
     */
    public static MaintainerScripts of(PluginDescriptor plugin, boolean wazoVersionCheck) {
        Objects.requireNonNull(plugin, "plugin");
        ControlValues.requireValidIdentity(plugin);
        Optional<String> preinst = wazoVersionCheck ? WazoVersionPreinst.of(plugin) : Optional.empty();
        return new MaintainerScripts(preinst, postinst(plugin), prerm(plugin), postrm(plugin));
    }

    /** {@code /usr/lib/wazo-plugind/plugins/<namespace>/<name>/wazo/rules}: the installed rules script. */
    public static String rulesPath(PluginDescriptor plugin) {
        ControlValues.requireValidIdentity(plugin);
        return "/usr/lib/wazo-plugind/plugins/" + plugin.namespace() + "/" + plugin.name() + "/wazo/rules";
    }

    /** {@code /var/lib/wazo-plugind/rules/rules.<name>.<namespace>}: the copy {@code prerm} keeps for {@code postrm}. */
    public static String backupPath(PluginDescriptor plugin) {
        ControlValues.requireValidIdentity(plugin);
        return BACKUP_DIRECTORY + "/rules." + plugin.name() + "." + plugin.namespace();
    }

    /** Present only for a plugin with {@code min_wazo_version} or {@code max_wazo_version}, when checked. */
    public Optional<String> preinst() {
        return preinst;
    }

    public String postinst() {
        return postinst;
    }

    public String prerm() {
        return prerm;
    }

    public String postrm() {
        return postrm;
    }

    private static String postinst(PluginDescriptor plugin) {
        return header("postinst", plugin)
                + "RULES=" + quoted(rulesPath(plugin)) + "\n"
                + "\n"
                + "case \"$1\" in\n"
                + "    configure)\n"
                + "        \"$RULES\" install\n"
                + "        ;;\n"
                + "    abort-upgrade|abort-remove|abort-deconfigure)\n"
                + "        ;;\n"
                + footer("postinst");
    }

    private static String prerm(PluginDescriptor plugin) {
        return header("prerm", plugin)
                + "RULES=" + quoted(rulesPath(plugin)) + "\n"
                + "BACKUP_DIR=" + quoted(BACKUP_DIRECTORY) + "\n"
                + "BACKUP=" + quoted(backupPath(plugin)) + "\n"
                + "\n"
                + "case \"$1\" in\n"
                + "    remove)\n"
                + "        # postrm runs once the package's files are gone: keep a copy of rules for it.\n"
                + "        mkdir -p \"$BACKUP_DIR\"\n"
                + "        cp \"$RULES\" \"$BACKUP\"\n"
                + "        chmod 0755 \"$BACKUP\"\n"
                + "        \"$RULES\" uninstall\n"
                + "        ;;\n"
                + "    upgrade|deconfigure|failed-upgrade)\n"
                + "        ;;\n"
                + footer("prerm");
    }

    private static String postrm(PluginDescriptor plugin) {
        String removal = plugin.hasPostrmStep()
                ? "        # The files are gone; the copy prerm kept runs the plugin's postrm step. A purge\n"
                + "        # after a remove finds no copy and has nothing left to do.\n"
                + "        if [ -e \"$BACKUP\" ]; then\n"
                + "            status=0\n"
                + "            \"$BACKUP\" postrm || status=$?\n"
                + "            if [ \"$status\" -ne 0 ]; then\n"
                + "                echo \"postrm: warning: '$BACKUP postrm' exited with status $status;"
                + " the plugin's files are removed anyway\" >&2\n"
                + "            fi\n"
                + "        fi\n"
                + "        rm -f \"$BACKUP\"\n"
                : "        # Plugin format 0 has no postrm step: only drop the copy prerm kept.\n"
                + "        rm -f \"$BACKUP\"\n";
        return header("postrm", plugin)
                + "BACKUP=" + quoted(backupPath(plugin)) + "\n"
                + "\n"
                + "case \"$1\" in\n"
                + "    remove|purge)\n"
                + removal
                + "        ;;\n"
                + "    upgrade|failed-upgrade|abort-install|abort-upgrade|disappear)\n"
                + "        ;;\n"
                + footer("postrm");
    }

    static String header(String script, PluginDescriptor plugin) {
        return "#!/bin/sh\n"
                + "# " + script + " of " + plugin.debianPackageName() + " (" + plugin.namespace() + "/"
                + plugin.name() + ", plugin format " + plugin.pluginFormatVersion()
                + "), generated by wazo-deb.\n"
                + "set -e\n"
                + "\n";
    }

    static String footer(String script) {
        return "    *)\n"
                + "        echo \"" + script + " called with unknown argument '$1'\" >&2\n"
                + "        exit 1\n"
                + "        ;;\n"
                + "esac\n"
                + "\n"
                + "exit 0\n";
    }

    /** Single-quoted for sh: nothing inside is expanded; a single quote itself is closed, escaped, reopened. */
    static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
