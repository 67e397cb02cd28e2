package io.github.wazodeb.deb.archive;

import java.util.Objects;

/**
 * One file of the control member ({@code control}, {@code md5sums}, {@code postinst}, ...).
 *
 * @param name a plain file name, no '/'
 * @param content its bytes
 * @param mode its permission bits, e.g. {@code 0644} or {@code 0755} for a maintainer script
 */
public record ControlMember(String name, byte[] content, int mode) {

    public ControlMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("control member name \"" + name + "\" must be a plain file name");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " of control member \""
                    + name + "\" has bits outside 07777");
        }
    }
}
