package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PublicApiTest {

    @Test
    void noCommonsCompressTypeAppearsInAPublicSignature() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : List.of(PayloadTree.class, PayloadEntry.class, EntryType.class, PayloadException.class,
                ControlMember.class, FakedModes.class, DataMember.class, DebArchiveWriter.class, DebFile.class)) {
            assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type).isTrue();
            for (Executable member : Stream.concat(Stream.of(type.getConstructors()), Stream.of(type.getMethods())).toList()) {
                List<Class<?>> types = new ArrayList<>(List.of(member.getParameterTypes()));
                types.addAll(List.of(member.getExceptionTypes()));
                if (member instanceof Method method) {
                    types.add(method.getReturnType());
                }
                types.stream().filter(t -> t.getName().startsWith("org.apache.commons")
                                || t.getName().startsWith("org.tukaani") || t.getName().startsWith("com.github.luben"))
                        .forEach(t -> leaks.add(type.getSimpleName() + "." + member.getName() + ": " + t.getName()));
            }
        }
        assertThat(leaks).isEmpty();
    }
}
