package io.github.wazodeb.deb.archive;

import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A payload entry's identity on disk when it was read: which inode, how many names it has, its size and
 * times. Two reads of an entry with equal stamps read the same file, untouched in between as far as the
 * kernel's clock can tell (any write, chmod, chown, rename or link moves the change time); what its coarse
 * clock cannot tell, the content digest compared between the passes does.
 */
record EntryStamp(long dev, long ino, int nlink, long size, long mtimeNanos, long ctimeNanos) {

    /** From the {@code unix:dev,ino,nlink,size,lastModifiedTime,ctime} attributes of the entry. */
    static EntryStamp of(Map<String, Object> attributes) {
        return new EntryStamp((Long) attributes.get("dev"), (Long) attributes.get("ino"),
                (Integer) attributes.get("nlink"), (Long) attributes.get("size"),
                nanos(attributes.get("lastModifiedTime")), nanos(attributes.get("ctime")));
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
