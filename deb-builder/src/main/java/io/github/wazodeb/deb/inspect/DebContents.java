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

    /** The maintainer scripts the package holds ({@code preinst}, {@code postinst}, ...), by name, as text. */
    public Map<String, String> scripts() {
        return Collections.unmodifiableMap(ControlMembers.scripts(controlFiles));
    }

    /** The {@code md5sums} control file as path (as that file spells it) to digest; empty without one. */
    public Map<String, String> md5sums() {
        return Collections.unmodifiableMap(ControlMembers.md5sums(controlFiles));
    }

    /** The {@code conffiles} control file's entries; empty without one. */
    public List<String> conffiles() {
        return List.copyOf(ControlMembers.conffiles(controlFiles));
    }

    /** One member of the ar archive. */
    public record Member(String name, long size) {
    }

    /**
     * One entry of the data member.
     *
     * @param name the path as the archive holds it and {@code dpkg-deb --contents} lists it ({@code ./usr/},
     *     directories ending in {@code /})
     * @param type {@code d} directory, {@code -} file, {@code l} symlink, {@code h} hard link, {@code c}
     *     character device, {@code b} block device, {@code p} FIFO, {@code ?} other
     * @param mode the permission bits with setuid, setgid and sticky ({@code 07777})
     * @param owner the owner's name, or its number when the archive names none (as tar lists it)
     * @param group the group's name, or its number when the archive names none
     * @param linkTarget for links, else empty
     */
    public record DataEntry(String name, char type, int mode, String owner, String group, long size,
            Instant modified, String linkTarget) {
    }
}
