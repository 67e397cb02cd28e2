package io.github.wazodeb.provd.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the arguments of an rsync call into an {@link RsyncCall}, accepting only what wazo-deb reproduces
 * exactly: {@code -r} (required), {@code -l}, {@code -p} (alone or grouped, or their long forms),
 * {@code --include}/{@code --exclude} rules, literal sources relative to the family folder, and the target's
 * output folder last. Anything else makes the target run through Python instead.
 */
final class RsyncOptions {

    /** Stands for an argument that is an expression rather than a string literal. */
    static final String NOT_LITERAL = "\0";

    private RsyncOptions() {
    }

    /**
     * @param args the arguments after {@code rsync}; null stands for the output folder
     * @return null when the call was added to {@code calls}, else why it is not a supported copy
     */
    static String read(List<String> args, int line, List<RsyncCall> calls) {
        boolean recursive = false;
        boolean links = false;
        List<FilterRule> rules = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (NOT_LITERAL.equals(arg)) {
                return "rsync has an argument that is not a string literal";
            }
            if (arg == null || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
            } else if (arg.equals("--include") || arg.equals("--exclude")) {
                if (i + 1 >= args.size() || args.get(i + 1) == null || NOT_LITERAL.equals(args.get(i + 1))) {
                    return "rsync " + arg + " is not followed by a literal pattern";
                }
                rules.add(new FilterRule(arg.equals("--include"), args.get(++i)));
            } else if (arg.startsWith("--include=") || arg.startsWith("--exclude=")) {
                rules.add(new FilterRule(arg.startsWith("--include="), arg.substring(arg.indexOf('=') + 1)));
            } else if (arg.equals("--recursive")) {
                recursive = true;
            } else if (arg.equals("--links")) {
                links = true;
            } else if (arg.equals("--perms")) {
                continue;
            } else if (arg.matches("-[rlp]+")) {
                recursive |= arg.indexOf('r') > 0;
                links |= arg.indexOf('l') > 0;
            } else {
                return "rsync option " + arg + " is not one wazo-deb copies in-process (-r, -l, -p, --include, --exclude)";
            }
        }
        if (!recursive) {
            return "rsync without -r copies no folder";
        }
        if (positional.size() < 2 || positional.get(positional.size() - 1) != null) {
            return "rsync does not copy into the target's output folder";
        }
        List<String> sources = positional.subList(0, positional.size() - 1);
        for (String source : sources) {
            if (source == null || source.isEmpty() || source.startsWith("/") || List.of(source.split("/")).contains("..")) {
                return "rsync source " + (source == null ? "the output folder" : "\"" + source + "\"")
                        + " is not a folder of the family";
            }
        }
        calls.add(new RsyncCall(line, links, rules, sources));
        return null;
    }
}
