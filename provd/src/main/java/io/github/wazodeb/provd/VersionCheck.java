package io.github.wazodeb.provd;

import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import io.github.wazodeb.provd.channel.Channel;
import io.github.wazodeb.provd.channel.PluginsIndex;
import io.github.wazodeb.provd.content.ContentEntry;
import io.github.wazodeb.provd.content.PluginContent;
import io.github.wazodeb.provd.content.TemporaryFolders;
import io.github.wazodeb.provd.firmware.FirmwareCache;
import io.github.wazodeb.provd.model.IniDocument;
import io.github.wazodeb.provd.model.PkgsDbCheck;
import io.github.wazodeb.provd.model.PluginVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code provd check}: builds every target of the tree in memory and compares each plugin with the same
 * plugin in an earlier state (a channel folder, or the tree at a git ref): a plugin whose built content
 * changed must carry a higher version. Also checks every built {@code plugin-info} (by building) and every
 * {@code pkgs/pkgs.db}. Reports every problem at once.
 */
public final class VersionCheck {

    /**
     * What was checked and what is wrong.
     *
     * @param firmwareVerified the {@code [file_*]} sections whose size and sha1sum were compared with a file
     * @param firmwareByForm those only checked by form (a number, 40 hex digits)
     */
    public record Report(int plugins, int changed, List<Problem> problems, int firmwareVerified, int firmwareByForm) {

        public Report {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** An earlier state of one plugin: its version and content. */
    private record Earlier(PluginVersion version, PluginContent content) {
    }

    private final Path tree;
    private final String against;
    private final ProvdListener listener;
    private final boolean allowExternalLinks;
    private final Optional<FirmwareCache> firmwareCache;

    /** @param against a channel folder, or a git ref of the tree's repository */
    public VersionCheck(Path tree, String against, ProvdListener listener) {
        this(tree, against, listener, false, Optional.empty());
    }

    private VersionCheck(Path tree, String against, ProvdListener listener, boolean allowExternalLinks,
            Optional<FirmwareCache> firmwareCache) {
        this.tree = tree;
        this.against = against;
        this.listener = listener;
        this.allowExternalLinks = allowExternalLinks;
        this.firmwareCache = firmwareCache;
    }

    /** This check, with links that leave a plugin or the tree warned about instead of refused. */
    public VersionCheck allowingExternalLinks(boolean allow) {
        return new VersionCheck(tree, against, listener, allow, firmwareCache);
    }

    /**
     * This check, comparing each firmware file's size and sha1sum with its download in {@code folder} (as
     * {@code provd firmware --download --cache} keeps them) where there is one.
     */
    public VersionCheck verifyingFirmwareFrom(Optional<Path> folder) {
        return new VersionCheck(tree, against, listener, allowExternalLinks,
                folder.map(path -> new FirmwareCache(path.toAbsolutePath().normalize())));
    }

    public Report run() throws InvalidPluginException, ProvdBuildException {
        ProvdTree current = ProvdTree.read(tree);
        List<Problem> problems = new ArrayList<>();
        PluginBuilder.Result result = new PluginBuilder(listener, allowExternalLinks).buildAll(current.targets(List.of()));
        List<BuiltPlugin> built = result.built();
        problems.addAll(result.problems());
        int[] firmware = new int[2];
        problems.addAll(checkPkgsDbs(result.contents(), firmware));
        Map<String, Earlier> earlier = earlier();
        int changed = 0;
        for (BuiltPlugin plugin : built) {
            Earlier before = earlier.get(plugin.pluginId());
            if (before == null) {
                continue;
            }
            List<String> changes = plugin.content().changesSince(before.content());
            if (changes.isEmpty()) {
                continue;
            }
            changed++;
            PluginVersion version = plugin.info().version();
            if (!version.isNewerThan(before.version())) {
                problems.add(new Problem(Severity.ERROR, plugin.infoFile(), plugin.info().lineOf("version"), 0,
                        "version", version.text(), "must be higher than " + before.version() + " (in " + against
                                + "): " + plugin.pluginId() + " changed: " + summary(changes)));
            }
        }
        return new Report(built.size(), changed, problems, firmware[0], firmware[1]);
    }

    private static String summary(List<String> changes) {
        int shown = Math.min(changes.size(), 5);
        return String.join(", ", changes.subList(0, shown))
                + (changes.size() > shown ? " and " + (changes.size() - shown) + " more" : "");
    }

    /** Each built plugin's {@code pkgs/pkgs.db}, checked once per source file, whatever its plugin-info says. */
    private List<Problem> checkPkgsDbs(Map<String, PluginContent> contents, int[] firmware)
            throws ProvdBuildException {
        List<Problem> problems = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        for (Map.Entry<String, PluginContent> plugin : contents.entrySet()) {
            Optional<ContentEntry> pkgs = plugin.getValue().entry("pkgs/pkgs.db");
            if (pkgs.isPresent() && pkgs.get().type() == ContentEntry.Type.FILE) {
                String file = pkgs.get().origin().isEmpty() ? plugin.getKey() + "/pkgs/pkgs.db" : pkgs.get().origin();
                if (checked.add(file)) {
                    String text = new String(pkgs.get().data(), StandardCharsets.UTF_8);
                    problems.addAll(PkgsDbCheck.check(text, file));
                    problems.addAll(verifyFirmware(text, file, firmware));
                }
            }
        }
        return problems;
    }

    /** Compares each {@code [file_*]} section with its file in the firmware cache, counting what could not be. */
    private List<Problem> verifyFirmware(String text, String file, int[] firmware) throws ProvdBuildException {
        IniDocument document;
        try {
            document = IniDocument.parse(text);
        } catch (IniDocument.SyntaxException e) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (IniDocument.Section section : document.sections()) {
            if (!section.name().startsWith("file_")) {
                continue;
            }
            String url = section.option("url").map(IniDocument.Option::value).orElse("");
            Optional<Path> cached = firmwareCache.flatMap(cache -> cache.find(url));
            if (cached.isEmpty()) {
                firmware[1]++;
                continue;
            }
            firmware[0]++;
            compare(section, "size", String.valueOf(Channel.size(cached.get())), url, file, problems);
            compare(section, "sha1sum", Channel.sha1(cached.get()), url, file, problems);
        }
        return problems;
    }

    private static void compare(IniDocument.Section section, String key, String actual, String url, String file,
            List<Problem> problems) {
        Optional<IniDocument.Option> option = section.option(key);
        if (option.isPresent() && !option.get().value().equalsIgnoreCase(actual)) {
            problems.add(new Problem(Severity.ERROR, file, option.get().line(), 0, section.name() + "." + key,
                    option.get().value(), "differs from the downloaded " + url + ": " + actual));
        }
    }

    private Map<String, Earlier> earlier() throws ProvdBuildException {
        Path folder = Path.of(against);
        Map<String, Earlier> earlier = new HashMap<>();
        if (Files.isDirectory(folder)) {
            Channel channel = Channel.read(folder);
            for (PluginsIndex.Entry entry : channel.index().entries().values()) {
                earlier.put(entry.id(), new Earlier(entry.version(), channel.content(entry)));
            }
            return earlier;
        }
        Path snapshot = null;
        try {
            snapshot = Files.createTempDirectory("wazo-provd-ref");
            listener.progress("building the tree as of " + against);
            ProvdTree then = ProvdTree.read(GitSnapshot.checkout(tree, against, snapshot));
            // The earlier state is only compared with: its links were published already, or never will be.
            for (BuiltPlugin plugin : new PluginBuilder(ProvdListener.SILENT, true).build(then.targets(List.of()))) {
                earlier.put(plugin.pluginId(), new Earlier(plugin.info().version(), plugin.content()));
            }
            return earlier;
        } catch (InvalidPluginException e) {
            throw new ProvdBuildException("the tree as of " + against + " does not build: "
                    + e.problems().get(0).format() + (e.problems().size() > 1 ? " (and more)" : ""), e);
        } catch (IOException e) {
            throw new ProvdBuildException("cannot make a temporary folder: " + e.getMessage(), e);
        } finally {
            TemporaryFolders.delete(snapshot);
        }
    }
}
