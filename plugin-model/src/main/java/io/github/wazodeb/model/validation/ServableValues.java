package io.github.wazodeb.model.validation;

import io.github.wazodeb.model.report.ProblemList;
import io.github.wazodeb.model.yaml.NumberReading;
import io.github.wazodeb.model.yaml.ScalarKind;
import io.github.wazodeb.model.yaml.YamlNode;
import java.util.Optional;

/**
 * Finds, anywhere in plugin.yml (unknown keys, nested mappings, lists), the values wazo-plugind reads but
 * cannot serve: its plugin list ({@code GET /0.2/plugins}) and its market answer in JSON, which has no date,
 * no NaN and no infinity. Python's encoder fails on a date, so one such value in one installed plugin makes
 * the list fail for every plugin; NaN and infinity come out as bare {@code NaN}, {@code Infinity}, which no
 * JSON reader accepts. Binary and set tags are refused where they are read, by the YAML loader. Internal to
 * plugin-model.
 */
final class ServableValues {

    private ServableValues() {
    }

    /** Why wazo-plugind cannot serve this scalar, or empty when it can. */
    static Optional<String> whyNot(YamlNode.Scalar scalar) {
        if (scalar.kind() == ScalarKind.TIMESTAMP) {
            return Optional.of("is read by YAML as a date, which wazo-plugind's JSON plugin list cannot serve (one such "
                    + "value makes GET /0.2/plugins fail for every plugin)");
        }
        return NumberReading.asPythonText(scalar).flatMap(reading -> switch (reading) {
            case "nan" -> Optional.of("is read by YAML as NaN (not a number), which JSON cannot hold: wazo-plugind's "
                    + "plugin list would serve a bare NaN");
            case "inf", "-inf" -> Optional.of("is read by YAML as " + (reading.startsWith("-") ? "minus " : "")
                    + "infinity, which JSON cannot hold: wazo-plugind's plugin list would serve a bare Infinity");
            default -> Optional.empty();
        });
    }

    /**
     * Reports every unservable scalar under {@code node}, except where an error already points at it (a
     * date {@code version} is already refused as not a string, an alias repeats its anchor's value).
     */
    static void check(YamlNode node, String path, ProblemList problems) {
        if (node instanceof YamlNode.Scalar scalar) {
            if (!problems.hasErrorAt(scalar.position())) {
                whyNot(scalar).ifPresent(why -> problems.error(scalar.position(), path, scalar.text(),
                        why + ": " + Quoting.quoteIt(path, scalar.text())));
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                check(sequence.items().get(i), path + "[" + i + "]", problems);
            }
        } else if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                check(entry.value(), path.isEmpty() ? entry.key() : path + "." + entry.key(), problems);
            }
        }
    }
}
