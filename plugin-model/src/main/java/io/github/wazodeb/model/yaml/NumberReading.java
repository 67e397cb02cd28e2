package io.github.wazodeb.model.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a number scalar becomes once YAML has read it and Python has turned it back into text, as
 * wazo-plugind does with {@code str(value)} for {@code version}, {@code min_wazo_version} and
 * {@code max_wazo_version}: {@code 1.10} becomes {@code 1.1}, {@code 010} becomes {@code 8},
 * {@code 1:2.0} becomes {@code 62.0}. Internal to plugin-model.
 */
public final class NumberReading {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");
    /** Python's repr of a float switches to exponent notation outside this decimal-point range. */
    private static final int MIN_FIXED_POINT = -3;
    private static final int MAX_FIXED_POINT = 16;
    /** Seventeen significant digits always give a double back exactly. */
    private static final int MAX_DIGITS = 17;

    private NumberReading() {
    }

    /**
     * The text Python prints for the number YAML reads from {@code scalar}; empty when the scalar is not a
     * number (a string, a boolean, a date, null) or not a well-formed one.
     */
    public static Optional<String> asPythonText(YamlNode.Scalar scalar) {
        return switch (scalar.kind()) {
            // Plain decimal digits read back as themselves; skipping the conversion keeps a huge one cheap.
            case INT -> DECIMAL.matcher(scalar.text()).matches()
                    ? Optional.of(scalar.text())
                    : PlainValues.bigInteger(scalar.text()).map(BigInteger::toString);
            case FLOAT -> PlainValues.floating(scalar.text()).map(NumberReading::pythonRepr);
            default -> Optional.empty();
        };
    }

    /**
     * Python's {@code repr(float)}: the fewest significant digits that read back as the same double, in
     * fixed notation with at least one decimal ({@code 1.0}) when the decimal point falls within 16
     * digits of the first one, else as {@code 1e+16}. Written out because Java 17's
     * {@code Double.toString} neither picks the shortest digits in every case nor formats them this way.
     */
    static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal exact = new BigDecimal(Math.abs(value));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == Math.abs(value)) {
                shortest = rounded;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // The decimal point sits after this many digits (negative: that many zeros after "0.").
        int point = digits.length() - shortest.scale();
        if (point >= MIN_FIXED_POINT && point <= MAX_FIXED_POINT) {
            return sign + fixed(digits, point);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exponent = point - 1;
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    private static String fixed(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }
}
