package io.github.wazodeb.provd.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.model.RsyncCall;
import io.github.wazodeb.provd.model.TargetDeclaration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a script target's files came from: the rsync calls it made (recorded by {@code build-plugin.py}) done
 * again in-process, so each output file that one of them copied is named by its file in the tree
 * ({@code wazo_snom/v8_7_5_35/plugin-info}); what the target wrote itself is named after its {@code build.py}.
 * Replaying also checks the folders those calls reached through links, as for a copy-only target.
 */
final class TracedCopies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TracedCopies() {
    }

    /**
     * {@code output}'s content with each entry's origin set.
     *
     * @param trace the recorded calls, one JSON object a line ({@code cwd}, {@code args} after {@code rsync})
     */
    static PluginContent withOrigins(PluginContent output, Path trace, Path family, String familyName,
            TargetDeclaration target, Path outputFolder, ExternalLinks links) throws IOException, ProvdBuildException {
        List<RsyncCall> calls = calls(trace, family, outputFolder);
        PluginContent copied = calls.isEmpty() ? new PluginContent(List.of())
                : CopyTarget.copy(family, familyName, target, calls, links);
        List<ContentEntry> named = new ArrayList<>();
        for (ContentEntry entry : output.entries()) {
            Optional<ContentEntry> source = copied.entry(entry.path()).filter(entry::sameContentAs);
            String origin = source.map(ContentEntry::origin).filter(text -> !text.isEmpty()).orElse(
                    entry.origin().isEmpty() && entry.type() != ContentEntry.Type.DIRECTORY
                            ? entry.path() + " (written by " + familyName + "/build.py)" : entry.origin());
            named.add(new ContentEntry(entry.path(), entry.type(), entry.executable(), entry.data(), entry.linkTarget(),
                    origin));
        }
        return new PluginContent(named);
    }

    /** The recorded calls made from the family folder into the output folder that wazo-deb can redo. */
    private static List<RsyncCall> calls(Path trace, Path family, Path outputFolder) throws IOException {
        List<RsyncCall> calls = new ArrayList<>();
        if (!Files.isRegularFile(trace)) {
            return calls;
        }
        Path familyFolder = family.toRealPath();
        Path output = outputFolder.toAbsolutePath().normalize();
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            JsonNode call = JSON.readTree(line);
            if (!Path.of(call.path("cwd").asText()).toRealPath().equals(familyFolder)) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (JsonNode arg : call.path("args")) {
                String text = arg.asText();
                args.add(text.startsWith("/") && Path.of(text).normalize().equals(output) ? null : text);
            }
            RsyncCall.of(args).ifPresent(calls::add);
        }
        return calls;
    }
}
