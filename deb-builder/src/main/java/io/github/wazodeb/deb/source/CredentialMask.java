package io.github.wazodeb.deb.source;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the credentials of a URL ({@code https://TOKEN@host/...}, {@code https://user:pass@host/...}) out of
 * every text a user or a log sees, git's own messages included.
 */
public final class CredentialMask {

    /** {@code scheme://userinfo@}: the userinfo runs to the last '@' before the host's first '/'. */
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s]*@");
    /**
     * Shorter secrets are not hunted outside URLs: replacing a two-letter user name everywhere would garble
     * the message without hiding anything worth hiding.
     */
    private static final int MIN_LOOSE_SECRET = 6;

    private CredentialMask() {
    }

    /** {@code text} with the userinfo of every {@code scheme://userinfo@} in it replaced by {@code ***}. */
    public static String maskUrl(String text) {
        return USERINFO.matcher(text).replaceAll("$1***@");
    }

    /**
     * {@code text} with every URL's userinfo masked, and the credentials of {@code url} also masked where they
     * appear outside a URL (as written or percent-decoded: git may quote either).
     */
    public static String mask(String text, String url) {
        String masked = maskUrl(text);
        for (String secret : secretsOf(url)) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }

    /** The userinfo of a {@code scheme://userinfo@host} URL and its password, written and decoded. */
    private static List<String> secretsOf(String url) {
        Matcher matcher = USERINFO.matcher(url);
        List<String> secrets = new ArrayList<>();
        if (matcher.lookingAt()) {
            String userinfo = url.substring(matcher.end(1), matcher.end() - 1);
            int colon = userinfo.indexOf(':');
            for (String secret : colon < 0 ? List.of(userinfo) : List.of(userinfo, userinfo.substring(colon + 1))) {
                secrets.add(secret);
                secrets.add(URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return secrets.stream().filter(s -> s.length() >= MIN_LOOSE_SECRET).distinct().toList();
    }
}
