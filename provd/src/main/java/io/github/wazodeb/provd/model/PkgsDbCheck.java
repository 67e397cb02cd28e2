package io.github.wazodeb.provd.model;

import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code pkgs.db} as wazo-provd's firmware installer (xivo-fetchfw) will read it, and what it
 * cannot see until a user installs a firmware: every section is a {@code pkg_}, {@code file_} or
 * {@code install_} one; a file's {@code size} is a number and its {@code sha1sum} 40 hex digits; every file
 * and install a package names exists; no file or install section is left unused.
 */
public final class PkgsDbCheck {

    private PkgsDbCheck() {
    }

    /** @param file the file as messages name it */
    public static List<Problem> check(String text, String file) {
        IniDocument document;
        try {
            document = IniDocument.parse(text);
        } catch (IniDocument.SyntaxException e) {
            return List.of(error(file, e.line(), "", null, e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> usedFiles = new HashSet<>();
        Set<String> usedInstalls = new HashSet<>();
        for (IniDocument.Section section : document.sections()) {
            String name = section.name();
            if (name.startsWith("file_")) {
                checkFile(section, file, problems);
            } else if (name.startsWith("pkg_")) {
                section.option("files").ifPresent(files -> {
                    for (String id : files.value().split("\\s+")) {
                        if (!id.isEmpty() && usedFiles.add(id) && document.section("file_" + id).isEmpty()) {
                            problems.add(error(file, files.line(), name + ".files", id, "names no [file_" + id + "] section"));
                        }
                    }
                });
                section.option("install").ifPresent(install -> {
                    String id = install.value().split("\\s+")[0];
                    usedInstalls.add(id);
                    if (document.section("install_" + id).isEmpty()) {
                        problems.add(error(file, install.line(), name + ".install", id, "names no [install_" + id + "] section"));
                    }
                });
            } else if (!name.startsWith("install_")) {
                problems.add(error(file, section.line(), "[" + name + "]", null,
                        "must be a pkg_, file_ or install_ section (wazo-provd refuses any other)"));
            }
        }
        for (IniDocument.Section section : document.sections()) {
            String name = section.name();
            if (name.startsWith("file_") && !usedFiles.contains(name.substring(5))) {
                problems.add(error(file, section.line(), "[" + name + "]", null, "is used by no pkg_ section's files"));
            } else if (name.startsWith("install_") && !usedInstalls.contains(name.substring(8))) {
                problems.add(error(file, section.line(), "[" + name + "]", null, "is used by no pkg_ section's install"));
            }
        }
        return problems;
    }

    private static void checkFile(IniDocument.Section section, String file, List<Problem> problems) {
        String name = section.name();
        if (section.option("url").isEmpty()) {
            problems.add(error(file, section.line(), name + ".url", null, "is missing (it may be empty, not absent)"));
        }
        section.option("size").ifPresentOrElse(size -> {
            if (!size.value().matches("[0-9]+")) {
                problems.add(error(file, size.line(), name + ".size", size.value(), "must be a number of bytes"));
            }
        }, () -> problems.add(error(file, section.line(), name + ".size", null, "is missing")));
        section.option("sha1sum").ifPresentOrElse(sha1 -> {
            if (!sha1.value().matches("[0-9a-fA-F]{40}")) {
                problems.add(error(file, sha1.line(), name + ".sha1sum", sha1.value(),
                        "must be 40 hex digits (it has " + sha1.value().length() + " characters)"));
            }
        }, () -> problems.add(error(file, section.line(), name + ".sha1sum", null, "is missing")));
    }

    private static Problem error(String file, int line, String key, String value, String rule) {
        return new Problem(Severity.ERROR, file, line, 0, key, value, rule);
    }
}
