package io.github.wazodeb.deb.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method a fresh {@link DpkgSandbox} parameter and deletes it after the test. Where the
 * machine lacks what a sandbox needs, the test is skipped (or fails, under {@code WAZODEB_REQUIRE_DPKG=1})
 * before it starts:
 *
 * <pre>{@code
 * @ExtendWith(DpkgSandboxExtension.class)
 * class InstallTest {
 *     @Test
 *     void installs(DpkgSandbox sandbox) { ... }
 * }
 * }</pre>
 */
public final class DpkgSandboxExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DpkgSandboxExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DpkgSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Requirements.assumeAvailable(Requirements.SANDBOX);
        DpkgSandbox sandbox = DpkgSandbox.create();
        context.getStore(NAMESPACE).put(context.getUniqueId(), sandbox);
        return sandbox;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        DpkgSandbox sandbox = context.getStore(NAMESPACE).remove(context.getUniqueId(), DpkgSandbox.class);
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
