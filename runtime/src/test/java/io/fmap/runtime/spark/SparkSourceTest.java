package io.fmap.runtime.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.source.SourceException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSourceTest {
  @TempDir Path dir;

  SparkSource load(String yaml) throws IOException {
    Path file = dir.resolve("fmap.yaml");
    Files.writeString(file, yaml);
    return SparkSource.load(file);
  }

  @Test
  void anExportFolderIsResolvedNextToFmapYaml() throws IOException {
    assertEquals(new SparkSource.ExportFiles(dir.toAbsolutePath().resolve("data/export")),
        load("spark:\n  export: ./data/export\n"));
  }

  @Test
  void theApiTakesItsPathsPageSizeAndTokenVariable() throws IOException {
    SparkSource.ExportApi api = (SparkSource.ExportApi) load("""
        spark:
          url: https://acme.spark.example
          tokenEnv: ACME_SPARK_TOKEN
          pageSize: 200
          paths: {records: "/export/v2/{collection}"}
        """);
    assertEquals(URI.create("https://acme.spark.example"), api.config().baseUrl());
    assertEquals("ACME_SPARK_TOKEN", api.config().tokenEnv());
    assertEquals(200, api.config().pageSize());
    assertEquals("/export/v2/{collection}", api.config().recordsPath());
    assertEquals("/api/v1/schema", api.config().schemaPath(), "unset paths keep the documented default");
  }

  @Test
  void aTokenWrittenIntoTheFileIsRefused() {
    SourceException e = assertThrows(SourceException.class, () -> load("spark:\n  url: https://x.example\n  token: abc\n"));
    assertTrue(e.getMessage().contains("spark.token") && e.getMessage().contains("tokenEnv"), e.getMessage());
    assertTrue(!e.getMessage().contains("abc"), "the token is not repeated");
  }

  @Test
  void exactlyOneOfExportAndUrlIsNeeded() {
    SourceException e = assertThrows(SourceException.class, () -> load("spark:\n  pageSize: 10\n"));
    assertTrue(e.getMessage().contains("exactly one of 'export:'"), e.getMessage());
  }

  @Test
  void aMisspeltKeyIsNamed() {
    SourceException e = assertThrows(SourceException.class, () -> load("spark:\n  export: x\n  pagesize: 10\n"));
    assertTrue(e.getMessage().contains("spark.pagesize: unknown key"), e.getMessage());
  }
}
