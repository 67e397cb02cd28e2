package io.github.wazodeb.scaffold;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value the skeleton's templates leave open, written {@code @@NAME@@} in them: a form that neither the
 * shell ({@code ${pkgdir}}), nor GitHub ({@code ${{ secrets.X }}}), nor Velocity (the archetype) reads as
 * its own.
 */
enum Placeholder {
    NAME, NAMESPACE, VERSION, GROUP_ID, ARTIFACT_ID, WAZO_DEB_VERSION;

    private static final Pattern MARK = Pattern.compile("@@([A-Z_]+)@@");

    /** The template's text with every placeholder replaced by its value. */
    static String fill(String template, Map<Placeholder, String> values) {
        Matcher marks = MARK.matcher(template);
        StringBuilder filled = new StringBuilder(template.length());
        while (marks.find()) {
            String value = values.get(valueOf(marks.group(1)));
            if (value == null) {
                throw new IllegalArgumentException("no value for @@" + marks.group(1) + "@@");
            }
            marks.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return marks.appendTail(filled).toString();
    }
}
