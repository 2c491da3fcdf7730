package io.shmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The Maven Wrapper: a JDK is all a machine needs to build and test. The wrapper is the one the
 * parent pom pins, downloads the Maven the pom names from Maven Central, keeps no jar in the
 * repository, and is what CI and the README run.
 */
class MavenWrapperTest {

    private static Properties wrapper() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Checkout.read(".mvn/wrapper/maven-wrapper.properties")));
        return p;
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Checkout.read("pom.xml"));
        assertTrue(m.find(), () -> "the parent pom has no property " + name);
        return m.group(1);
    }

    @Test
    void downloadsThePinnedMavenFromMavenCentral() throws IOException {
        String maven = pomProperty("wrapper-maven.version");
        assertTrue(maven.startsWith("3.9."), maven);
        assertEquals("https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/" + maven + "/apache-maven-" + maven
                + "-bin.zip", wrapper().getProperty("distributionUrl"));
    }

    @Test
    void isThePinnedWrapperWithNoJarInTheRepository() throws IOException {
        assertEquals(pomProperty("wrapper-plugin.version"), wrapper().getProperty("wrapperVersion"));
        assertEquals("only-script", wrapper().getProperty("distributionType"));
        assertFalse(Files.exists(Checkout.file(".mvn/wrapper/maven-wrapper.jar")));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void scriptsAreExecutable() {
        for (String script : new String[] {"mvnw", "shmlab", ".ci/run"}) {
            assertTrue(Files.isExecutable(Checkout.file(script)), script);
        }
    }

    @Test
    void ciRunsTheReadmesTestCommandThroughTheWrapper() {
        String command = "./mvnw -B verify";
        assertTrue(Checkout.read(".ci/run").lines().anyMatch(command::equals), ".ci/run runs " + command);
        // the README's command lines, without their comments
        List<String> readme = Checkout.read("README.md").lines().map(l -> l.replaceFirst("\\s+#.*", "")).toList();
        assertTrue(readme.contains(command), "README's Quick start gives " + command);
        assertTrue(readme.contains("mvnw -B verify"), "README's Quick start gives the Windows test command");
    }
}
