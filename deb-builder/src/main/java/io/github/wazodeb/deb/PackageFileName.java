package io.github.wazodeb.deb;

import io.github.wazodeb.model.PluginDescriptor;

/** {@code <package>_<version without epoch>_all.deb}, as dpkg-deb and dpkg-name name packages. */
final class PackageFileName {

    private PackageFileName() {
    }

    static String of(PluginDescriptor plugin) {
        String version = plugin.version();
        int colon = version.indexOf(':');
        String withoutEpoch = colon >= 0 ? version.substring(colon + 1) : version;
        return plugin.debianPackageName() + "_" + withoutEpoch + "_all.deb";
    }
}
