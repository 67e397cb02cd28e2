package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a .deb's ar members in order, checking each header is what deb(5) and dpkg-deb write. */
final class ArMembers {

    private ArMembers() {
    }

    static Map<String, byte[]> read(Path deb, long expectedMtime) throws IOException {
        byte[] bytes = Files.readAllBytes(deb);
        assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("!<arch>\n");
        Map<String, byte[]> members = new LinkedHashMap<>();
        int offset = 8;
        while (offset < bytes.length) {
            String header = new String(bytes, offset, 60, StandardCharsets.US_ASCII);
            String name = header.substring(0, 16).trim();
            assertThat(header.substring(16, 28).trim()).as("mtime of %s", name).isEqualTo(Long.toString(expectedMtime));
            assertThat(header.substring(28, 34).trim()).as("uid of %s", name).isEqualTo("0");
            assertThat(header.substring(34, 40).trim()).as("gid of %s", name).isEqualTo("0");
            assertThat(header.substring(40, 48).trim()).as("mode of %s", name).isEqualTo("100644");
            assertThat(header.substring(58, 60)).isEqualTo("`\n");
            int size = Integer.parseInt(header.substring(48, 58).trim());
            offset += 60;
            members.put(name, Arrays.copyOfRange(bytes, offset, offset + size));
            offset += size;
            if (size % 2 != 0) {
                assertThat(bytes[offset]).as("padding after %s", name).isEqualTo((byte) '\n');
                offset++;
            }
        }
        assertThat(offset).isEqualTo(bytes.length);
        return members;
    }
}
