package io.github.wazodeb.deb;

import io.github.wazodeb.model.Problem;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A package that was written.
 *
 * @param debFile where it is, complete
 * @param size its size in bytes
 * @param sha256 its SHA-256, lower-case hex
 * @param controlFields the control file's fields, in file order
 * @param warnings what was said about the plugin without stopping the build
 */
public record BuildResult(Path debFile, long size, String sha256, Map<String, String> controlFields,
        List<Problem> warnings) {

    public BuildResult {
        controlFields = Collections.unmodifiableMap(new LinkedHashMap<>(controlFields));
        warnings = List.copyOf(warnings);
    }

    public String packageName() {
        return controlFields.get("Package");
    }

    public String version() {
        return controlFields.get("Version");
    }
}
