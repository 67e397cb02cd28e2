package io.github.wazodeb.deb;

import io.github.wazodeb.model.DebianVersion;
import io.github.wazodeb.model.PluginDescriptor;

/** {@code <package>_<version without epoch>_all.deb}, as dpkg-deb and dpkg-name name packages. */
final class PackageFileName {

    private PackageFileName() {
    }

    static String of(PluginDescriptor plugin) {
        return plugin.debianPackageName() + "_" + DebianVersion.parse(plugin.version()).withoutEpoch() + "_all.deb";
    }
}
