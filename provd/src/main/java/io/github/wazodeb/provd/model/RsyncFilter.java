package io.github.wazodeb.provd.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * rsync's include/exclude decision for one call's rules, as rsync(1) ("INCLUDE/EXCLUDE PATTERN RULES") defines
 * it for the patterns provd trees use: the first rule that matches decides, no match means included; a
 * pattern ending in {@code /} matches only folders; one starting with {@code /} is anchored at the transfer's
 * root; one holding a {@code /} or {@code **} is matched against the whole path (unanchored: against its end,
 * from a component boundary), any other against the last component only; {@code *} and {@code ?} stop at
 * {@code /}, {@code **} does not, {@code [...]} is a character class, a trailing {@code /***} matches a folder
 * and everything in it.
 */
public final class RsyncFilter {

    private record Compiled(boolean include, boolean directoryOnly, boolean wholePath, Pattern pattern) {
    }

    private final List<Compiled> rules;

    public RsyncFilter(List<FilterRule> rules) {
        this.rules = rules.stream().map(RsyncFilter::compile).toList();
    }

    /**
     * @param path the path relative to the transfer's root, {@code /}-separated, without a leading {@code /}
     * @param directory whether it is a folder (a link to a folder is not)
     */
    public boolean includes(String path, boolean directory) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Compiled rule : rules) {
            if (rule.directoryOnly() && !directory) {
                continue;
            }
            if (rule.pattern().matcher(rule.wholePath() ? path : name).matches()) {
                return rule.include();
            }
        }
        return true;
    }

    private static Compiled compile(FilterRule rule) {
        String pattern = rule.pattern();
        boolean directoryOnly = pattern.endsWith("/") && pattern.length() > 1;
        if (directoryOnly) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        boolean anchored = pattern.startsWith("/");
        if (anchored) {
            pattern = pattern.substring(1);
        }
        boolean everythingUnder = pattern.endsWith("/***");
        if (everythingUnder) {
            pattern = pattern.substring(0, pattern.length() - 4);
        }
        boolean wholePath = anchored || everythingUnder || pattern.contains("/") || pattern.contains("**");
        String regex = regex(pattern) + (everythingUnder ? "(/.*)?" : "");
        if (wholePath && !anchored) {
            regex = "(.*/)?" + regex;
        }
        return new Compiled(rule.include(), directoryOnly, wholePath, Pattern.compile(regex, Pattern.DOTALL));
    }

    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    while (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                        i++;
                    }
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
                int close = pattern.indexOf(']', i + 2);
                String body = pattern.substring(i + 1, close);
                boolean negated = body.startsWith("!") || body.startsWith("^");
                if (negated) {
                    body = body.substring(1);
                }
                regex.append('[').append(negated ? "^/" : "").append(body.replace("\\", "\\\\").replace("[", "\\["))
                        .append(']');
                i = close;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
