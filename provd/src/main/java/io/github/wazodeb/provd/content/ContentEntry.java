package io.github.wazodeb.provd.content;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a built plugin: a folder, a file or a symbolic link, at a path relative to the plugin's
 * top folder. Only what a checkout keeps is recorded (a file's bytes and executable bit, a link's target):
 * owners, times and other mode bits are fixed when the archive is written, so the same sources give the
 * same bytes whatever the umask or clock.
 *
 * @param origin where the entry came from, for messages ({@code wazo_acme/common/templates/base.tpl}), or
 *     empty when the build made it
 */
public record ContentEntry(String path, Type type, boolean executable, byte[] data, String linkTarget, String origin) {

    public enum Type { DIRECTORY, FILE, SYMLINK }

    public ContentEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        data = type == Type.FILE ? Objects.requireNonNull(data, "data").clone() : null;
        linkTarget = type == Type.SYMLINK ? Objects.requireNonNull(linkTarget, "linkTarget") : null;
        origin = origin == null ? "" : origin;
    }

    public static ContentEntry directory(String path, String origin) {
        return new ContentEntry(path, Type.DIRECTORY, true, null, null, origin);
    }

    public static ContentEntry file(String path, byte[] data, boolean executable, String origin) {
        return new ContentEntry(path, Type.FILE, executable, data, null, origin);
    }

    public static ContentEntry symlink(String path, String target, String origin) {
        return new ContentEntry(path, Type.SYMLINK, false, null, target, origin);
    }

    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    /** Writes the file's bytes to {@code out} without copying them (an archive writes every file once). */
    public void writeData(java.io.OutputStream out) throws java.io.IOException {
        if (data != null) {
            out.write(data);
        }
    }

    /** The file's size in bytes; 0 for a folder or a link. */
    public long size() {
        return data == null ? 0 : data.length;
    }

    /** Whether a user of the plugin would see the same thing: same type, bytes, executable bit and link target. */
    public boolean sameContentAs(ContentEntry other) {
        return type == other.type && Arrays.equals(data, other.data) && Objects.equals(linkTarget, other.linkTarget)
                && (type != Type.FILE || executable == other.executable);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentEntry entry && path.equals(entry.path) && sameContentAs(entry)
                && origin.equals(entry.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, type, Arrays.hashCode(data), linkTarget);
    }

    @Override
    public String toString() {
        return type + " " + path + (type == Type.SYMLINK ? " -> " + linkTarget : type == Type.FILE ? " (" + size()
                + " bytes" + (executable ? ", executable)" : ")") : "");
    }
}
