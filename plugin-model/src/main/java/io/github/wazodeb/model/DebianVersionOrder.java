package io.github.wazodeb.model;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders version strings as dpkg and apt do (deb-version(5)): epoch, then upstream version, then revision,
 * each compared in alternating runs of non-digits (letters before other characters, {@code ~} before
 * anything, even the end) and numbers. Written out here because none of the libraries we use has it. It lives
 * beside {@link DebianVersion}, which parses the same text, so that the order of an index's stanzas, which
 * versions {@code publish --keep} keeps and which version {@code promote} takes are the one dpkg order.
 */
public final class DebianVersionOrder implements Comparator<String> {

    public static final DebianVersionOrder INSTANCE = new DebianVersionOrder();

    private DebianVersionOrder() {
    }

    /** Negative when {@code left} is older than {@code right}, as {@code dpkg --compare-versions} says. */
    @Override
    public int compare(String left, String right) {
        Parts a = Parts.of(left);
        Parts b = Parts.of(right);
        int byEpoch = a.epoch.compareTo(b.epoch);
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byUpstream = compareRuns(a.upstream, b.upstream);
        return byUpstream != 0 ? byUpstream : compareRuns(a.revision, b.revision);
    }

    private static int compareRuns(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int difference = weight(a, i) - weight(b, j);
                if (difference != 0) {
                    return difference;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDifference = 0;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDifference == 0) {
                    firstDifference = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        return 0;
    }

    /** The end of the string and digits weigh 0, {@code ~} less, letters their code, the rest more. */
    private static int weight(String text, int index) {
        if (index >= text.length()) {
            return 0;
        }
        char c = text.charAt(index);
        if (isDigit(c)) {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private record Parts(BigInteger epoch, String upstream, String revision) {

        static Parts of(String version) {
            BigInteger epoch = BigInteger.ZERO;
            String rest = version;
            int colon = version.indexOf(':');
            if (colon > 0 && version.substring(0, colon).chars().allMatch(c -> c >= '0' && c <= '9')) {
                epoch = new BigInteger(version.substring(0, colon));
                rest = version.substring(colon + 1);
            }
            int hyphen = rest.lastIndexOf('-');
            return hyphen < 0 ? new Parts(epoch, rest, "") : new Parts(epoch, rest.substring(0, hyphen),
                    rest.substring(hyphen + 1));
        }
    }
}
