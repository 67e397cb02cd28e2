package io.github.wazodeb.deb.inspect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code .deb} holds, as {@link DebInspector} read it.
 *
 * @param members the ar members in order, with their sizes
 * @param controlFiles the control member's files by name ({@code control}, {@code md5sums}, scripts)
 * @param controlFields the control file's fields, in order
 * @param dataEntries the data member's entries, in archive order
 */
public record DebContents(List<Member> members, Map<String, byte[]> controlFiles, Map<String, String> controlFields,
        List<DataEntry> dataEntries) {

    public DebContents {
        members = List.copyOf(members);
        controlFiles = Collections.unmodifiableMap(new LinkedHashMap<>(controlFiles));
        controlFields = Collections.unmodifiableMap(new LinkedHashMap<>(controlFields));
        dataEntries = List.copyOf(dataEntries);
    }

    /** One member of the ar archive. */
    public record Member(String name, long size) {
    }

    /**
     * One entry of the data member.
     *
     * @param type {@code d} directory, {@code -} file, {@code l} symlink, {@code h} hard link, {@code ?} other
     * @param linkTarget for links, else empty
     */
    public record DataEntry(String name, char type, int mode, String owner, String group, long size,
            Instant modified, String linkTarget) {
    }
}
