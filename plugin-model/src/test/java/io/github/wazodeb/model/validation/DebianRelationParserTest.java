package io.github.wazodeb.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianRelationParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "libfoo; libfoo",
        "libfoo (>=1.0); libfoo (>= 1.0)",
        "  libfoo  ( >=  1.0 )  ; libfoo (>= 1.0)",
        "a0 (<< 1) | b0 (<= 2) | c0 (= 3) | d0 (>> 4:1-1); a0 (<< 1) | b0 (<= 2) | c0 (= 3) | d0 (>> 4:1-1)",
        "python3:any; python3:any",
        "libc6:amd64 (>= 2.36) |musl:native; libc6:amd64 (>= 2.36) | musl:native",
        "g++-12; g++-12",
    })
    void acceptsDebianRelations(String text, String canonical) {
        assertThat(DebianRelationParser.parse(text).relation()).get()
                .extracting(r -> r.text()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "foo, bar; holds a comma",
        "foo (< 1.0); uses the obsolete operator '<'",
        "foo (> 1.0); uses the obsolete operator '>'",
        "foo (=> 1.0); uses operator '=>'",
        "foo (1.0); has a version constraint without an operator",
        "foo (>= 1.0; has a version constraint that does not end with ')'",
        "foo (>= v1); has version \"v1\", which is not a valid Debian version",
        "foo | | bar; has an empty alternative",
        "foo |; has an empty alternative",
        "| foo; has an empty alternative",
        "foo [amd64]; has an architecture restriction",
        "foo <!nocheck>; has a build profile",
        "Foo; names package \"Foo\"",
        "f; names package \"f\"",
        "foo:; has architecture qualifier \"\"",
        "foo:AMD64; has architecture qualifier \"AMD64\"",
        "foo bar; has unexpected 'b'",
        "foo (>= 1) (<< 2); has a version constraint in the wrong place or twice",
        "'   '; is empty",
    })
    void refusesWhatIsNotOneRelation(String text, String reason) {
        DebianRelationParser.Result result = DebianRelationParser.parse(text.equals("'   '") ? "   " : text);
        assertThat(result.relation()).isEmpty();
        assertThat(result.problem()).get().asString().startsWith(reason);
    }

    @org.junit.jupiter.api.Test
    void refusesLineBreaksAndControlCharacters() {
        assertThat(DebianRelationParser.parse("foo\nDescription: x").problem()).get().asString().startsWith("must be on one line");
        assertThat(DebianRelationParser.parse("foo\u0001").problem()).contains("must not contain control characters");
    }
}
