package io.fmap.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.check.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
  @TempDir Path dir;

  @Test
  void fmapYamlGivesParamsPrefixAndEdition() throws IOException {
    Files.writeString(dir.resolve("fmap.yaml"), """
        publisher_prefix: contoso
        edition: enterprise
        params:
          lead_idle_days: 30
          region: EMEA
        spark:
          url: http://127.0.0.1:1
        """);
    ProjectConfig config = ProjectLoader.config(dir);
    assertEquals("contoso", config.publisherPrefix());
    assertEquals(OptionalInt.empty(), config.customTableCap(), "Enterprise has no custom-table cap");
    assertEquals("30", config.params().get("lead_idle_days"));
    assertEquals("EMEA", config.params().get("region"));
  }

  @Test
  void withoutFmapYamlTheDefaultsAreFmapsPublisherAndTheProfessionalCap() throws IOException {
    assertEquals(ProjectConfig.defaults(), ProjectLoader.config(dir));
    assertEquals(OptionalInt.of(15), ProjectConfig.defaults().customTableCap());
  }

  @Test
  void brokenYamlIsReportedWithTheFile() throws IOException {
    Files.writeString(dir.resolve("fmap.yaml"), "params: [unclosed\n");
    IOException e = assertThrows(IOException.class, () -> ProjectLoader.config(dir));
    assertTrue(e.getMessage().contains("fmap.yaml"), e.getMessage());
  }

  @Test
  void rootIsTheNearestFolderWithFmapYamlOrSchemas() throws IOException {
    Path mappings = Files.createDirectories(dir.resolve("mappings/deep"));
    Files.writeString(dir.resolve("fmap.yaml"), "edition: professional\n");
    Path file = Files.writeString(mappings.resolve("a.fmap"), "");
    assertEquals(dir.toAbsolutePath().normalize(), ProjectLoader.findRoot(file));
    assertEquals(dir.toAbsolutePath().normalize(), ProjectLoader.findRoot(mappings));
  }

  @Test
  void loadNamesFilesRelativeToTheProjectAndFallsBackToTheStandardSchemas() throws IOException {
    Files.createDirectories(dir.resolve("mappings"));
    Files.writeString(dir.resolve("mappings/b.fmap"), "param x: int = 1\n");
    Files.writeString(dir.resolve("mappings/a.fmap"), "param y: int = 2\n");
    Project project = ProjectLoader.load(dir);
    assertEquals(List.of("mappings/a.fmap", "mappings/b.fmap"), project.files().stream().map(Project.FmapSource::path).toList());
    assertTrue(project.target().table("account").isPresent(), "the standard set's Dynamics schema");
    assertTrue(project.source().table("Company").isPresent(), "the standard set's Spark schema");
  }
}
