package io.github.wazodeb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a provd plugins tree the size of wazo-provd-plugins for {@code provd-bench.sh}: 21 families, 120
 * plugins, about 5 MB of archives once built. Each family has a {@code common/} folder of templates and one
 * folder per plugin ({@code plugin-info}, {@code entry.py}, {@code pkgs/pkgs.db}, templates); 20 families only
 * copy with rsync rules, one (like Snom) also generates templates with {@code sed}. The text is drawn from a
 * vocabulary with a fixed seed, so it compresses as provisioning templates do and every run writes the same tree.
 *
 * <p>Run without building the module: {@code java bench/src/main/java/io/github/wazodeb/bench/ProvdBench.java DIR}.
 */
public final class ProvdBench {

    private static final int FAMILIES = 21;
    private static final int PLUGINS = 120;
    private static final int COMMON_TEMPLATES = 24;
    private static final int COMMON_TEMPLATE_BYTES = 9_000;
    private static final int PLUGIN_TEMPLATES = 4;
    private static final int PLUGIN_TEMPLATE_BYTES = 8_000;
    private static final String[] WORDS = ("{{ line }} {% for %} {% endfor %} {% if %} {% endif %} <setting> </setting>"
            + " sip_server proxy registrar outbound vlan ntp_server timezone dst codec g711 g722 opus firmware url"
            + " user_name password display_name function_key speed_dial blf park paging line_key expansion module"
            + " xml_directory ldap_base ldap_filter phonebook dial_plan syslog level tftp http https provisioning")
            .split(" ");

    private ProvdBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ProvdBench TREE_FOLDER");
        }
        write(Path.of(args[0]));
    }

    static void write(Path tree) throws IOException {
        Random random = new Random(17);
        int plugin = 0;
        for (int f = 0; f < FAMILIES; f++) {
            String family = String.format(Locale.ROOT, "wazo_vendor%02d", f);
            boolean generates = f == FAMILIES - 1;
            Path folder = tree.resolve(family);
            for (int t = 0; t < COMMON_TEMPLATES; t++) {
                write(folder.resolve("common/templates/model" + t + ".tpl"), text(random, COMMON_TEMPLATE_BYTES));
            }
            write(folder.resolve("common/templates/model.tpl.btpl"), "model #MODEL#\n" + text(random, 4_000));
            write(folder.resolve("common/common.py"), "# shared by the " + family + " plugins\n" + text(random, 6_000));
            write(folder.resolve("common/.hidden"), "never published\n");
            StringBuilder build = new StringBuilder("from pathlib import Path\nfrom subprocess import check_call\n");
            int count = PLUGINS / FAMILIES + (f < PLUGINS % FAMILIES ? 1 : 0);
            for (int p = 0; p < count; p++, plugin++) {
                String version = "1." + (p % 12) + "." + (plugin % 15);
                String target = "v" + p;
                Path own = folder.resolve(target);
                write(own.resolve("plugin-info"), pluginInfo(version, family));
                write(own.resolve("entry.py"), "# " + family + " " + target + "\n" + text(random, 5_000));
                write(own.resolve("pkgs/pkgs.db"), pkgsDb(random, family, p));
                for (int t = 0; t < PLUGIN_TEMPLATES; t++) {
                    write(own.resolve("templates/model" + t + ".tpl"), text(random, PLUGIN_TEMPLATE_BYTES));
                }
                build.append("\n\n@target('").append(target).append("', '").append(family.replace('_', '-'))
                        .append('-').append(target).append("')\ndef build_").append(target).append("(path):\n")
                        .append("    check_call(['rsync', '-rlp', '--exclude', '.*', '--exclude', '*.btpl', 'common/', path])\n");
                if (generates) {
                    build.append("    for model in ('100', '200', '300'):\n")
                            .append("        with open(Path(path, 'templates', f'gen{model}.tpl'), 'wb') as out:\n")
                            .append("            check_call(['sed', f's/#MODEL#/{model}/', 'common/templates/model.tpl.btpl'],"
                                    + " stdout=out)\n");
                }
                build.append("    check_call(['rsync', '-rlp', '--exclude', '.*', '").append(target).append("/', path])\n");
            }
            write(folder.resolve("build.py"), build.toString());
        }
    }

    private static String pluginInfo(String version, String family) {
        return "{\n    \"version\": \"" + version + "\",\n    \"description\": \"" + family + " phones\",\n"
                + "    \"description_fr\": \"Telephones " + family + "\",\n    \"capabilities\": {\n"
                + "        \"Vendor, Model, " + version + "\": {\"lines\": 4, \"high_availability\": true,"
                + " \"function_keys\": 12, \"type\": \"deskphone\", \"protocol\": \"sip\"}\n    }\n}\n";
    }

    private static String pkgsDb(Random random, String family, int plugin) {
        StringBuilder db = new StringBuilder();
        db.append("[pkg_fw]\ndescription: Firmware\nversion: 1.").append(plugin).append("\nfiles: fw\ninstall: fw\n\n")
                .append("[install_fw]\na-b: unzip $FILE1\n\n[file_fw]\nurl: https://downloads.example.com/")
                .append(family).append("/fw-").append(plugin).append(".zip\nsize: ")
                .append(1_000_000 + random.nextInt(9_000_000)).append("\nsha1sum: ");
        for (int i = 0; i < 40; i++) {
            db.append(Character.forDigit(random.nextInt(16), 16));
        }
        return db.append('\n').toString();
    }

    private static String text(Random random, int bytes) {
        StringBuilder text = new StringBuilder(bytes + 32);
        while (text.length() < bytes) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "\n" : " ");
            if (random.nextInt(6) == 0) {
                text.append(random.nextInt(100_000)).append(' ');
            }
        }
        return text.append('\n').toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
