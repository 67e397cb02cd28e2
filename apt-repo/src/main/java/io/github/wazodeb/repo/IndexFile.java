package io.github.wazodeb.repo;

import java.util.Arrays;

/** One file of the repository's index ({@code Packages}, {@code Release}, ...): its name and bytes. */
record IndexFile(String name, byte[] content) {

    IndexFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexFile file && file.name.equals(name) && Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return name + " (" + content.length + " bytes)";
    }
}
