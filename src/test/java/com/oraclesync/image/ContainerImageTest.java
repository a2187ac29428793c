package com.oraclesync.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OCI image tarball that Jib builds from the pom's image configuration (execution {@code image-check}, run by
 * {@code ./mvnw verify} before this test): what a container runtime would start, as whom, where, and with which files.
 */
class ContainerImageTest {

    private static OciImage image;

    @BeforeAll
    static void readTarball() throws IOException {
        String tarball = System.getProperty("image.tarball");
        assertThat(tarball).as("image.tarball (set by the failsafe configuration of ./mvnw verify)").isNotNull();
        image = OciImage.read(Path.of(tarball));
    }

    @Test
    void startsTheServiceWithTheClasspathThatJibWroteIntoTheImage() {
        // when
        List<String> entrypoint = strings(image.config().path("Entrypoint"));

        // then
        assertThat(entrypoint).containsExactly("java", "-XX:MaxRAMPercentage=75", "-cp", "@/app/jib-classpath-file",
                "com.oraclesync.OracleSyncApplication");
        String classpath = image.text("/app/jib-classpath-file").strip();
        assertThat(classpath.split(":")).contains("/app/classes", "/app/resources")
                .allSatisfy(entry -> assertThat(image.hasPath(entry.replace("/*", "")))
                        .as("classpath entry %s is in the image", entry).isTrue());
        assertThat(image.paths()).contains("/app/classes/com/oraclesync/OracleSyncApplication.class")
                .anyMatch(path -> path.matches("/app/libs/camel-core-engine-.*\\.jar"))
                .noneMatch(path -> path.contains("/com/oraclesync/support/"));
    }

    @Test
    void runsAsANonRootUserAndExposesTheHttpPort() {
        // when
        JsonNode config = image.config();

        // then
        assertThat(config.path("User").asText()).isEqualTo("1000:1000");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(strings(config.path("Env"))).contains("DATABASE_EMBEDDED_DATA_DIRECTORY=/tmp/oracle-sync");
    }

    @Test
    void carriesTheRoutesAndApplicationYmlOfTheRepositoryUnderTheWorkingDirectory() throws IOException {
        // given
        String workingDirectory = image.config().path("WorkingDir").asText();

        // then
        assertThat(workingDirectory).isEqualTo("/app");
        assertThat(image.text(workingDirectory + "/application.yml")).isEqualTo(Files.readString(Path.of("application.yml")));
        for (Path route : repositoryRoutes()) {
            assertThat(image.text(workingDirectory + "/routes/" + route.getFileName()))
                    .as("%s in the image", route).isEqualTo(Files.readString(route));
        }
    }

    @Test
    void theRoutePatternOfApplicationYmlFindsEveryRouteFromTheWorkingDirectory() throws IOException {
        // given: camel.main.routes-include-pattern as the image's application.yml sets it, e.g. file:routes/*.camel.yaml
        String pattern = routesIncludePattern(image.text("/app/application.yml"));
        assertThat(pattern).startsWith("file:");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher(
                "glob:" + image.config().path("WorkingDir").asText() + "/" + pattern.substring("file:".length()));

        // when
        List<String> found = image.paths().stream().filter(path -> matcher.matches(Path.of(path))).sorted().toList();

        // then
        assertThat(found).isEqualTo(repositoryRoutes().stream().map(route -> "/app/routes/" + route.getFileName())
                .sorted().toList());
    }

    private static List<Path> repositoryRoutes() throws IOException {
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            return routes.filter(route -> route.toString().endsWith(".camel.yaml")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static String routesIncludePattern(String applicationYml) {
        Map<String, Object> root = new Yaml().load(applicationYml);
        Map<String, Object> camelMain = (Map<String, Object>) ((Map<String, Object>) root.get("camel")).get("main");
        return (String) camelMain.get("routes-include-pattern");
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
