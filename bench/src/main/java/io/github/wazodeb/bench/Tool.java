package io.github.wazodeb.bench;

/** What produced a package: a whole process, or the library called in a warm JVM. */
enum Tool {
    WAZO_DEB("wazo-deb command"),
    DPKG_DEB("dpkg-deb pipeline"),
    API_WARM("wazo-deb API, warm");

    final String label;

    Tool(String label) {
        this.label = label;
    }
}
