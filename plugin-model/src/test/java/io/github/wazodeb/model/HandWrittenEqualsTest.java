package io.github.wazodeb.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.model.DebianRelation.Alternative;
import io.github.wazodeb.model.DebianRelation.Operator;
import io.github.wazodeb.model.DebianRelation.VersionConstraint;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose equals and hashCode are written out (for start-up: see PluginDescriptor) mean what a
 * record's generated ones mean: equal to a copy, and every component takes part, so a component added
 * later and left out of them fails here.
 */
class HandWrittenEqualsTest {

    private static final String EVERY_KEY = """
            name: hello
            namespace: acme
            version: "1.0-2"
            description: says hello
            plugin_format_version: 2
            depends:
              - name: other
                namespace: acme
                version: "2.0"
            debian_depends:
              - "curl:any (>= 7.0) | wget"
            min_wazo_version: "23.01"
            max_wazo_version: "25.01"
            homepage: https://example.org
            """;

    static Stream<Record> everyComponentFilled() {
        PluginReport report = PluginReader.readYaml(EVERY_KEY, PluginReader.PLUGIN_YML);
        assertThat(report.problems()).isEmpty();
        PluginDescriptor descriptor = report.descriptor().orElseThrow();
        DebianRelation relation = descriptor.debianDepends().get(0);
        Alternative alternative = relation.alternatives().get(0);
        return Stream.of(descriptor, descriptor.depends().get(0), relation, alternative,
                alternative.constraint().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("everyComponentFilled")
    void equalToACopyWithTheSameHashCode(Record base) throws ReflectiveOperationException {
        Record copy = rebuilt(base, -1);

        assertThat(copy).isNotSameAs(base).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(base).isNotEqualTo(null).isNotEqualTo(base.toString());
    }

    @ParameterizedTest
    @MethodSource("everyComponentFilled")
    void everyComponentTakesPartInEqualsAndHashCode(Record base) throws ReflectiveOperationException {
        RecordComponent[] components = base.getClass().getRecordComponents();
        for (int changed = 0; changed < components.length; changed++) {
            Record variant = rebuilt(base, changed);

            String component = base.getClass().getSimpleName() + "." + components[changed].getName();
            assertThat(variant).as(component).isNotEqualTo(base);
            assertThat(variant.hashCode()).as(component).isNotEqualTo(base.hashCode());
        }
    }

    /** A new record with base's components, but another value for the one at {@code changed} (none if -1). */
    private static Record rebuilt(Record base, int changed) throws ReflectiveOperationException {
        RecordComponent[] components = base.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object value = components[i].getAccessor().invoke(base);
            values[i] = i == changed ? otherThan(value, components[i]) : value;
        }
        @SuppressWarnings("unchecked")
        Constructor<Record> canonical = (Constructor<Record>) base.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return canonical.newInstance(values);
    }

    /** A value of the component's type other than {@code value}. */
    private static Object otherThan(Object value, RecordComponent component) {
        if (value instanceof String text) {
            return text + "-other";
        }
        if (value instanceof Integer number) {
            return number - 1;
        }
        if (value instanceof Operator operator) {
            return operator == Operator.LATER ? Operator.EARLIER : Operator.LATER;
        }
        if (value instanceof Optional<?> optional) {
            assertThat(optional).as(component.getName() + " is filled in the base record").isPresent();
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            // A relation needs one alternative at least: another one, rather than none.
            if (component.getDeclaringRecord() == DebianRelation.class) {
                return List.of(new Alternative("other", Optional.empty(), Optional.empty()));
            }
            assertThat(list).as(component.getName() + " is filled in the base record").isNotEmpty();
            return List.of();
        }
        if (value instanceof Map<?, ?> map) {
            assertThat(map).as(component.getName() + " is filled in the base record").isNotEmpty();
            return Map.of();
        }
        throw new AssertionError("no other value known for " + component + ": teach this test its type");
    }
}
