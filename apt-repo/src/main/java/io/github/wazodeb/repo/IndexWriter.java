package io.github.wazodeb.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the index files in the repository folder: each is written beside its place under a hidden temporary
 * name first, and only when every one is complete are they renamed into place, in the order given, so a
 * failure while writing (a full disk) leaves the folder as it was, and a reader never sees half a file. Names
 * may hold folders ({@code main/binary-all/Packages}), created as needed.
 */
final class IndexWriter {

    private IndexWriter() {
    }

    /**
     * Writes {@code files} in order, then deletes {@code stale} (a reader that still finds one reads the files
     * it was written with); returns the paths written.
     */
    static List<Path> replace(Path directory, List<IndexFile> files, List<Path> stale) throws IOException {
        List<Path> temporaries = new ArrayList<>();
        try {
            for (IndexFile file : files) {
                Path target = directory.resolve(file.name());
                Files.createDirectories(target.getParent());
                Path temporary = target.resolveSibling("." + target.getFileName() + ".wazo-deb-tmp");
                temporaries.add(temporary);
                Files.write(temporary, file.content());
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path target = directory.resolve(files.get(i).name());
                Files.move(temporaries.get(i), target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                written.add(target);
            }
            for (Path old : stale) {
                Files.deleteIfExists(old);
            }
            return written;
        } finally {
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
