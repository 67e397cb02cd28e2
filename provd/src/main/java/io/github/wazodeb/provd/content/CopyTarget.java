package io.github.wazodeb.provd.content;

import io.github.wazodeb.provd.ProvdBuildException;
import io.github.wazodeb.provd.model.RsyncCall;
import io.github.wazodeb.provd.model.RsyncFilter;
import io.github.wazodeb.provd.model.TargetDeclaration;
import io.github.wazodeb.provd.model.TargetRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Builds a copy-only target in-process: its rsync calls in order, each as {@code rsync -rlp} with its rules
 * would fill the output folder (transfer root, filter decisions, links kept or skipped, later copies
 * overlaying earlier ones), then the standard {@code var/} folders. Links that leave the plugin or the tree
 * are recorded in {@link ExternalLinks}.
 */
public final class CopyTarget {

    private CopyTarget() {
    }

    /**
     * @param family the family folder, where the target's sources are
     * @param familyName the family folder's name, for the entries' origins
     */
    public static PluginContent build(Path family, String familyName, TargetDeclaration target, TargetRecipe.Copy recipe,
            ExternalLinks links) throws ProvdBuildException {
        PluginContent content = copy(family, familyName, target, recipe.calls(), links);
        links.checkContent(content, target.pluginId());
        return content;
    }

    /** The calls' copies and the standard folders, the links in the content not checked. */
    static PluginContent copy(Path family, String familyName, TargetDeclaration target, List<RsyncCall> calls,
            ExternalLinks links) throws ProvdBuildException {
        String name = familyName + " target " + target.id();
        ContentBuilder output = new ContentBuilder(name);
        try {
            for (RsyncCall call : calls) {
                RsyncFilter filter = new RsyncFilter(call.rules());
                for (String source : call.sources()) {
                    if (insideTree(family, familyName, source, target, links)) {
                        copy(family, familyName, source, call, filter, output, name);
                    }
                }
            }
            if (target.standardDirectories()) {
                output.addStandardDirectories();
            }
        } catch (IOException e) {
            throw new ProvdBuildException(name + " failed: " + e.getMessage(), e);
        }
        return output.build();
    }

    /**
     * Whether the folders rsync follows to reach {@code source} (all of its path for {@code dir/}, its parents
     * for {@code dir}, which is copied as a link when it is one) stay in the tree; else it is recorded, and
     * copied only when such links are allowed.
     */
    private static boolean insideTree(Path family, String familyName, String source, TargetDeclaration target,
            ExternalLinks links) throws IOException {
        Path from = family.resolve(source).normalize();
        Path followed = source.endsWith("/") || source.equals(".") ? from : from.getParent();
        if (!Files.exists(followed)) {
            return true;
        }
        Path real = followed.toRealPath();
        if (real.startsWith(family.getParent().toRealPath())) {
            return true;
        }
        return links.sourceOutside(familyName + "/" + stripSlashes(source), real, target.pluginId());
    }

    private static void copy(Path family, String familyName, String source, RsyncCall call, RsyncFilter filter,
            ContentBuilder output, String name) throws IOException, ProvdBuildException {
        Path from = family.resolve(source).normalize();
        if (!Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvdBuildException(name + " failed: build.py line " + call.line() + " copies " + source
                    + ", which does not exist in " + familyName);
        }
        String folder = stripSlashes(source);
        if (source.endsWith("/") || source.equals(".")) {
            // "dir/": the folder's contents go into the output folder; paths are relative to the folder.
            if (!Files.isDirectory(from)) {
                throw new ProvdBuildException(name + " failed: build.py line " + call.line() + " copies " + source
                        + ", which is not a folder");
            }
            walk(from, "", join(familyName, folder), call, filter, output);
        } else {
            // "dir" or "file": the entry itself goes into the output folder, under its own name.
            String top = from.getFileName().toString();
            BasicFileAttributes attributes = FileTrees.attributes(from);
            String parent = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
            visit(from, attributes, top, join(familyName, parent), call, filter, output);
        }
    }

    private static void walk(Path folder, String prefix, String originRoot, RsyncCall call, RsyncFilter filter,
            ContentBuilder output) throws IOException, ProvdBuildException {
        for (Path child : FileTrees.children(folder)) {
            String path = prefix.isEmpty() ? child.getFileName().toString() : prefix + "/" + child.getFileName();
            visit(child, FileTrees.attributes(child), path, originRoot, call, filter, output);
        }
    }

    private static void visit(Path file, BasicFileAttributes attributes, String path, String originRoot, RsyncCall call,
            RsyncFilter filter, ContentBuilder output) throws IOException, ProvdBuildException {
        if (attributes.isSymbolicLink() && !call.links()) {
            return;
        }
        if (!filter.includes(path, attributes.isDirectory())) {
            return;
        }
        String origin = join(originRoot, path);
        ContentEntry entry = FileTrees.entry(file, attributes, path, origin);
        if (entry == null) {
            return;
        }
        output.put(entry);
        if (attributes.isDirectory()) {
            walk(file, path, originRoot, call, filter, output);
        }
    }

    private static String join(String folder, String path) {
        return folder.isEmpty() ? path : path.isEmpty() ? folder : folder + "/" + path;
    }

    private static String stripSlashes(String source) {
        String stripped = source;
        while (stripped.endsWith("/") && stripped.length() > 1) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped.equals(".") ? "" : stripped;
    }
}
