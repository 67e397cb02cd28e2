package io.github.wazodeb.model.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a symbolic link points, as its text says, for a message that names it. */
public final class LinkTarget {

    private LinkTarget() {
    }

    public static String of(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }
}
