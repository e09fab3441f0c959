package io.fmap.schema.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.Relationship;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkSchemaReaderTest {

  private static final String SCHEMA = """
      {"objects": [
        {"name": "User", "collection": "users", "primary_name": "name", "fields": [
          {"name": "id", "type": "id"}, {"name": "name", "type": "text", "max_length": 255}]},
        {"name": "Contact", "collection": "contacts", "fields": [
          {"name": "id", "type": "id"},
          {"name": "owner_id", "type": "reference", "to": ["User"]},
          {"name": "status", "type": "picklist", "values": ["new", "qualified"]},
          {"name": "Lead Score", "label": "Lead score", "type": "decimal", "scale": 3, "custom": true}]},
        {"name": "Deal", "collection": "deals", "fields": [
          {"name": "id", "type": "id"},
          {"name": "stage", "type": "picklist", "values": [
            {"value": "Lead In", "group": "Sales", "color": "#999999"},
            {"value": "Lead In", "group": "Partners", "color": "#999999"}]}]},
        {"name": "File", "collection": "files", "fields": [
          {"name": "id", "type": "id"}, {"name": "size", "type": "number", "min": 0, "max": 1099511627776},
          {"name": "related", "type": "reference", "to": ["Contact", "Deal"]}]},
        {"name": "Project", "collection": "projects", "custom": true, "fields": [
          {"name": "id", "type": "id"},
          {"name": "contact_ids", "type": "reference_list", "to": ["Contact"]}],
         "relationships": [{"name": "project_contacts", "type": "many_to_many", "field": "contact_ids", "to": "Contact"}]}
      ]}""";

  @Test
  void objectsBecomeTablesWithTheirCollections() throws IOException {
    SparkSchemaReader.Export export = SparkSchemaReader.readExport(SCHEMA);
    SystemSchema schema = export.schema();
    assertEquals("spark", schema.system());
    assertEquals("contacts", export.collection("Contact"));
    Table user = schema.table("User").orElseThrow();
    assertEquals("id", user.primaryIdColumn());
    assertEquals("name", user.primaryNameColumn());
    assertEquals(255, user.column("name").orElseThrow().maxLength());
  }

  @Test
  void anObjectWithAnOwnerIsUserOwned() throws IOException {
    SystemSchema schema = SparkSchemaReader.read(SCHEMA);
    assertEquals(Ownership.USER, schema.table("Contact").orElseThrow().ownership());
    assertEquals(Ownership.NONE, schema.table("User").orElseThrow().ownership());
  }

  @Test
  void customFieldsKeepTheirNameWithSpacesAndTheirScale() throws IOException {
    Column score = SparkSchemaReader.read(SCHEMA).table("Contact").orElseThrow().column("Lead Score").orElseThrow();
    assertEquals(ColumnType.DECIMAL, score.type());
    assertEquals(3, score.precision());
    assertTrue(score.custom());
  }

  @Test
  void stagesKeepTheirPipelineAndColourInOrder() throws IOException {
    Column stage = SparkSchemaReader.read(SCHEMA).table("Deal").orElseThrow().column("stage").orElseThrow();
    assertEquals(List.of(new OptionValue(null, "Lead In", "Sales", "#999999"),
        new OptionValue(null, "Lead In", "Partners", "#999999")), stage.options());
  }

  @Test
  void aNumberWhoseRangeExceeds32BitsIsBigint() throws IOException {
    Table file = SparkSchemaReader.read(SCHEMA).table("File").orElseThrow();
    assertEquals(ColumnType.BIGINT, file.column("size").orElseThrow().type());
    assertEquals(2, file.column("related").orElseThrow().targets().size(), "related is polymorphic");
  }

  @Test
  void manyToManyBecomesARelationshipNamingTheLinkField() throws IOException {
    SystemSchema schema = SparkSchemaReader.read(SCHEMA);
    assertEquals(List.of(new Relationship("project_contacts", "Project", "Contact", "contact_ids", null, null, true)),
        schema.relationships());
  }

  @Test
  void anUnknownTypeIsRefusedNamingTheField() {
    IOException e = assertThrows(IOException.class, () -> SparkSchemaReader.read("""
        {"objects": [{"name": "Contact", "fields": [{"name": "id", "type": "id"}, {"name": "x", "type": "blob"}]}]}"""));
    assertTrue(e.getMessage().contains("Contact.x") && e.getMessage().contains("blob"), e.getMessage());
  }

  @Test
  void aReferenceToAnUndeclaredObjectIsRefused() {
    IOException e = assertThrows(IOException.class, () -> SparkSchemaReader.read("""
        {"objects": [{"name": "Contact", "fields": [{"name": "id", "type": "id"},
          {"name": "owner_id", "type": "reference", "to": ["User"]}]}]}"""));
    assertTrue(e.getMessage().contains("Contact.owner_id") && e.getMessage().contains("User"), e.getMessage());
  }

  @Test
  void aManyToManyOverAPlainReferenceIsRefused() {
    IOException e = assertThrows(IOException.class, () -> SparkSchemaReader.read("""
        {"objects": [{"name": "Contact", "fields": [{"name": "id", "type": "id"}]},
          {"name": "Project", "fields": [{"name": "id", "type": "id"},
             {"name": "contact_id", "type": "reference", "to": ["Contact"]}],
           "relationships": [{"name": "pc", "type": "many_to_many", "field": "contact_id", "to": "Contact"}]}]}"""));
    assertTrue(e.getMessage().contains("reference_list"), e.getMessage());
  }

  @Test
  void malformedJsonIsReportedWithItsLine() {
    IOException e = assertThrows(IOException.class, () -> SparkSchemaReader.read("{\n\"objects\": [\n}"));
    assertTrue(e.getMessage().startsWith("schema.json:3:"), e.getMessage());
  }
}
