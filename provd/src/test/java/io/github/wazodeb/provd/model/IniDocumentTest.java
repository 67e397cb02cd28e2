package io.github.wazodeb.provd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniDocumentTest {

    private static final String TEXT = """
            ; vendor files
            [file_a]
            URL = https://example.com/a.zip
            size   =   10
            notes: first
              second

              third
            [file_b]
            url: https://example.com/b.zip""";

    @Test
    void readsAsConfigparserDoes() throws Exception {
        IniDocument document = IniDocument.parse(TEXT);

        assertThat(document.sections()).extracting(IniDocument.Section::name).containsExactly("file_a", "file_b");
        IniDocument.Section a = document.section("file_a").orElseThrow();
        assertThat(a.options()).containsOnlyKeys("url", "size", "notes");
        assertThat(a.option("size").orElseThrow().value()).isEqualTo("10");
        assertThat(a.option("notes").orElseThrow().value()).isEqualTo("first\nsecond\n\nthird");
        assertThat(a.option("notes").orElseThrow().lastLine()).isEqualTo(8);
    }

    @Test
    void anEditChangesOnlyTheValueAndAddsAMissingKeyInTheSectionsStyle() throws Exception {
        IniDocument edited = IniDocument.parse(TEXT).with("file_a", "size", "42").with("file_b", "sha1sum", "ab");

        assertThat(edited.text()).isEqualTo(TEXT.replace("size   =   10", "size   =   42") + "\nsha1sum: ab\n");
    }

    @Test
    void aRepeatedKeyIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> IniDocument.parse("[s]\na: 1\nA = 2\n"))
                .isInstanceOfSatisfying(IniDocument.SyntaxException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("key a is already set on line 2");
    }
}
