package io.jfamfs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jfamfs version from the jar's Maven metadata, and the format it writes. */
final class Version implements IVersionProvider {
    static String version() {
        try (InputStream in = Version.class.getResourceAsStream(
                "/META-INF/maven/io.jfamfs/famfs-cli/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "${COMMAND-FULL-NAME} (jfamfs) " + version(),
            "famfs on-media format 2.2 (superblock version 48); Java " + Runtime.version()};
    }
}
