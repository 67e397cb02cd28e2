package io.github.wazodeb.provd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Small provd plugin trees shaped like wazo-provd-plugins, written for the tests: two families, a
 * {@code common/} overlay, include and exclude rules (anchored, {@code **}, folder-only), a link, dot files,
 * an executable, a target that needs its build script, and a pkgs.db.
 */
public final class ProvdTrees {

    private ProvdTrees() {
    }

    /**
     * {@code wazo_acme} (targets {@code v1} and {@code v2}, copy-only with rules; {@code gen}, which writes a file
     * with Python) and {@code wazo_beta} (target {@code 1.0}, copy-only, {@code std_dirs=False}).
     */
    public static Path standard(Path root) {
        Path acme = root.resolve("wazo_acme");
        write(acme.resolve("build.py"), """
                \"\"\"Builds the Acme plugins.

                Depends on rsync.
                \"\"\"
                from __future__ import annotations

                from pathlib import Path
                from subprocess import check_call
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:

                    def target(target_id, plugin_id, std_dirs=True):
                        def wrapper(func):
                            pass

                        return wrapper


                @target('v1', 'wazo-acme-1.0')
                def build_v1(path: str) -> None:
                    check_call(
                        [
                            'rsync',
                            '-rlp',
                            '--exclude',
                            '.*',
                            '--include',
                            '/templates/base.tpl',
                            '--include',
                            '/templates/A1*.tpl',
                            '--exclude',
                            '/templates/*',
                            '--exclude', 'build/',
                            '--exclude=docs/**',
                            'common/',
                            path,
                        ]
                    )
                    check_call(['rsync', '-rlp', '--exclude', '.*', 'v1/', path])


                @target('v2', 'wazo-acme-2.0')
                def build_v2(path):
                    # common without the model templates of v1
                    check_call(['rsync', '-rlp', '--exclude', '.*', '--exclude', '/templates/A1*', "common/", path])
                    check_call(['rsync', '-r', '--exclude', '.*', 'v2/', path])  # -r alone: links skipped


                @target('gen', 'wazo-acme-gen')
                def build_gen(path: str) -> None:
                    check_call(['rsync', '-rlp', '--exclude', '.*', 'gen/', path])
                    for model in ('A1', 'A2'):
                        Path(path, 'templates').mkdir(exist_ok=True)
                        Path(path, 'templates', f'{model}.tpl').write_text(f'model {model}\\n')
                """);
        Path common = acme.resolve("common");
        write(common.resolve("common.py"), "# shared by every Acme plugin\nCOMMON = 1\n");
        write(common.resolve("templates/base.tpl"), "base template\n");
        write(common.resolve("templates/A1.tpl"), "A1 from common\n");
        write(common.resolve("templates/A1-extra.tpl"), "A1 extra\n");
        write(common.resolve("templates/A2.tpl"), "A2 from common\n");
        write(common.resolve("templates/.hidden.tpl"), "a dot file\n");
        write(common.resolve(".cache/stale"), "a dot folder\n");
        write(common.resolve("build/out.o"), "a build folder\n");
        write(common.resolve("docs/guide/intro.md"), "docs\n");
        write(common.resolve("var/tftpboot/acme.cfg"), "tftp\n");
        link(common.resolve("templates/latest.tpl"), "base.tpl");
        link(common.resolve("current"), "templates");
        Path v1 = acme.resolve("v1");
        write(v1.resolve("plugin-info"), pluginInfo("1.0.9", "Acme A1 and A2, firmware 1"));
        write(v1.resolve("entry.py"), "# Acme v1\nMODELS = ['A1']\n");
        write(v1.resolve("templates/A1.tpl"), "A1 from v1\n");
        write(v1.resolve("bin/tool.sh"), "#!/bin/sh\necho tool\n");
        executable(v1.resolve("bin/tool.sh"));
        write(v1.resolve("pkgs/pkgs.db"), PKGS_DB);
        write(v1.resolve(".gitignore"), "*.pyc\n");
        Path v2 = acme.resolve("v2");
        write(v2.resolve("plugin-info"), pluginInfo("2.0.0", "Acme A2, firmware 2"));
        write(v2.resolve("entry.py"), "# Acme v2\n");
        link(v2.resolve("skipped-link"), "entry.py");
        Path gen = acme.resolve("gen");
        write(gen.resolve("plugin-info"), pluginInfo("0.1", "Acme generated templates"));
        write(gen.resolve("entry.py"), "# Acme gen\n");

        Path beta = root.resolve("wazo_beta");
        write(beta.resolve("build.py"), """
                # Copyright: the tests

                from subprocess import check_call


                @target('1.0', 'wazo-beta-1.0', std_dirs=False)
                def build_1_0(path):
                    check_call(['rsync', '-rlp', '--exclude', '.*', 'common/', path])
                    check_call(['rsync', '-rlp', '--exclude', '.*', 'v1_0/', path])
                """);
        write(beta.resolve("common/templates/base.tpl"), "beta base\n");
        write(beta.resolve("common/entry.py"), "# overridden\n");
        write(beta.resolve("v1_0/plugin-info"), pluginInfo("1.0", "Beta \u00e9t\u00e9 phones"));
        write(beta.resolve("v1_0/entry.py"), "# Beta 1.0\n");
        return root;
    }

    /** A family whose only target raises in Python. */
    public static Path failing(Path root) {
        Path family = root.resolve("wazo_broken");
        write(family.resolve("build.py"), """
                from subprocess import check_call


                @target('1.0', 'wazo-broken-1.0')
                def build(path):
                    check_call(['rsync', '-rlp', 'v1/', path])
                    raise RuntimeError('firmware list is missing')
                """);
        write(family.resolve("v1/plugin-info"), pluginInfo("1.0", "Broken"));
        return root;
    }

    public static String pluginInfo(String version, String description) {
        return """
                {
                    "version": "%s",
                    "description": "%s",
                    "description_fr": "Greffon de test",
                    "capabilities": {
                        "Acme, A1, 1.0": {
                            "lines": 2,
                            "high_availability": false,
                            "function_keys": 4,
                            "type": "deskphone",
                            "protocol": "sip"
                        }
                    }
                }
                """.formatted(version, description);
    }

    public static final String PKGS_DB = """
            # Firmware of the Acme A1 (the sums below come from `provd firmware --update`)
            [pkg_a1-fw]
            description: Firmware for Acme A1
            description_fr: Micrologiciel pour Acme A1
            version: 1.0
            files: a1-fw
            install: acme-fw

            [install_acme-fw]
            a-b: unzip $FILE1
            b-c: cp *.bin firmware/

            ; the vendor's download
            [file_a1-fw]
            url: https://example.com/firmware/A1-1.0.zip
            size: 1
            sha1sum: 0000000000000000000000000000000000000000
            """;

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void link(Path link, String target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void executable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
